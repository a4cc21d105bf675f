import type { MessageIntent } from "./classify-message";
import type { ToolExchange } from "./read-prompt";
import { slotsOf, topicTerms } from "./topic-terms";
import { toSecondPerson } from "./to-second-person";
import { DeleteResultSchema, QueryResultSchema, SaveInputSchema, SaveResultSchema } from "./tool-results";

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
const bullets = (items: string[]) => items.map((i) => `- ${i}`).join("\n");
const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const CREDENTIAL_NOTE =
  "I won't store passwords, API keys, card numbers or similar secrets in memory — please keep those in a password manager.";

function isOnTopic(question: string, content: string): boolean {
  const asked = topicTerms(question);
  const known = topicTerms(content);
  const askedSlots = slotsOf(asked);
  return known.some((t) => asked.includes(t)) || [...slotsOf(known)].some((slot) => askedSlots.has(slot));
}

/** What saving did, in the user's words: "Got it — I'll remember that you're a vegetarian." */
function describeSaves(exchanges: ToolExchange[]): string[] {
  const lines: string[] = [];
  const queued: string[] = [];
  const updated: string[] = [];
  const proposed: string[] = [];
  let duplicates = 0;
  for (const exchange of exchanges) {
    const input = SaveInputSchema.parse(exchange.input);
    const result = SaveResultSchema.safeParse(exchange.output);
    const output = result.success ? result.data : { error: "unreadable result" };
    // "until Sunday 6 December": a memory kept only for a while says so.
    const until = typeof input.expires_at === "string" && !Number.isNaN(Date.parse(input.expires_at)) ? ` (until ${new Date(input.expires_at).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })})` : "";
    const said = toSecondPerson(output.content ?? input.content) + until;
    if (output.error) lines.push(`I couldn't save that you ${said.replace(/^you /, "")}: ${output.error}`);
    else if (output.action === "queued" && (output.supersedes || input.supersedes)) updated.push(said);
    else if (output.action === "queued") queued.push(said);
    else if (output.action === "confirm_needed") proposed.push(said);
    else if (output.action === "duplicate_skipped") duplicates++;
    else if (output.action === "rate_limited") lines.push("Memory writes are paused for now (too many in a short time), so I didn't save that. Please tell me again a bit later.");
    else if (output.action === "discarded") lines.push(`I'll leave out that ${said} — it was too uncertain to keep.`);
    else if (output.action === "failed") lines.push(`I couldn't save that just now: ${output.message ?? "the memory store is unavailable"}.`);
  }
  if (queued.length) lines.unshift(`${updated.length ? "I'll also remember" : "Got it — I'll remember"} that ${list(queued)}.`);
  if (updated.length) lines.unshift(`Thanks for the correction — I've updated my memory: ${list(updated)}.`);
  if (proposed.length) lines.push(`Should I remember that ${list(proposed)}? Use the card below or reply yes.`);
  if (duplicates) lines.push("I already knew that.");
  return lines;
}

function describeQuery(exchange: ToolExchange, intent: MessageIntent, question: string): string {
  const result = QueryResultSchema.safeParse(exchange.output);
  if (!result.success || result.data.error) return `I couldn't look through my memory just now${result.success ? `: ${result.data.error}` : ""}.`;
  const hits = result.data.memories ?? [];
  const said = (content: string) => sentenceCase(toSecondPerson(content));
  if (intent === "recall-all") {
    return hits.length === 0 ? "I don't remember anything about you yet. Tell me about yourself and I'll keep the important parts." : `Here's what I remember about you:\n${bullets(hits.map((m) => said(m.content)))}`;
  }
  if (hits.length === 0) return "I don't have anything about that in memory yet. If you tell me, I'll remember it.";
  // Vector search always returns the nearest memories, related or not; only answer from ones on topic.
  const relevant = hits.filter((hit) => isOnTopic(question, hit.content));
  if (relevant.length > 0) return `From what I remember:\n${bullets(relevant.slice(0, 5).map((m) => said(m.content)))}`;
  return `I don't have anything that clearly answers that. What I do remember:\n${bullets(hits.slice(0, 3).map((m) => said(m.content)))}`;
}

function describeDelete(exchange: ToolExchange): string {
  const result = DeleteResultSchema.safeParse(exchange.output);
  if (!result.success || result.data.error) return `I couldn't forget that just now${result.success ? `: ${result.data.error}` : ""}.`;
  const data = result.data;
  if (data.action === "delete_queued") {
    const count = data.count ?? data.memory_ids?.length ?? 0;
    return `Done — I've forgotten ${count === 1 ? "that memory" : `those ${count} memories`}.`;
  }
  const candidates = data.candidates ?? [];
  if (candidates.length === 0) return "I couldn't find a memory matching that, so there's nothing to forget.";
  const noun = candidates.length === 1 ? "this memory" : `these ${candidates.length} memories`;
  return `I found ${noun}:\n${bullets(candidates.map((c) => `"${c.content}"`))}\n\nReply yes to forget ${candidates.length === 1 ? "it" : "them"}, or no to keep ${candidates.length === 1 ? "it" : "them"}.`;
}

/**
 * Writes the final answer of a turn from the results of the tools called for it, the way a
 * hosted model would summarise them: what was saved, proposed, found or forgotten.
 */
export function composeReply(options: {
  exchanges: ToolExchange[];
  intent: MessageIntent;
  withheldCredential: boolean;
  /** The user's message, to judge which recalled memories answer it */
  userText: string;
}): string {
  const saves = options.exchanges.filter((e) => e.toolName === "save_memory");
  const queries = options.exchanges.filter((e) => e.toolName === "query_memory");
  const deletes = options.exchanges.filter((e) => e.toolName === "delete_memory");
  const parts: string[] = [];
  // A correction's lookup is bookkeeping; the answer is about the update.
  if (queries.length && (saves.length === 0 || options.intent !== "correction")) parts.push(describeQuery(queries.at(-1)!, options.intent, options.userText));
  if (deletes.length) parts.push(describeDelete(deletes.at(-1)!));
  parts.push(...describeSaves(saves));
  if (options.withheldCredential) parts.push(CREDENTIAL_NOTE);
  return parts.join("\n\n") || "Done.";
}
