import { classifyClause, type MemoryType } from "./classify-clause";
import { detectCredential } from "./detect-credential";
import { dropSubsumed } from "./drop-subsumed";
import { keepMainClauses } from "./keep-main-clauses";
import type { MemoryCandidate } from "./memory-candidate";
import { mentionsPrivateMatter } from "./mentions-private-matter";
import { noteAbout } from "./note-about";
import { joinTerms, parseSentences, type Term } from "./parse-sentences";
import { reorderSubjectFirst } from "./reorder-subject-first";
import { rewriteThirdPerson } from "./rewrite-third-person";
import { splitClauses } from "./split-clauses";
import { trimAfterthought } from "./trim-afterthought";

export type Extraction = {
  memories: MemoryCandidate[];
  /** A sentence was left out because it held a password, key, card number or similar */
  withheldCredential: boolean;
  /** The message was framed as a hypothetical ("if I were…", "imagine…") */
  hypothetical: boolean;
  /** The user asked for this not to be remembered ("off the record", "don't save this") */
  optedOut: boolean;
};

// Someone else's confidence: nothing in such a message is stored, even when asked.
const SECRET = /\b(do not tell|don't tell|dont tell|in confidence|(a|is|it's|its) secret|confidential|between (you and me|us))\b/i;
const OPT_OUT = /\b(off the record|between (you and me|us)|(do not|don't|dont|never) (remember|save|store|memori[sz]e|note)( this| that| it)?|keep (this|that|it) to yourself|not for (your )?memory)\b/i;

const MAX_CONTENT = 2000;
const phrases = (list: string[]) => list.map((p) => p.split(" "));

// Lead-ins that carry no content, stripped repeatedly ("Oh, by the way, actually …").
const FILLERS = phrases([
  "by the way", "just so you know", "for the record", "for context", "fun fact", "to be clear", "to clarify",
  "i changed my mind", "i have changed my mind", "on second thought", "i told you", "as i said", "like i said",
  "as i mentioned", "like i mentioned", "as i told you", "i mean", "again",
  "actually", "oh", "well", "so", "hey", "hi", "hello", "btw", "fyi", "also", "and", "but", "anyway", "honestly",
  "basically", "ok", "okay", "yes", "yeah", "no", "update", "correction", "ps", "please", "just", "oh and",
  "going forward", "from now on", "in future", "in the future", "these days", "nowadays", "heads up", "just a heads up",
  "to be honest", "for what it is worth", "quick note",
]);
const EXPLICIT = phrases([
  "i want you to remember", "i would like you to remember", "can you remember", "could you remember", "please remember",
  "remember", "do not forget", "keep in mind", "make a note", "note down", "note", "save", "store", "memorize",
  "memorise", "write down",
]);
const HEDGE_LEADS = phrases([
  "i am not sure but", "i am not sure if", "not sure but", "not sure if", "i think", "i guess", "i suppose", "i believe",
  "i feel like", "maybe", "perhaps", "probably", "possibly",
]);
const HEDGE_WORDS = new Set(["might", "may", "maybe", "probably", "possibly", "perhaps", "considering", "unsure", "thinking"]);
// "may" in "on May 5" is a month, not a hedge.
const isHedge = (t: Term) => HEDGE_WORDS.has(t.normal) && !t.tags.has("Date") && !t.tags.has("Month") && !(t.normal === "may" && !t.tags.has("Modal"));
const HYPOTHETICAL_WORDS = new Set(["imagine", "suppose", "supposing", "hypothetically", "pretend", "hypothetical"]);

function stripLead(terms: Term[], list: string[][]): { terms: Term[]; matched: boolean } {
  for (const phrase of list) {
    if (phrase.every((w, i) => terms[i]?.normal === w)) {
      let rest = terms.slice(phrase.length);
      if (rest[0]?.normal === "that" || rest[0]?.normal === "this" || rest[0]?.normal === ":") rest = rest.slice(1);
      return { terms: rest, matched: true };
    }
  }
  return { terms, matched: false };
}

/** Drops a leading label or lead-in: "Quick intro:", "A bit about me so you can tailor things: I'm …". */
function dropLabel(terms: Term[]): Term[] {
  const colon = terms.findIndex((t, i) => t.post.includes(":") && (i < 4 || ["i", "my", "we"].includes(terms[i + 1]?.normal ?? "")));
  return colon >= 0 && colon < terms.length - 1 ? terms.slice(colon + 1) : terms;
}

function isHypothetical(terms: Term[]): boolean {
  const n = terms.map((t) => t.normal);
  if (n.some((w) => HYPOTHETICAL_WORDS.has(w))) return true;
  if (n[0] === "if" || n[0] === "unless" || n.includes("wish")) return true;
  // "I would quit tomorrow if I won the lottery": a condition with "would" is not a plan.
  if (n.includes("if") && n.slice(0, n.indexOf("if")).some((w) => w === "would" || w === "could")) return true;
  const text = n.join(" ");
  return /\b(what if|let us say|lets say|let's say|if i (were|was|had|could|lived|moved))\b/.test(text);
}

/**
 * Finds what the user disclosed about themselves in one message and writes each item as a
 * short third-person memory with a calibrated confidence: an explicit "remember that …" is
 * 0.95, a plain statement 0.85, a hedged one ("I think I might …") 0.6, and anything hedged
 * twice over is too vague to propose at all.
 */
export function extractMemories(text: string, options: { correction?: boolean } = {}): Extraction {
  const result: Extraction = { memories: [], withheldCredential: false, hypothetical: false, optedOut: false };
  if (OPT_OUT.test(text) || SECRET.test(text)) {
    result.optedOut = true;
    return result;
  }
  const seen = new Set<string>();
  // Drop secret-bearing sentences before tagging: compromise keeps "Acme Corp. Here's my key" together.
  const chunks = text.split(/(?<=[.!?])\s+(?=[A-Z"'])/);
  const clean = chunks.filter((chunk) => !detectCredential(chunk));
  if (clean.length < chunks.length) result.withheldCredential = true;
  for (const sentence of parseSentences(clean.join(" "))) {
    if (detectCredential(sentence.text)) {
      result.withheldCredential = true;
      continue;
    }
    let terms = sentence.terms;
    let explicit = false;
    let hedges = 0;
    for (let changed = true; changed && terms.length > 0; ) {
      changed = false;
      for (const [list, kind] of [[FILLERS, "filler"], [EXPLICIT, "explicit"], [HEDGE_LEADS, "hedge"]] as const) {
        const stripped = stripLead(terms, list);
        if (!stripped.matched) continue;
        terms = stripped.terms;
        changed = true;
        if (kind === "explicit") explicit = true;
        if (kind === "hedge") hedges++;
      }
    }
    terms = dropLabel(terms);
    // "Ramen is hands down my favourite food" reads as "My favourite food is ramen".
    const reordered = reorderSubjectFirst(terms);
    if (reordered) terms = parseSentences(reordered)[0]?.terms ?? terms;
    // "Call me Max": how the user wants to be addressed.
    if (terms[0]?.normal === "call" && terms[1]?.normal === "me" && terms.length >= 3) {
      const name = joinTerms(trimAfterthought(terms.slice(2)));
      if (name.split(" ").length > 3) continue;
      result.memories.push({ content: `User prefers to be called ${name}`, memory_type: "preference", confidence: 0.9, importance: 0.8 });
      continue;
    }
    if (terms !== sentence.terms) terms = stripLead(terms, FILLERS).terms;
    if (sentence.isQuestion && !explicit) continue;
    if (isHypothetical(terms)) {
      result.hypothetical = true;
      continue;
    }
    if (result.hypothetical && terms.some((t) => t.normal === "would" || t.normal === "could")) continue;
    const kept: { memory: MemoryCandidate; join: string; settled: boolean }[] = [];
    for (const { terms: clauseTerms, join } of splitClauses(terms)) {
      // Reasons, side remarks and other people's clauses are not the user's disclosure.
      if (join === "reason" || join === "other") continue;
      const lead = stripLead(clauseTerms, HEDGE_LEADS);
      const clauseHedges = hedges + (lead.matched ? 1 : 0) + lead.terms.filter(isHedge).length;
      const clauseText = trimAfterthought(lead.terms);
      const clause = rewriteThirdPerson(clauseText);
      if (!clause) {
        const note = explicit && clauseHedges === 0 ? noteAbout(clauseText) : null;
        if (note && !seen.has(note.toLowerCase())) {
          seen.add(note.toLowerCase());
          result.memories.push({ content: note.slice(0, MAX_CONTENT), memory_type: "note", confidence: 0.95, importance: 0.6 });
        }
        continue;
      }
      const kind = classifyClause(clause);
      if (!kind.keep) continue;
      // A reason is left out, unless it is itself who the user is: "… because I'm lactose intolerant".
      if (join === "because" && !(clause.subject === "self" && kind.memoryType === "fact" && kind.importance >= 0.8)) continue;
      if (mentionsPrivateMatter({ text: `${joinTerms(clauseText)} ${clause.content}`, terms: clauseText })) continue;
      const unsure = /\b(not sure|no idea|do not know)\b/.test(joinTerms(lead.terms).toLowerCase()) ? 1 : 0;
      // A few hedges ("I think I might …, not sure") make a proposal; piling on more is too vague to keep.
      const vague = clauseHedges + unsure >= 4;
      if (vague && !explicit) continue;
      const confidence = clauseHedges + unsure > 0 ? (explicit ? 0.7 : 0.6) : explicit ? 0.95 : options.correction ? 0.9 : 0.85;
      const importance = Math.max(0.1, Math.min(1, kind.importance + (explicit ? 0.1 : 0) - (clauseHedges > 0 ? 0.1 : 0)));
      const content = clause.content.slice(0, MAX_CONTENT);
      if (seen.has(content.toLowerCase())) continue;
      seen.add(content.toLowerCase());
      const memory = { content, memory_type: kind.memoryType, confidence, importance: Math.round(importance * 100) / 100 };
      // "I am …", "I have …", "I work …": a standing fact, not the story behind a choice.
      const settled = clause.subject === "self" && !clauseText.some((t) => t.tags.has("PastTense"));
      kept.push({ memory, join, settled });
    }
    result.memories.push(...keepMainClauses(kept).map((k) => k.memory));
  }
  result.memories = dropSubsumed(result.memories);
  return result;
}
