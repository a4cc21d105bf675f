"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { usePendingCount } from "@/hooks/use-pending-count";

/** `pendingBadge`: the item shows how many proposals wait for the user. */
type Item = { href: string; label: string; pendingBadge?: boolean };

export function MainNav({ items, pendingCount: initialCount }: { items: Item[]; pendingCount: number }) {
  const pathname = usePathname();
  const pendingCount = usePendingCount({ initial: initialCount });
  // The most specific item wins: /memories/pending is "Pending", not also "Memories".
  const activeHref = items
    .filter((item) => (item.href === "/" ? pathname === "/" || pathname.startsWith("/c/") : pathname === item.href || pathname.startsWith(`${item.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Main" className="flex items-center gap-1 overflow-x-auto">
      {items.map((item) => {
        const active = item.href === activeHref;
        const badge = item.pendingBadge ? pendingCount : 0;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${
              active ? "bg-indigo-50 text-indigo-700" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
            }`}
          >
            {item.label}
            {badge ? (
              <span className="ml-1.5 rounded-full bg-amber-500 px-1.5 py-0.5 text-xs text-white" aria-label={`${badge} pending`}>
                {badge}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
