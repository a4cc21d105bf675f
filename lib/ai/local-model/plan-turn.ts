import { EPISODE_SUMMARY_MARKER } from "@/lib/ai/prompts/episode-summary-prompt";
import { classifyMessage, soundsLikeCorrection, type MessageIntent } from "./classify-message";
import { composeReply, CREDENTIAL_NOTE } from "./compose-reply";
import { extractMemories, type Extraction, type MemoryCandidate } from "./extract/extract-memories";
import { pickSupersededMemory } from "./pick-superseded-memory";
import type { PromptView, ToolExchange, Turn } from "./read-prompt";
import { answerFromRecall } from "./recall/answer-from-recall";
import { readRecallBlock, type RecallBlock } from "./recall/read-recall-block";
import { replyWithoutTools } from "./reply-without-tools";
import { rewriteRequest } from "./rewrite-request";
import { substituteValue, type SavedMemory } from "./substitute-value";
import { summarizeEpisode } from "./summarize-episode";
import { DeleteInputSchema, DeleteResultSchema, QueryResultSchema, SaveInputSchema, SaveResultSchema, type MemoryHit } from "./tool-results";
import { slotsOf, topicQuery, topicTerms } from "./topic-terms";

export type PlannedToolCall = { toolName: string; input: Record<string, unknown> };
export type TurnPlan = { text: string; toolCalls: PlannedToolCall[] };

