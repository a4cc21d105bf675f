import { EPISODE_SUMMARY_MARKER } from "@/lib/ai/prompts/episode-summary-prompt";
import { classifyMessage } from "./classify-message";
import { composeReply, CREDENTIAL_NOTE } from "./compose-reply";
import { extractMemories } from "./extract-memories";
import { pickSupersededMemory } from "./pick-superseded-memory";
import type { PromptView, ToolExchange, Turn } from "./read-prompt";
import { replyWithoutTools } from "./reply-without-tools";
import { rewriteRequest } from "./rewrite-request";
import { summarizeEpisode } from "./summarize-episode";
import { DeleteInputSchema, DeleteResultSchema, QueryResultSchema, SaveInputSchema, SaveResultSchema } from "./tool-results";
import { topicQuery } from "./topic-terms";

export type PlannedToolCall = { toolName: string; input: Record<string, unknown> };
export type TurnPlan = { text: string; toolCalls: PlannedToolCall[] };

const say = (text: string): TurnPlan => ({ text, toolCalls: [] });
const wordsOf = (content: string) => new Set(content.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
const NEGATION = /\b(not|never|no|longer|nor)\b/i;
/** Every word of `content` is already in `fuller`, said the same way round ("is a fan" is not covered by "is not a fan"). */
const isCoveredBy = (content: string, fuller: string) =>
  NEGATION.test(fuller) === NEGATION.test(content) && [...wordsOf(content)].every((w) => wordsOf(fuller).has(w));

/** Delete candidates the assistant showed in a turn, if it asked the user to confirm them. */
function pendingDeletion(turn: Turn | undefined): { description: string; ids: string[] } | undefined {
  const search = turn?.exchanges.filter((e) => e.toolName === "delete_memory" && !DeleteInputSchema.parse(e.input).confirm).at(-1);
  const result = DeleteResultSchema.safeParse(search?.output);
  const ids = result.success ? (result.data.candidates ?? []).map((c) => c.id) : [];
  return search && ids.length > 0 ? { description: DeleteInputSchema.parse(search.input).description, ids } : undefined;
}

/** Proposals from the last turn that wait for the user's yes. */
function pendingProposals(turn: Turn | undefined): ToolExchange[] {
  return (turn?.exchanges ?? []).filter((e) => e.toolName === "save_memory" && SaveResultSchema.safeParse(e.output).data?.action === "confirm_needed");
}

/** Contents saved earlier in this conversation, so that a repeated statement is not written twice. */
function savedBefore(turns: Turn[]): string[] {
  const saved: string[] = [];
  for (const turn of turns.slice(0, -1)) {
    for (const e of turn.exchanges) {
      const action = SaveResultSchema.safeParse(e.output).data?.action;
      if (e.toolName === "save_memory" && (action === "queued" || action === "duplicate_skipped")) saved.push(SaveInputSchema.parse(e.input).content);
    }
  }
  return saved;
}

/**
 * The agent's policy for one model call: decide, from the conversation and the results of
 * the tools already called for the latest user message, whether to call memory tools (and
 * with what) or to answer in text. Only tools present in `tools` are ever called.
 */
export function planTurn(view: PromptView, tools: Set<string>): TurnPlan {
  if (view.system.includes(EPISODE_SUMMARY_MARKER)) return say(summarizeEpisode(view));
  const current = view.current;
  if (!current) return say(replyWithoutTools("empty"));
  const reading = classifyMessage(current.userText);
  const intent = reading.intent;
  const correction = intent === "correction";
  const extraction = extractMemories(current.userText, { correction });
  const done = current.exchanges;

  if (done.length > 0) {
    // Step 2 of a correction: save the new value, superseding the memory the lookup found.
    const lookup = done.find((e) => e.toolName === "query_memory");
    if (correction && lookup && !done.some((e) => e.toolName === "save_memory") && tools.has("save_memory") && extraction.memories.length > 0) {
      const hits = QueryResultSchema.safeParse(lookup.output).data?.memories ?? [];
      return {
        text: "",
        toolCalls: extraction.memories.map((memory) => {
          const old = pickSupersededMemory({ correction: memory.content, memoryType: memory.memory_type, hits });
          return { toolName: "save_memory", input: { ...memory, ...(old ? { supersedes: old.id } : {}) } };
        }),
      };
    }
    // The user said yes but the candidates were not in the history: the search just ran, delete what it found.
    const search = pendingDeletion(current);
    if (intent === "affirm" && search && !done.some((e) => DeleteInputSchema.parse(e.input).confirm) && tools.has("delete_memory")) {
      return { text: "", toolCalls: [{ toolName: "delete_memory", input: { description: search.description, confirm: true, memory_ids: search.ids } }] };
    }
    return say(composeReply({ exchanges: done, intent, withheldCredential: extraction.withheldCredential, userText: current.userText }));
  }

  if (intent === "partial-affirm" && (pendingDeletion(view.previous) || pendingProposals(view.previous).length)) {
    return say("I can only act on all of the items I listed at once. Reply yes for all of them, or no to leave them; you can also manage single memories on the Memories page.");
  }
  if (intent === "affirm" || intent === "deny") {
    const deletion = pendingDeletion(view.previous);
    const proposals = pendingProposals(view.previous);
    if (intent === "deny" && (deletion || proposals.length)) {
      return say(deletion ? "Okay, I'll keep it — nothing was forgotten." : "Okay, I won't remember that.");
    }
    if (deletion && tools.has("delete_memory")) {
      return { text: "", toolCalls: [{ toolName: "delete_memory", input: { description: deletion.description, confirm: true, memory_ids: deletion.ids } }] };
    }
    if (proposals.length && tools.has("save_memory")) {
      return {
        text: "",
        toolCalls: proposals.map((p) => {
          const input = SaveInputSchema.parse(p.input);
          const content = SaveResultSchema.safeParse(p.output).data?.content ?? input.content;
          return { toolName: "save_memory", input: { content, memory_type: input.memory_type, confidence: 0.9, importance: input.importance } };
        }),
      };
    }
    // A yes to a deletion offer whose candidates are not in the history (text-only history): search again.
    const offered = view.previous && /\b(delete|forget)\b/i.test(view.previous.assistantText) && view.previous.exchanges.length === 0;
    if (intent === "affirm" && offered && tools.has("delete_memory")) {
      return { text: "", toolCalls: [{ toolName: "delete_memory", input: { description: rewriteRequest(view.previous!.userText), confirm: false } }] };
    }
    return say(replyWithoutTools(intent));
  }
  if ((intent === "forget" && !tools.has("delete_memory")) || (intent.startsWith("recall") && !tools.has("query_memory"))) {
    return say(replyWithoutTools(intent));
  }
  if (intent === "forget") {
    return { text: "", toolCalls: [{ toolName: "delete_memory", input: { description: rewriteRequest(current.userText), confirm: false } }] };
  }
  if (intent === "recall-all" || intent === "recall-question") {
    const query = intent === "recall-all" ? "" : topicQuery(rewriteRequest(current.userText));
    return { text: "", toolCalls: [{ toolName: "query_memory", input: { query, limit: intent === "recall-all" ? 20 : 5 } }] };
  }
  if (correction && tools.has("query_memory") && extraction.memories.length > 0) {
    return { text: "", toolCalls: [{ toolName: "query_memory", input: { query: topicQuery(extraction.memories[0]!.content), limit: 5 } }] };
  }
  if (extraction.memories.length > 0 && tools.has("save_memory")) {
    const known = savedBefore(view.turns);
    // "I'm a nurse" after "I'm a nurse, paediatric oncology specifically" adds nothing new.
    const fresh = extraction.memories.filter((m) => !known.some((k) => isCoveredBy(m.content, k)));
    if (fresh.length === 0) return say("I already knew that.");
    return { text: "", toolCalls: fresh.map((memory) => ({ toolName: "save_memory", input: { ...memory } })) };
  }
  if (extraction.withheldCredential) return say(CREDENTIAL_NOTE);
  if (extraction.optedOut) return say("Okay — I won't remember that.");
  return say(replyWithoutTools(extraction.hypothetical ? "hypothetical" : intent));
}
