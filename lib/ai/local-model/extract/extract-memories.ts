import { findThirdPartySensitive } from "@/lib/write-policy/find-third-party-sensitive";
import { classifyClause } from "./classify-clause";
import { contentWords, has, textOf } from "./clause-tests";
import { findExpiry } from "./find-expiry";
import { findNamedRelations } from "./find-named-relations";
import { keepMainClaims, ownPronouns, type Draft } from "./keep-main-claims";
import { ACQUAINTANCES, ANSWER_STYLE, CHAT_THINGS, COMMITTED, EXPLICIT_ANYWHERE, KIN, LASTING, RESTATEMENT, UNIVERSAL_KIN } from "./lexicon";
import { maskSecrets, namesSecret } from "./mask-secrets";
import { normalizeTexting } from "./normalize-texting";
import { joinTerms, type Term } from "./parse-sentences";
import { mapPronouns, tidy, trimTail } from "./phrase-memory";
import type { ClauseReading } from "./read-clause";
import { readMessage, type Item } from "./read-message";
import { resolvePronoun } from "./resolve-pronoun";
import type { MemoryType, MessageCues } from "./verdict";

/** One memory the offline model would save: the save_memory tool's input, before it is called. */
export type MemoryCandidate = {
  content: string;
  memory_type: MemoryType;
  confidence: number;
  importance: number;
  /** ISO date-time after which the memory no longer holds ("until Friday", "just for this week") */
  expires_at?: string;
};

export type Extraction = {
  memories: MemoryCandidate[];
  /** A clause was left out because it held a password, key, card number or similar */
  withheldCredential: boolean;
  /** The message was framed as a hypothetical ("if I were…", "imagine…") */
  hypothetical: boolean;
  /** The user asked for this not to be remembered ("off the record", "don't save this") */
  optedOut: boolean;
  /** The user said it before ("like I said …"): a restatement, not news */
  restated: boolean;
  /** Every clause read, with why it was or was not kept (for tests and debugging) */
  trace: { clause: string; verdict: string }[];
};


