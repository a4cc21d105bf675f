import nlp from "compromise";
import { normalizeTexting } from "./extract/normalize-texting";

export type SavedMemory = { content: string; type: string };

const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DATE = new RegExp(String.raw`\b(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}|${MONTH} \d{1,2}(?:st|nd|rd|th)?|the \d{1,2}(?:st|nd|rd|th))\b`, "i");
// "it's Azure", "its cardiff", "it's 19 March now", "it's gluten not lactose", "it's 19 March, not 12 March".
const IT_IS = /\b(?:it's|it is|its|it'll be|it will be|i meant|i mean)\s+(?!to\b|that\b|it\b)([^,.;!?]+?)(?:,?\s+not\s+([^,.;!?]+?))?(?:\s+now)?\s*(?:[,.;!?]|$)/i;

// "almond milk is the one I like, not oat", "Portishead is the one I meant".
const THE_ONE = /(?:^|[.!?,]\s+)([^,.;!?]{2,40}?) is the one (?:that )?(?:i|we) (?:like|use|meant|mean|want|prefer|have|take|drink|chose|picked|love)(?:,?\s+not\s+([^,.;!?]+?))?\s*(?:[,.;!?]|$)/i;
// "scratch that. javascript first", "no wait, Lisbon instead": after a take-back, the new value alone.
const BARE_VALUE = /(?:scratch that|change of plan|actually|no wait|wait no|sorry|correction|i meant|make that|make it)[,.:!\s-]+(?:it's\s+|its\s+)?([\w' -]{2,30}?)(?:\s+(?:instead|first|then|now|please))*(?:,?\s+not\s+([^,.;!?]+?))?\s*[.!]?$/i;

function isValue(text: string): boolean {
  if (text.split(/\s+/).length > 4 || /\b(me|you|him|her|them|us|too|so|very|fine|ok|okay|all|that|this|what|why)\b/i.test(text)) return false;
  if (DATE.test(text) || /\d/.test(text)) return true;
  const doc = nlp(text);
  return doc.has("#Noun") && !doc.has("#Pronoun") && !doc.has("#Adjective");
}

/** The first span of a memory that holds the same kind of value: a date for a date, a name or place for a name, "two cats" for "three cats". */
function spanLike(content: string, value: string): string | null {
  if (DATE.test(value)) return content.match(DATE)?.[0] ?? null;
  // "I meant three cats" against "User has two cats": the phrase with the same head noun.
  const head = value.split(/\s+/).at(-1)!;
  if (value.split(/\s+/).length > 1) {
    const same = new RegExp(`\\b(?:(?:a|an|the|their|\\w+)\\s+)?${head.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").exec(content.replace(/^User\b/, ""));
    if (same) return same[0];
  }
  const doc = nlp(content.replace(/^User('s)?\s/, ""));
  const proper = doc.match("(#Place|#Organization|#ProperNoun|#Acronym)+").out("array") as string[];
  const candidates = proper.map((p) => p.replace(/[.,;:!?]+$/, "")).filter((p) => p && !/^user/i.test(p));
  if (candidates.length > 0) return candidates[0]!;
  return null;
}

/**
 * A correction that names only the new value, "It's Azure." or "it's 19 March, not 12 March":
 * finds the memory saved earlier in the conversation that holds the old value (the one named
 * after "not", or the same kind of value) and rewrites it with the new one.
 */
export function substituteValue(text: string, saved: SavedMemory[]): { old: SavedMemory; content: string } | null {
  const normalized = normalizeTexting(text);
  const match = normalized.match(IT_IS) ?? normalized.match(THE_ONE) ?? normalized.match(BARE_VALUE);
  if (!match) return swapNamedValue(normalized, saved);
  // "it's almond milk I use": the value without the clause that says what it is to the user.
  const value = match[1]!.trim().replace(/\s+(?:that |which )?(?:i|we)\s+\w+$/i, "");
  const replaced = match[2]?.trim();
  if (!isValue(value)) return null;
  for (const memory of [...saved].reverse()) {
    let span = replaced ? (new RegExp(`\\b${escape(replaced)}\\b`, "i").exec(memory.content)?.[0] ?? null) : spanLike(memory.content, value) ?? objectOf(memory.content);
    if (!span || span.toLowerCase() === value.toLowerCase()) continue;
    // "almond milk, not oat" against "takes oat milk": the head the two share is said once.
    const head = value.split(/\s+/).at(-1)!;
    const after = new RegExp(`\\b${escape(span)}\\s+(${escape(head)})\\b`, "i").exec(memory.content);
    if (after && value.includes(" ")) span = `${span} ${after[1]}`;
    return { old: memory, content: memory.content.replace(span, value) };
  }
  return null;
}

// "her name's Mochi, not Miso", "we're on Hetzner now instead of AWS": the old value is named,
// and the new one is as many words just before it.
const NOT_PAIR = /([\p{L}\d][\p{L}\d' -]*?),?\s+(?:not|instead of|rather than)\s+((?:the\s+)?[\p{L}\d][\p{L}\d'-]*(?:\s+[\p{L}\d'-]+){0,2}?)\s*(?:[,.;!?—-]|$)/iu;

/** A correction that names both values: the latest memory that holds the old one gets the new one. */
function swapNamedValue(text: string, saved: SavedMemory[]): { old: SavedMemory; content: string } | null {
  const match = NOT_PAIR.exec(text);
  if (!match) return null;
  const oldValue = match[2]!.trim();
  const said = match[1]!.trim().split(/\s+/);
  const newValue = said.slice(-oldValue.split(/\s+/).length).join(" ");
  if (!isValue(newValue) || newValue.toLowerCase() === oldValue.toLowerCase()) return null;
  for (const memory of [...saved].reverse()) {
    const span = new RegExp(`\\b${escape(oldValue)}\\b`, "i").exec(memory.content)?.[0];
    if (span) return { old: memory, content: memory.content.replace(span, newValue) };
  }
  return null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "User is going with python as their first language" → "python": the object of the memory's verb, for a bare new value. */
function objectOf(content: string): string | null {
  const terms = nlp(content.replace(/^User\b/, "")).json({ terms: { tags: true } }) as { terms: { text: string; tags: string[] }[] }[];
  const words = terms.flatMap((s) => s.terms);
  const verb = words.findIndex((t) => t.tags.includes("Verb") && !t.tags.includes("Auxiliary") && !t.tags.includes("Copula"));
  for (let i = verb + 1; verb >= 0 && i < words.length; i++) {
    const t = words[i]!;
    if (t.tags.includes("Noun") && !t.tags.includes("Pronoun") && !t.tags.includes("Possessive")) return t.text.replace(/[.,;:!?]+$/, "");
    if (!t.tags.includes("Preposition") && !t.tags.includes("Determiner") && !t.tags.includes("Adverb") && !t.tags.includes("Particle")) return null;
  }
  return null;
}