const SAVEABLE = new Set(["fact", "preference", "decision", "note"]);
const say = (text: string): TurnPlan => ({ text, toolCalls: [] });
const call = (toolName: string, input: Record<string, unknown>): TurnPlan => ({ text: "", toolCalls: [{ toolName, input }] });
const wordsOf = (content: string) => new Set(content.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
const NEGATION = /\b(not|never|no|longer|nor)\b/i;
/** Every word of `content` is already in `fuller`, said the same way round ("is a fan" is not covered by "is not a fan"). */
const isCoveredBy = (content: string, fuller: string) =>
  NEGATION.test(fuller) === NEGATION.test(content) && [...wordsOf(content)].every((w) => wordsOf(fuller).has(w));
// Dropping the old value is how a correction starts, not a memory of its own: "scrapped Notion".
const RETRACTION = /\b(scrap|scrapped|drop|dropped|ditch|ditched|cancel|cancelled|canceled|abandon|abandoned|not|no longer|anymore|quit|sold|sell|stopped|left|got rid of|gave up)\b/i;
const FILLER_WORDS = new Set(["user", "and", "their", "team", "the", "a", "an", "is", "are", "was", "has", "have", "instead", "now", "any", "more", "anymore", "longer", "no", "not", "scrapped", "dropped", "ditched", "cancelled", "canceled", "abandoned", "quit", "sold", "stopped", "left", "got", "rid", "of", "gave", "up"]);

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

/** Memories saved earlier in this conversation, so a repeated statement is not written twice and a correction finds its target. */
function savedBefore(turns: Turn[]): SavedMemory[] {
  const saved: SavedMemory[] = [];
  for (const turn of turns.slice(0, -1)) {
    for (const e of turn.exchanges) {
      const action = SaveResultSchema.safeParse(e.output).data?.action;
      if (e.toolName !== "save_memory" || (action !== "queued" && action !== "duplicate_skipped")) continue;
      const input = SaveInputSchema.parse(e.input);
      saved.push({ content: input.content, type: input.memory_type });
    }
  }
  return saved;
}

/** Two memories about the same thing: a content word or a profile slot in common. */
function sharesTopic(a: string, b: string): boolean {
  const ta = topicTerms(a);
  const tb = topicTerms(b);
  return ta.some((t) => tb.includes(t)) || [...slotsOf(ta)].some((s) => slotsOf(tb).has(s));
}

/** A claim that only takes back the old value ("User scrapped Notion" against "… settled on Notion …"). */
function isRetraction(claim: string, old: string): boolean {
  if (!RETRACTION.test(claim)) return false;
  const own = [...wordsOf(claim)].filter((w) => !FILLER_WORDS.has(w));
  const oldWords = wordsOf(old);
  return own.length > 0 && own.every((w) => oldWords.has(w) || [...oldWords].some((o) => o.startsWith(w.slice(0, 5))));
}

/** A name, place or number in the text: the kind of value a correction swaps ("AWS" → "Azure", "12 March" → "19 March"). */
const valueKind = (text: string): "name" | "number" | null => (/\d/.test(text) ? "number" : /\s[A-Z][\w-]+/.test(text.replace(/^User\b/, "")) ? "name" : null);

/** The second step of a correction: save the new value, superseding exactly one memory the lookup found. */
function correctionSaves(extraction: Extraction, hits: MemoryHit[], substitution: ReturnType<typeof substituteValue>, latest: SavedMemory | undefined): PlannedToolCall[] {
  const used = new Set<string>();
  // The substitution ("her name is Mochi, not Miso" → "User has a cat, Mochi") stands unless
  // the message said the new value in a claim of its own; what else it said ("sorry, I made a
  // mistake") is no correction.
  const oldWords = new Set(substitution?.old.content.split(/\s+/) ?? []);
  const newWords = (substitution?.content.split(/\s+/) ?? []).filter((w) => !oldWords.has(w)).map((w) => w.replace(/[^\p{L}\d]/gu, "")).filter(Boolean);
  const saysNewValue = extraction.memories.some((m) => newWords.some((w) => new RegExp(String.raw`\b${w}\b`, "iu").test(m.content)));
  const useSubstitution = substitution !== null && (extraction.memories.length === 0 || !saysNewValue);
  const claims: MemoryCandidate[] = useSubstitution
    ? [{ content: substitution.content, memory_type: substitution.old.type as MemoryCandidate["memory_type"], confidence: 0.9, importance: 0.8 }]
    : extraction.memories;
  const calls: PlannedToolCall[] = [];
  const superseding: boolean[] = [];
  for (const claim of claims) {
    const free = hits.filter((h) => !used.has(h.id));
    const exact = useSubstitution ? free.find((h) => h.content === substitution.old.content) : undefined;
    // Failing a shared topic, "we're on Azure" after "… will be hosted on AWS": the last memory, when the new value is of its kind.
    const recent = latest && valueKind(claim.content) !== null && valueKind(claim.content) === valueKind(latest.content) ? free.find((h) => h.content === latest.content) : undefined;
    const old = exact ?? pickSupersededMemory({ correction: claim.content, memoryType: claim.memory_type, hits: free }) ?? recent;
    if (old && isRetraction(claim.content, old.content) && claims.length > 1) continue;
    if (old) used.add(old.id);
    superseding.push(old !== undefined);
    // The new value takes the place of the old one, so it keeps the old one's kind.
    const memoryType = old?.type && SAVEABLE.has(old.type) ? old.type : claim.memory_type;
    calls.push({ toolName: "save_memory", input: { ...claim, memory_type: memoryType, ...(old ? { supersedes: old.id } : {}) } });
  }
  // "Actually I got promoted, I'm a senior developer now": beside the new value, a bare event says nothing more.
  return calls.filter((c, i) => superseding[i] || !superseding.some(Boolean) || String(c.input.content).split(/\s+/).length > 3);
}

/** Answers from the memories the server recalled into the system prompt, when they answer the message. */
function recallReply(recall: RecallBlock, userText: string, intent: MessageIntent): TurnPlan | undefined {
  if (!recall.present) return undefined;
  const aboutSelf = intent === "recall-question";
  const answer = answerFromRecall({ question: userText, memories: recall.memories, aboutSelf });
  if (answer) return say(answer.text);
  return aboutSelf ? say("I don't have that saved. If you tell me, I'll remember it.") : undefined;
}

/**
 * The agent's policy for one model call: decide, from the conversation and the results of
 * the tools already called for the latest user message, whether to call memory tools (and
 * with what) or to answer in text. Only tools present in `tools` are ever called.
 */
export function planTurn(view: PromptView, tools: Set<string>, options: { now: Date } = { now: new Date() }): TurnPlan {
  if (view.system.includes(EPISODE_SUMMARY_MARKER)) return say(summarizeEpisode(view));
  const current = view.current;
  if (!current) return say(replyWithoutTools("empty"));
  const done = current.exchanges;
  const reading = classifyMessage(current.userText);
  let { intent } = reading;
  // "no wait, it's the 5th" with nothing waiting for a yes or no: not a refusal but a correction (or a statement).
  if ((intent === "deny" || intent === "affirm") && !done.some((e) => e.toolName === "delete_memory") && !pendingDeletion(view.previous) && pendingProposals(view.previous).length === 0 && !(view.previous && /\b(delete|forget)\b/i.test(view.previous.assistantText))) {
    if (soundsLikeCorrection(current.userText)) intent = "correction";
  }
  const correction = intent === "correction";
  const extraction = extractMemories(current.userText, { correction, now: options.now });
  const earlier = savedBefore(view.turns);
  const substitution = correction ? substituteValue(current.userText, earlier) : null;
  const recall = readRecallBlock(view.system);

  if (done.length > 0) {
    const lookup = done.find((e) => e.toolName === "query_memory");
    if (correction && lookup && !done.some((e) => e.toolName === "save_memory") && tools.has("save_memory")) {
      const saves = correctionSaves(extraction, QueryResultSchema.safeParse(lookup.output).data?.memories ?? [], substitution, earlier.at(-1));
      if (saves.length > 0) return { text: "", toolCalls: saves };
    }
    // The user said yes but the candidates were not in the history: the search just ran, delete what it found.
    const search = pendingDeletion(current);
    if (intent === "affirm" && search && !done.some((e) => DeleteInputSchema.parse(e.input).confirm) && tools.has("delete_memory")) {
      return call("delete_memory", { description: search.description, confirm: true, memory_ids: search.ids });
    }
    const reply = composeReply({ exchanges: done, intent, withheldCredential: extraction.withheldCredential, userText: current.userText });
    // "I'm in Veracruz next week. Which local dishes should I try?": the save is acknowledged, and
    // the question still gets what memory says about it (a shellfish allergy).
    const asks = done.every((e) => e.toolName === "save_memory") && reading.sentences.some((s) => s.isQuestion);
    const answer = asks && recall.present ? answerFromRecall({ question: current.userText, memories: recall.memories, aboutSelf: false }) : null;
    return say(answer ? `${reply} ${answer.text}` : reply);
  }

  if (intent === "partial-affirm" && (pendingDeletion(view.previous) || pendingProposals(view.previous).length)) {
    return say("I can only act on all of the items I listed at once. Reply yes for all of them, or no to leave them; you can also manage single memories on the Memories page.");
  }
  if (intent === "affirm" || intent === "deny" || intent === "partial-affirm") {
    const deletion = pendingDeletion(view.previous);
    const proposals = pendingProposals(view.previous);
    if (intent === "deny" && (deletion || proposals.length)) return say(deletion ? "Okay, I'll keep it — nothing was forgotten." : "Okay, I won't remember that.");
    if (intent === "affirm" && deletion && tools.has("delete_memory")) return call("delete_memory", { description: deletion.description, confirm: true, memory_ids: deletion.ids });
    if (intent === "affirm" && proposals.length && tools.has("save_memory")) {
      return {
        text: "",
        toolCalls: proposals.map((p) => {
          const input = SaveInputSchema.parse(p.input);
          const content = SaveResultSchema.safeParse(p.output).data?.content ?? input.content;
          return { toolName: "save_memory", input: { content, memory_type: input.memory_type, confidence: 0.9, importance: input.importance, ...(input.expires_at ? { expires_at: input.expires_at } : {}) } };
        }),
      };
    }
    // A yes to a deletion offer whose candidates are not in the history (text-only history): search again.
    const offered = view.previous && /\b(delete|forget)\b/i.test(view.previous.assistantText) && view.previous.exchanges.length === 0;
    if (intent === "affirm" && offered && tools.has("delete_memory")) return call("delete_memory", { description: rewriteRequest(view.previous!.userText), confirm: false });
    // "no cilantro ever pls" with nothing waiting for a yes or no is a preference, not a refusal.
    const waiting = deletion !== undefined || proposals.length > 0 || Boolean(offered);
    if ((intent === "deny" && waiting) || extraction.memories.length === 0) return say(replyWithoutTools(intent));
  }
  const needsTool = intent === "forget" ? "delete_memory" : intent === "recall-all" || intent === "search" ? "query_memory" : null;
  if (needsTool && !tools.has(needsTool)) return say(replyWithoutTools(intent));
  if (intent === "forget") {
    // "could you delete that please?": "that" is what was saved last in this conversation.
    const asked = rewriteRequest(current.userText);
    const pointer = /^(that|it|this|those|them|these|the last one|that please|it please)?$/i.test(asked.replace(/\bplease\b/gi, "").trim());
    return call("delete_memory", { description: pointer && earlier.length > 0 ? earlier.at(-1)!.content : asked, confirm: false });
  }
  if (intent === "recall-all") return call("query_memory", { query: "", limit: 20 });
  if (intent === "search") return call("query_memory", { query: topicQuery(rewriteRequest(current.userText)), limit: 5 });
  if (intent === "recall-question") {
    const answered = recallReply(recall, current.userText, intent);
    if (answered) return answered;
    if (!tools.has("query_memory")) return say(replyWithoutTools(intent));
    return call("query_memory", { query: topicQuery(rewriteRequest(current.userText)), limit: 5 });
  }
  if (correction && tools.has("query_memory") && (extraction.memories.length > 0 || substitution)) {
    const topic = substitution && extraction.memories.length === 0 ? substitution.old.content : extraction.memories[0]!.content;
    // The lookup also covers the memory saved last in this conversation: the likeliest one being corrected.
    const query = [...new Set([...topicQuery(topic).split(" "), ...(earlier.length > 0 ? topicQuery(earlier.at(-1)!.content).split(" ") : [])])].filter(Boolean).slice(0, 10).join(" ");
    return call("query_memory", { query, limit: 8 });
  }
  if (extraction.memories.length > 0 && tools.has("save_memory")) {
    // "Like I said, I'm veggie": a restatement of what this conversation already saved is not news.
    const restated = (m: MemoryCandidate) => extraction.restated && earlier.some((k) => k.type === m.memory_type || sharesTopic(k.content, m.content));
    // "I'm a nurse" after "I'm a nurse, paediatric oncology specifically" adds nothing new.
    const fresh = extraction.memories.filter((m) => !restated(m) && !earlier.some((k) => isCoveredBy(m.content, k.content)));
    if (fresh.length === 0) return say("I already knew that.");
    return { text: "", toolCalls: fresh.map((memory) => ({ toolName: "save_memory", input: { ...memory } })) };
  }
  if (extraction.withheldCredential) return say(CREDENTIAL_NOTE);
  if (extraction.optedOut) return say("Okay — I won't remember that.");
  const answered = intent === "question" || intent === "statement" ? recallReply(recall, current.userText, intent) : undefined;
  if (answered) return answered;
  return say(replyWithoutTools(extraction.hypothetical ? "hypothetical" : intent));
}
