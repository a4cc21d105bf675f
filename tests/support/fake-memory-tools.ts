import { tool } from "ai";
import { z } from "zod";
import { checkMemoryWrite } from "@/lib/write-policy/check-memory-write";

/**
 * Test support only: the three memory tools over an in-memory store with the app's rules
 * (the write policy first, below 0.5 discarded, below 0.7 a proposal, exact duplicates
 * skipped, supersede replaces),
 * so the offline model can be driven through `generateText`/`streamText` without Postgres.
 */
export type FakeMemory = { id: string; content: string; type: string; status: "active" | "superseded" | "deleted" };

export function createFakeMemoryTools() {
  const memories: FakeMemory[] = [];
  /** Every automatic write, including ones later superseded or deleted. */
  const writes: FakeMemory[] = [];
  const proposals: { content: string; type: string; confidence: number }[] = [];
  const refusals: { content: string; type: string; reason: string }[] = [];
  let counter = 0;
  const nextId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
  const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && w !== "user" && w !== "the");
  const search = (query: string) => {
    const wanted = words(query);
    return memories
      .filter((m) => m.status === "active")
      .map((m) => ({ m, score: wanted.length === 0 ? 1 : words(m.content).filter((w) => wanted.some((q) => w.startsWith(q.slice(0, 5)))).length }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score);
  };

  const tools = {
    save_memory: tool({
      description: "Save a memory about the user.",
      inputSchema: z.object({
        content: z.string(),
        memory_type: z.string(),
        confidence: z.number().default(0.8),
        importance: z.number().default(0.5),
        supersedes: z.string().optional(),
        expires_at: z.string().optional(),
      }),
      execute: async (input) => {
        if (input.confidence < 0.5) return { action: "discarded", reason: "Confidence too low to remember." };
        const verdict = checkMemoryWrite({ content: input.content, memoryType: input.memory_type, hasExpiry: input.expires_at !== undefined });
        if (!verdict.allowed) {
          refusals.push({ content: input.content, type: input.memory_type, reason: verdict.reason });
          return { action: "refused", reason: verdict.reason, message: verdict.message };
        }
        if (input.confidence < 0.7) {
          proposals.push({ content: input.content, type: input.memory_type, confidence: input.confidence });
          return { action: "confirm_needed", content: input.content, proposal_id: `proposal-${proposals.length}` };
        }
        if (memories.some((m) => m.status === "active" && m.content.toLowerCase() === input.content.toLowerCase())) {
          return { action: "duplicate_skipped" };
        }
        const old = memories.find((m) => m.id === input.supersedes && m.status === "active");
        if (input.supersedes && !old) return { error: `No active memory with id ${input.supersedes} to correct.` };
        if (old) old.status = "superseded";
        const memory: FakeMemory = { id: nextId(), content: input.content, type: input.memory_type, status: "active" };
        memories.push(memory);
        writes.push(memory);
        return { action: "queued", write_id: `job-${counter}`, content: input.content, ...(old ? { supersedes: old.id } : {}) };
      },
    }),
    query_memory: tool({
      description: "Search the user's memories.",
      inputSchema: z.object({ query: z.string(), limit: z.number().optional() }),
      execute: async ({ query, limit }) => ({
        memories: search(query)
          .slice(0, limit ?? 8)
          .map(({ m, score }) => ({ id: m.id, content: m.content, type: m.type, score: score / 10, created_at: "2026-11-01T00:00:00.000Z" })),
      }),
    }),
    delete_memory: tool({
      description: "Forget memories: search with confirm=false, delete ids with confirm=true.",
      inputSchema: z.object({ description: z.string(), confirm: z.boolean().default(false), memory_ids: z.array(z.string()).optional() }),
      execute: async (input) => {
        if (!input.confirm) {
          const candidates = search(input.description).slice(0, 5).map(({ m }) => ({ id: m.id, content: m.content, type: m.type }));
          return { candidates, message: candidates.length ? "Show these to the user and ask which to forget." : "No matching memories" };
        }
        const owned = memories.filter((m) => m.status === "active" && (input.memory_ids ?? []).includes(m.id));
        for (const m of owned) m.status = "deleted";
        return { action: "delete_queued", write_id: "job-delete", count: owned.length, memory_ids: owned.map((m) => m.id), message: "ok" };
      },
    }),
  };
  return { tools, memories, writes, proposals, refusals };
}
