import { ACQUAINTANCES, HEALTH_CONDITIONS, KIN, PASSING_STATES, PEOPLE, ROLE_NOUNS, TRAIT_WORDS, UNIVERSAL_KIN } from "./lexicon";
import { joinTerms, type Term } from "./parse-sentences";
import type { ClauseReading } from "./read-clause";
import { keep, type SentenceCues, type Verdict } from "./verdict";

// Words around a terse label that say nothing themselves: "vegetarian btw", "coeliac here", "from Cork originally".
const FILLER = new Set(["btw", "fyi", "here", "originally", "now", "myself", "too", "though", "lol", "by", "trade", "just", "also", "and", "so", "ok", "okay", "fwiw", "currently"]);
// Qualifiers that make a family word a role of one's own: "single mum", "stay-at-home dad", "new mum".
const PARENT_QUALIFIERS = new Set(["single", "new", "working", "stay-at-home", "stay", "first-time", "solo", "busy", "proud", "full-time", "part-time", "foster", "adoptive", "step"]);
const PARENT_WORDS = new Set(["mum", "mom", "dad", "parent", "mother", "father", "grandparent", "grandma", "grandad", "granny", "nan"]);
const ARTICLE_LESS = new Set(["diabetes", "asthma", "epilepsy", "arthritis", "adhd", "autism", "dyslexia", "dyspraxia", "eczema", "psoriasis", "migraines", "ibs", "crohns", "crohn's", "colitis", "tinnitus", "endometriosis", "pcos", "fibromyalgia", "lupus", "hypertension", "anaemia", "anemia", "hypothyroidism", "glaucoma", "scoliosis", "allergies"]);

type Kind = "role" | "trait" | "condition" | "kin" | "place" | "origin" | "home";

const isPlace = (t: Term) => t.tags.has("Place") || (t.tags.has("ProperNoun") && /^[A-Z]/.test(t.text) && !t.tags.has("Person") && !t.tags.has("Date"));

/** What one comma-separated piece of a verbless self-description names, if anything. */
function kindOf(piece: Term[]): Kind | null {
  if (piece.length === 0 || piece.length > 4) return null;
  const words = piece.map((t) => t.normal);
  const head = piece.at(-1)!;
  const bare = head.normal.replace(/[^a-z'-]/g, "");
  const from = ["from", "living", "based", "settled"].includes(words[0] ?? "") ? (words[0] === "from" ? 1 : 2) : 0;
  if (piece.slice(from).some((t) => t.tags.has("Pronoun") || (t.tags.has("Determiner") && !["a", "an"].includes(t.normal)) || t.tags.has("Preposition") || t.tags.has("QuestionWord") || PASSING_STATES.has(t.normal))) return null;
  // "two kids", "3 grandchildren": family counted.
  if (piece[0]!.tags.has("Value") && (KIN.has(bare) || UNIVERSAL_KIN.has(bare)) && head.tags.has("Plural")) return "kin";
  if (TRAIT_WORDS.has(bare) && piece.length === 1) return "trait";
  if (HEALTH_CONDITIONS.has(bare) && piece.every((t) => !t.tags.has("Verb") || t === head || t.tags.has("Noun") || t.tags.has("Value"))) return "condition";
  if (PARENT_WORDS.has(bare)) return words.slice(0, -1).some((w) => PARENT_QUALIFIERS.has(w)) ? "role" : null;
  if (TRAIT_WORDS.has(bare) && piece.length <= 2) return "trait";
  if (ROLE_NOUNS.has(bare) || (head.tags.has("Actor") && !KIN.has(bare) && !UNIVERSAL_KIN.has(bare) && !ACQUAINTANCES.has(bare) && !PEOPLE.has(bare))) return "role";
  if (piece.length <= 3 && piece.every(isPlace)) return "place";
  // "from Cork originally", "living in Manchester now", "based in Leeds".
  if (words[0] === "from" && piece.length <= 3 && piece.slice(1).every(isPlace)) return "origin";
  if (["living", "based", "settled"].includes(words[0] ?? "") && words[1] === "in" && piece.length <= 4 && piece.slice(2).every(isPlace)) return "home";
  return null;
}

/**
 * "nurse. night shift.", "vegetarian btw", "peanut allergy. severe", "software engineer, Bangalore",
 * "single parent here, part-time dental nurse, two kids": a sentence with no verb that names the
 * user's role, trait or condition. Only at the start of a sentence, never as a question, and a
 * place only beside a role ("software engineer, Bangalore"), never alone.
 */
export function readTerseLabel(reading: ClauseReading, sentence: SentenceCues, someoneElse: boolean): Verdict[] {
  const sentenceWords = sentence.text.split(" ").length;
  // "could be lactose intolerance, not sure": said with a hedge, it is only a proposal.
  const hedged = reading.leads.hedges > 0 || sentence.undecided;
  const clause = reading.clause;
  if (clause.join !== "start" || !clause.opens || clause.isQuestion || clause.isLabel) return [];
  const body = reading.body.filter((t) => !FILLER.has(t.normal) || /[,;]/.test(t.post));
  if (body.length === 0 || body.length > 12) return [];
  const known = (t: Term) => ROLE_NOUNS.has(t.normal) || TRAIT_WORDS.has(t.normal) || HEALTH_CONDITIONS.has(t.normal) || PARENT_WORDS.has(t.normal) || FILLER.has(t.normal);
  if (body.some((t) => t.tags.has("Verb") && !t.tags.has("Noun") && !t.tags.has("Adjective") && !t.tags.has("Hyphenated") && !known(t))) return [];
  // A word the tagger took for a verb ("nurse.") is a label only in a sentence of its own.
  if (body.some((t) => t.tags.has("Verb") && !t.tags.has("Noun")) && sentenceWords > body.length + 2) return [];
  const pieces: Term[][] = [[]];
  for (const t of body) {
    pieces.at(-1)!.push(t);
    if (/,|;/.test(t.post)) pieces.push([]);
  }
  const out: Verdict[] = [];
  let role = false;
  for (const [i, piece] of pieces.map((p) => p.filter((t) => !FILLER.has(t.normal))).filter((p) => p.length > 0).entries()) {
    const kind = kindOf(piece);
    if (i === 0 && kind === null) return [];
    if (kind === null) continue;
    const words = joinTerms(piece);
    const plural = piece.at(-1)!.tags.has("Plural");
    const article = plural ? "" : /^[aeiou]/i.test(words) ? "an " : "a ";
    if (kind === "role") {
      role = true;
      out.push(keep({ content: `User is ${article}${words}`, type: "fact", importance: 0.8, identity: true, hedged }));
    } else if (kind === "trait") out.push(keep({ content: `User is ${words}`, type: "fact", importance: 0.8, identity: true, hedged }));
    else if (kind === "condition" && !someoneElse) out.push(keep({ content: `User has ${ARTICLE_LESS.has(piece.at(-1)!.normal) || piece[0]!.tags.has("Value") ? "" : article}${words}`, type: "fact", importance: 0.8, identity: true, hedged }));
    else if (kind === "kin") out.push(keep({ content: `User has ${words}`, type: "fact", importance: 0.7, identity: true, hedged }));
    else if (kind === "place" && role) out.push(keep({ content: `User is based in ${words}`, type: "fact", importance: 0.8, identity: true, hedged }));
    else if (kind === "origin") out.push(keep({ content: `User is ${words}`, type: "fact", importance: 0.8, identity: true, hedged }));
    else if (kind === "home") out.push(keep({ content: `User lives in ${joinTerms(piece.slice(2))}`, type: "fact", importance: 0.8, identity: true, hedged }));
  }
  return out;
}
