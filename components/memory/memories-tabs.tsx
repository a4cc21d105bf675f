"use client";

import Link from "next/link";
import { usePendingCount } from "@/hooks/use-pending-count";

/** The two views of the user's memories: everything, and proposals waiting for a decision. */
export function MemoriesTabs({ current, pendingCount: initialCount }: { current: "all" | "pending"; pendingCount: number }) {
  const pendingCount = usePendingCount({ initial: initialCount });
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-indigo-50 text-indigo-700" : "text-zinc-600 hover:bg-zinc-100"}`;
  return (
    <nav aria-label="Memory views" className="flex gap-1">
      <Link href="/memories" aria-current={current === "all" ? "page" : undefined} className={tab(current === "all")}>
        All memories
      </Link>
      <Link href="/memories/pending" aria-current={current === "pending" ? "page" : undefined} className={tab(current === "pending")}>
        Pending
        {pendingCount > 0 ? (
          <span data-testid="pending-count" className="ml-1.5 rounded-full bg-amber-500 px-1.5 py-0.5 text-xs text-white">
            {pendingCount}
          </span>
        ) : null}
      </Link>
    </nav>
  );
}