const MAX_CONTENT = 2000;
// Verbs of work done on material the user hands over: "turn these notes into …", "translate the following: …".
const TASK_VERBS = new Set(["turn", "convert", "summarise", "summarize", "rewrite", "translate", "fix", "check", "proofread", "format", "reformat", "tidy", "clean", "edit", "shorten", "reword", "improve", "explain", "analyse", "analyze", "review", "sort", "organise", "organize", "list", "put", "make", "write", "draft", "transcribe", "correct", "simplify", "expand", "outline", "compare", "rank", "condense", "paraphrase", "polish", "restructure", "split", "merge", "extract", "read", "look", "go", "bullet", "number", "alphabetise", "alphabetize"]);
const KEEP_WORDS = /\b(remember|note|jot|write (this|that|it) down|save|keep|store)\b/;
const POINTER_REQUEST = /\b(remember|hang onto|hold onto|keep|save|store|note|jot) (that|it|this|both|them)\b/;
// A note that only names a secret kind ("User's card details for next time") keeps nothing worth having.
const NAMES_SECRET_KIND = /\b(card details|card number|password|passcode|pin|login|credentials|security code|bank details|account number)\b/i;
// A request not to keep: nothing in such a message is stored.
const OPT_OUT = /\b(off the record|between (you and me|us)|keep (this|that|it) to yourself|not for (your )?memory|(it's|it is) a secret|(do not|don't) tell anyone)\b|(^|[.!?,;]\s*|\bplease\s+|\byou\s+)(do not|don't|dont|never) (remember|save|store|memori[sz]e|note|keep) (this|that|it)\b/i;
// Why a clause was left out that also holds for the verb phrase coordinated with it ("I always forget and end up …").
const INHERITED_SKIPS = new Set(["complaint", "reporting or wanting", "conditional", "obligation", "hypothetical", "the moment", "passing state", "request", "condition", "question", "busy now"]);
// Quoted text is material to work on ("turn these notes into bullets: '…'"), not the user's own claims.
const LONG_QUOTE = /(^|[\s:(])(["“‘]|'(?=[A-Z]))([^"“”‘’\n]{30,}?)(["”’]|'(?=[\s.,!?)]|$))(?=[\s.,!?)]|$)/g;

/** The message-wide cues: asked to keep, settled, standing, expiring. */
function messageCues(items: Item[], text: string, correction: boolean, expiring: boolean): MessageCues {
  // "Locker pin: 4471. Can you hang onto that?": a request to keep "that" right after a secret points at the secret.
  const pointsAtSecret = items.some((i, k) => k > 0 && items[k - 1]!.withheld && POINTER_REQUEST.test(textOf(i.clause.terms)));
  const explicit = (EXPLICIT_ANYWHERE.test(text) && !pointsAtSecret) || items.some((i) => i.reading.leads.explicit && !i.withheld);
  // A standing marker in a clause that is not a claim of its own: "that's for all recipes going forward".
  const lasting = items.some((i) => ["dummy", "fragment"].includes(i.reading.subject) && !i.clause.isLabel && LASTING.test(textOf(i.clause.terms)) && !/\bever\b/.test(textOf(i.clause.terms)));
  // Someone else talked about, with nothing private of theirs said: "her team" may point at them.
  const others = items.some((i) => i.reading.subject === "other" || i.reading.body.some((t) => ACQUAINTANCES.has(t.normal) || KIN.has(t.normal) || UNIVERSAL_KIN.has(t.normal)));
  const someoneElse = others && findThirdPartySensitive(text) === null;
  return { explicit, lasting, committed: COMMITTED.test(text), correction, expiring, secretContext: namesSecret(text), someoneElse, others };
}

/**
 * Which clauses a request to keep covers: its own sentence, and the sentence before it when the
 * request only points back ("… passport expires June 2026. Can you hang onto that?"). In a long
 * message, "remember it for me" about one thing does not make every aside a note.
 */
function explicitScope(items: Item[], secretContext: boolean): (item: Item) => boolean {
  const asked = new Set<number>();
  const pointing = new Set<number>();
  items.forEach((item, k) => {
    const text = textOf(item.clause.terms);
    const secretBefore = k > 0 && items[k - 1]!.withheld && items[k - 1]!.clause.sentence === item.clause.sentence - (item.clause.join === "start" && item.clause.linkedBy === "" ? 1 : 0);
    if (item.withheld || (secretBefore && POINTER_REQUEST.test(text))) return;
    if ((item.reading.leads.explicit && item.reading.body.length > 0) || EXPLICIT_ANYWHERE.test(text)) asked.add(item.clause.sentence);
    // A sentence that is only the request ("Can you remember that?") points at the one before.
    const pointer = (POINTER_REQUEST.test(text) && !/\bkeep (it|that|this) (short|brief|simple|concise|casual|formal|light|clean|quick|tight)\b/.test(text)) || /\b(keep|bear) (that|this|it) in mind\b/.test(text);
    // "12 words, keep them for me: … that's the seed phrase": beside a secret's name, "keep them" may point at it.
    if (pointer && !secretContext) pointing.add(item.clause.sentence);
  });
  for (const s of pointing) {
    asked.add(s);
    if (s > 0 && !items.some((i) => i.clause.sentence === s - 1 && i.withheld)) asked.add(s - 1);
  }
  // "… at our flat. also the meter key is in the blue mug", "keep hold of my flight? TP1337, 7:40": the list goes on.
  const last = Math.max(-1, ...items.map((i) => i.clause.sentence));
  for (let s = 1; s <= last; s++) {
    const own = items.filter((i) => i.clause.sentence === s);
    const first = own[0]?.clause.terms.map((t) => t.normal) ?? [];
    const additive = ["also", "and", "plus"].includes(first[0] ?? "") || (["oh", "ah"].includes(first[0] ?? "") && ["and", "also"].includes(first[1] ?? ""));
    if (asked.has(s - 1) && own.length > 0 && (additive || own.every((i) => i.reading.subject === "fragment"))) asked.add(s);
  }
  return (item) => asked.has(item.clause.sentence);
}

/** "save my passport info: expires 14 March 2031": the thing named in an explicit lead-in is the subject of what follows. */
function labelObject(item: Item): Term[] | null {
  const { reading } = item;
  if (!item.clause.isLabel || !reading.leads.explicit || reading.subject !== "fragment") return null;
  const phrase = reading.body.filter((t) => !["please", "for", "me", "pls"].includes(t.normal));
  return phrase.some((t) => t.tags.has("Noun")) ? phrase : null;
}

function withSubject(reading: ClauseReading, subject: Term[]): ClauseReading {
  const shift = subject.length;
  const verb = reading.verb ? { ...reading.verb, at: reading.verb.at + shift, end: reading.verb.end + shift } : null;
  return { ...reading, subject: subject[0]?.normal === "my" || subject[0]?.normal === "our" ? "possessive" : "thing", subjectTerms: subject, body: [...subject, ...reading.body], verb };
}

/**
 * Reads what the user says about themselves in one message and turns it into memory
 * candidates: one short third-person claim each, typed by docs/memory-taxonomy.md. The
 * pipeline: mask secrets → expand texting → tag (compromise) → split clauses → read each
 * clause (leads, subject, verb group) → classify it → phrase it; then message-level tidying.
 */
export function extractMemories(text: string, options: { correction?: boolean; now?: Date } = {}): Extraction {
  // One model call reads the same message in several steps: the reading is kept for a minute's worth of "now".
  const key = `${options.correction ? 1 : 0}|${Math.floor((options.now ?? new Date()).getTime() / 60_000)}|${text}`;
  const cached = recent.get(key);
  if (cached) return cached;
  const result = extract(text, options);
  if (recent.size >= 100) recent.delete(recent.keys().next().value!);
  recent.set(key, result);
  return result;
}

const recent = new Map<string, Extraction>();

function extract(text: string, options: { correction?: boolean; now?: Date }): Extraction {
  const result: Extraction = { memories: [], withheldCredential: false, hypothetical: false, optedOut: false, restated: false, trace: [] };
  if (OPT_OUT.test(text)) {
    result.optedOut = true;
    return result;
  }
  const masked = maskSecrets(text);
  const normalized = normalizeTexting(masked.text.replace(LONG_QUOTE, "$1 the quoted text "));
  const expiry = findExpiry(normalized, options.now ?? new Date());
  const secretContext = namesSecret(normalized);
  const { items, withheld } = readMessage(normalized, secretContext);
  const cues = messageCues(items, normalized, options.correction ?? false, expiry !== null);
  result.restated = RESTATEMENT.test(normalized);
  result.withheldCredential = masked.masked || withheld;
  const askedToKeep = explicitScope(items, secretContext);
  const drafts: Draft[] = [];
  const skipped = new Map<Item, string>();
  let material = false;
  let subjectFromLabel: Term[] | null = null;
  for (const [index, item] of items.entries()) {
    if (item.withheld) {
      skipped.set(item, "secret");
      result.trace.push({ clause: joinTerms(item.clause.terms), verdict: "skip (secret)" });
      continue;
    }
    // "Turn these notes into a checklist: …": what follows a request and its colon is the material to work on.
    if (material) break;
    // Only a task names material ("turn these notes into …"), not a lead-in noun ("context for my question: …").
    const task = TASK_VERBS.has(item.reading.body.find((t) => !["please", "can", "could", "would", "you", "just", "kindly"].includes(t.normal))?.normal ?? "");
    const header = (item.reading.subject === "request" && task) || (item.reading.subject === "fragment" && /^\w+ (this|these|that|the following|it|them)$/.test(textOf(item.reading.body)));
    if (item.clause.isLabel && header && !item.reading.leads.explicit && item.reading.body.length >= 2 && !KEEP_WORDS.test(textOf(item.reading.body))) material = true;
    subjectFromLabel = labelObject(item) ?? subjectFromLabel;
    let reading = item.reading;
    if (reading.subject === "thing" && reading.subjectTerms.length === 0) {
      if (!subjectFromLabel) continue;
      reading = withSubject(reading, subjectFromLabel);
    }
    const before = items[index - 1];
    const { sentence } = item;
    if (sentence.hypothetical) result.hypothetical = true;
    // "… and I keep forgetting and end up …": a clause that goes on with the one before shares why it was left out.
    const inherited = item.clause.sharesSubject && before ? skipped.get(before) : undefined;
    if (inherited && INHERITED_SKIPS.has(inherited)) {
      skipped.set(item, inherited);
      result.trace.push({ clause: joinTerms(item.clause.terms), verdict: `skip (${inherited}, inherited)` });
      continue;
    }
    // "not sure but I'm maybe allergic to cats, I get sneezing fits": a hedge in front covers its sentence.
    if (before && before.clause.sentence === item.clause.sentence && before.reading.leads.hedges > 0 && item.clause.join === "and") {
      reading = { ...reading, leads: { ...reading.leads, hedges: Math.max(reading.leads.hedges, 1) } };
    }
    // "As a diabetic, …": the role is a fact of its own, whatever the rest of the clause is.
    if (reading.leads.role && !sentence.hypothetical) {
      const role = joinTerms(reading.leads.role);
      const having = /^(someone|somebody|a person|a woman|a man|one) with (.+)$/i.exec(role);
      const article = /^(a|an|the|one)\b/i.test(role) || /s$/.test(role) ? "" : /^[aeiou]/i.test(role) ? "an " : "a ";
      drafts.push({ memory: { content: having ? `User has ${having[2]}` : `User is ${article}${role}`, type: "fact", importance: 0.8, hedged: false, identity: true, standing: false, pronoun: null }, item });
    }
    // "small request that applies to everything going forward: fahrenheit for temperatures": the label's sentence stands.
    const lastingLabel = items.some((i) => i.clause.isLabel && i.clause.sentence === item.clause.sentence && LASTING.test(textOf(i.clause.terms)));
    const itemCues = { ...cues, explicit: askedToKeep(item), lasting: cues.lasting || lastingLabel };
    for (const verdict of classifyClause(reading, itemCues, sentence, before?.reading ?? null)) {
      result.trace.push({ clause: joinTerms(item.clause.terms), verdict: verdict.keep ? `${verdict.memory.type}: ${verdict.memory.content}` : `skip (${verdict.reason})` });
      if (!verdict.keep) {
        skipped.set(item, verdict.reason);
        // "always use grams, not cups, and oven temperatures in Celsius": the instruction goes on without its verb.
        const previousDraft = drafts.at(-1);
        // In a new sentence ("… from now on? And Celsius rather than Fahrenheit") only a thing of answers goes on with it.
        const goesOn = previousDraft !== undefined && (previousDraft.item.clause.sentence === item.clause.sentence || (has(reading.body, ANSWER_STYLE) && !has(reading.body, CHAT_THINGS)));
        if (verdict.reason === "fragment" && previousDraft?.memory.standing && goesOn && ["and", "also", "plus"].includes(item.clause.linkedBy || reading.clause.terms[0]?.normal || "") && contentWords(reading.body).length > 0) {
          drafts.push({ memory: { ...previousDraft.memory, content: tidy(`User prefers ${mapPronouns(trimTail(reading.body))}`) }, item });
        }
        continue;
      }
      const memory = { ...verdict.memory, asked: itemCues.explicit };
      if (memory.type === "note" && NAMES_SECRET_KIND.test(memory.content)) continue;
      if (memory.pronoun) {
        const resolved = resolvePronoun({ memory, items: items.map((i) => i.reading), at: index });
        // "passcode is 250913, I'll change it later": what the pronoun points at was a secret.
        if (!resolved || items[resolved.from]?.withheld) continue;
        // "Sushi is my favourite food, I could eat it every day": the same liking said twice is one memory.
        if (drafts.some((d) => items.indexOf(d.item) === resolved.from && d.memory.type === memory.type)) continue;
        memory.content = resolved.content;
      }
      // "I smoke (roughly ten a day)": a claim of one verb takes the bracket that measures it.
      const aside = [items[index + 1], items[index - 1]].find((i) => i?.clause.join === "aside");
      if (memory.content.split(" ").length <= 2 && aside?.clause.join === "aside" && aside.clause.sentence === item.clause.sentence && aside.reading.subject === "fragment" && aside.reading.body.length <= 6) {
        memory.content = `${memory.content} ${mapPronouns(trimTail(aside.reading.body))}`;
      }
      drafts.push({ memory, item });
    }
  }
  const seen = new Set<string>();
  for (const memory of keepMainClaims(drafts, items)) {
    const content = ownPronouns(memory.content).slice(0, MAX_CONTENT);
    if (seen.has(content.toLowerCase()) || content.split(" ").length < 2) continue;
    seen.add(content.toLowerCase());
    const explicit = memory.asked ?? cues.explicit;
    const confidence = memory.hedged ? (explicit ? 0.7 : 0.6) : explicit ? 0.95 : options.correction ? 0.9 : 0.85;
    const importance = Math.round(Math.max(0.1, Math.min(1, memory.importance + (explicit ? 0.1 : 0) - (memory.hedged ? 0.1 : 0))) * 100) / 100;
    result.memories.push({ content, memory_type: memory.type, confidence, importance, ...(expiry ? { expires_at: expiry.at } : {}) });
  }
  // Someone named by their relation in a clause that says nothing lasting of them ("My husband
  // Tomasz and I keep squabbling …") is still someone in the user's life.
  if (!result.hypothetical) {
    for (const relation of findNamedRelations(normalized)) {
      const named = new RegExp(String.raw`\b${relation.name}\b`, "i");
      if (result.memories.some((m) => named.test(m.content))) continue;
      result.memories.push({ content: relation.content, memory_type: "fact", confidence: cues.explicit ? 0.95 : 0.85, importance: 0.7 });
    }
  }
  return result;
}
