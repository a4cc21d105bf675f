"use client";

import Link from "next/link";
import type { RecalledMemory } from "@/lib/memory/recall-schemas";

/**
 * "Used N memories" under an answer: the memories recalled into the prompt for it, each linking
 * to its page. Collapsed by default; the answer's [n] citations point at the same memories.
 */
export function RecalledMemories({ recalled }: { recalled: RecalledMemory[] }) {
  if (recalled.length === 0) return null;
  return (
    <details data-testid="recalled-memories" className="group max-w-[85%] text-xs text-zinc-600">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-full border border-zinc-200 bg-zinc-50 px-2.5 py-0.5 font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-500">
        <span aria-hidden>◎</span> Used {recalled.length} {recalled.length === 1 ? "memory" : "memories"}
      </summary>
      <ol className="mt-1.5 flex flex-col gap-1 pl-1" aria-label="Memories used for this answer">
        {recalled.map((m) => (
          <li key={m.id} className="flex gap-1.5">
            <span className="font-mono text-zinc-400">[{m.n}]</span>
            {m.status && m.status !== "active" && !m.content ? (
              <span className="italic text-zinc-400">a memory that was {m.status === "deleted" ? "deleted" : m.status} since</span>
            ) : (
              <Link href={`/memories/${m.id}`} className="text-zinc-700 underline decoration-zinc-300 underline-offset-2 hover:decoration-zinc-600">
                {m.content}
              </Link>
            )}
            {m.status && m.status !== "active" && m.content ? <span className="text-zinc-400">({m.status})</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Turns the answer's [n] citations into links to the memories they cite (numbers it was not given stay text). */
export function linkCitations(text: string, recalled: RecalledMemory[] | undefined): string {
  if (!recalled?.length) return text;
  const byNumber = new Map(recalled.map((m) => [m.n, m]));
  return text.replace(/\[(\d{1,2})\](?!\()/g, (match, n: string) => {
    const memory = byNumber.get(Number(n));
    return memory ? `[\\[${n}\\]](/memories/${memory.id} "Memory ${n}")` : match;
  });
}
