"use client";

/**
 * A timestamp in the reader's locale and zone. The server renders the same call in its own
 * zone; the client's text replaces it on hydration (suppressHydrationWarning), which is the
 * one place that mismatch is expected.
 */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={iso} className={className} suppressHydrationWarning>
      {date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" })}
    </time>
  );
}
