import type { ReactNode } from "react";

/** Labelled values in a responsive grid (one column on phones, up to four on wide screens). */
export function FactList({ items, className = "" }: { items: [string, ReactNode][]; className?: string }) {
  return (
    <dl className={`grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4 ${className}`}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs text-zinc-500">{label}</dt>
          <dd className="mt-0.5 tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
