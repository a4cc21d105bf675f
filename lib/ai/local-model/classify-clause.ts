import type { Term } from "./parse-sentences";
import type { ThirdPersonClause } from "./rewrite-third-person";

export type MemoryType = "fact" | "preference" | "decision" | "note";

export type ClauseClass =
  | { keep: true; memoryType: MemoryType; importance: number }
  | { keep: false; reason: "transient" | "request" | "reported" | "empty" };

const words = (s: string) => new Set(s.split(" "));

const PREFERENCE_VERBS = words("like love enjoy prefer hate dislike adore detest loathe fancy favor favour despise dig mind stand appreciate");
const PREFERENCE_WORDS_BUT_INTO = words("favourite favorite fav preference fan rather prefer keen fond");
const DECISION_VERBS = words("decide choose pick opt settle commit switch migrate adopt select plan resolve standardize standardise drop ditch");
// States of the moment: "I'm tired" says nothing lasting about the user.
const TRANSIENT = words(
  "tired hungry thirsty bored fine good okay ok great sad busy sleepy back here ready sorry sure confused curious " +
    "wondering stuck lost done home asking trying testing browsing looking kidding joking thinking glad happy excited",
);
// "I'm looking for a book", "I was wondering": what the user is doing in this chat, not who they are.
const ACTIVITY_NOW = words("look wonder ask test browse kid joke check chat type");
const TASK_WORDS = words("question questions problem bug bugs error errors exception crash typo issue issues homework");
// "every morning" is a habit; "this morning" is an episode.
const MOMENTARY = /\b(yesterday|today|tonight|(this|that) (morning|afternoon|evening|night|weekend|week|month)|later today|last night|just now|right now)\b/;
// Vague complaints and habits of forgetting: "keeps forgetting", "never manages to remember", "gets them mixed up".
const COMPLAINT = /^User (?:(?:always|never|still|often|constantly|sometimes|really|just|usually) )*(?:keeps \w+ing\b|forgets\b|forgot\b|struggles\b|manages to\b|remembers to\b|mixes\b|loses track\b|gets \S+ mixed up)/;
// Settling in, not a lasting trait: "is still getting to know the team", "is getting used to the hours".
const IN_PROGRESS =
  /^User (?:is|was) (?:still \w+ing\b|(?:currently |slowly |about |almost |nearly )?(?:getting to know|getting used to|settling in|figuring out|finding (?:their|my) feet|halfway|partway|trying to (?:decide|choose|work out|figure out)|deciding|torn between))/;
// Pronouns with nothing in the clause to point at: "gets them mixed up", "talked it over", "love that".
const UNRESOLVED = new Set(["it", "them", "they", "that", "this", "those", "these", "he", "she", "him", "her", "his", "there"]);
// Talking a choice over is not a fact about the user: "we weighed the options", "I compared a few laptops".
const DELIBERATION = words("weigh discuss debate mull compare deliberate ponder research");
const RELATIONS = words("sister brother mother father dad mum mom son daughter wife husband partner friend boss colleague neighbour neighbor aunt uncle cousin grandmother grandfather");
const ANIMALS = words("dog cat puppy puppie kitten pet rescue greyhound rabbit hamster horse parrot bird tortoise baby child children");
const REQUEST_VERBS = words("want need wonder hope wish ask help try see agree understand mean guess think know feel");
const REPORTING_VERBS = words("hear read learn find tell say know think believe suspect promise swear notice see");
const IDENTITY_WORDS = words(
  "name live lives born from work works job vegetarian vegan allergic allergy pronouns married age old speak speaks " +
    "nationality citizen diabetic religion gluten lactose kosher halal engineer developer nurse doctor teacher student",
);
const NOTE_WORDS = words("appointment meeting deadline reminder due flight exam interview renew remind todo call tomorrow tonight");

const has = (terms: Term[], set: Set<string>) => terms.some((t) => set.has(t.normal));

/**
 * Decides whether a first-person clause is worth a memory and which kind it is. Preferences
 * are about likes and choices of taste, decisions about commitments ("decided", "going to",
 * "will"), notes about things to do or dated events; everything else the user states about
 * themselves is a fact.
 */
export function classifyClause(clause: ThirdPersonClause): ClauseClass {
  const rest = clause.rest;
  const lemma = clause.verbLemma;
  const informative = rest.some((t) => t.tags.has("Noun") || t.tags.has("Adjective") || t.tags.has("Value") || t.tags.has("Verb"));
  if (!informative) return { keep: false, reason: "empty" };
  if (rest.some((t) => t.normal === "you" || t.normal === "your")) return { keep: false, reason: "request" };
  if (lemma === "be" && rest.length <= 3 && rest.some((t) => TRANSIENT.has(t.normal)) && !has(rest, IDENTITY_WORDS)) return { keep: false, reason: "transient" };
  if (rest.some((t, i) => UNRESOLVED.has(t.normal) && refersBack(rest, i))) return { keep: false, reason: "empty" };
  if (DELIBERATION.has(lemma)) return { keep: false, reason: "transient" };
  if (COMPLAINT.test(clause.content) || IN_PROGRESS.test(clause.content)) return { keep: false, reason: "transient" };
  // "I only have 20 minutes", "I've been twice": a moment or a fragment, nothing lasting.
  if ((lemma === "have" || lemma === "get") && rest.every((t) => t.tags.has("Duration") || t.tags.has("Value") || t.tags.has("Adverb") || t.tags.has("Determiner"))) {
    return { keep: false, reason: "transient" };
  }
  const fragment = (t: Term) => t.tags.has("Adverb") || ["twice", "once", "before", "there", "here", "been", "being"].includes(t.normal);
  if (lemma === "be" && rest.every(fragment)) return { keep: false, reason: "empty" };
  if (ACTIVITY_NOW.has(lemma) && clause.content.match(/^User (is|was) (just |only |currently )?\w+ing\b/)) return { keep: false, reason: "transient" };
  // "I'm thinking about switching to Linux": a tentative decision (the hedge lowers its confidence).
  if (/^User (is|was) (thinking|considering) (about |of )?\w+ing\b/.test(clause.content)) return { keep: true, memoryType: "decision", importance: 0.7 };
  if (lemma !== "be" && REQUEST_VERBS.has(lemma) && !rest.some((t) => t.tags.has("Verb") && DECISION_VERBS.has(t.normal))) {
    if (REPORTING_VERBS.has(lemma) || lemma === "wonder" || lemma === "hope" || lemma === "help") return { keep: false, reason: "reported" };
    if ((lemma === "want" || lemma === "need") && (rest[0]?.normal === "help" || rest.some((t) => t.normal === "know" || t.normal === "ask"))) {
      return { keep: false, reason: "request" };
    }
  }
  if (REPORTING_VERBS.has(lemma) && rest[0]?.normal === "that") return { keep: false, reason: "reported" };
  // Asking for something in this chat: "I need a recipe", "I'd like to order", "I have a question".
  if ((lemma === "want" || lemma === "need") && rest[0]?.tags.has("Determiner")) return { keep: false, reason: "request" };
  if (/^User would like to\b/.test(clause.content) || has(rest, TASK_WORDS)) return { keep: false, reason: "request" };

  const lowered = clause.content.toLowerCase();
  const memoryType = typeOf(clause, lowered);
  const identity = has(rest, IDENTITY_WORDS) || IDENTITY_WORDS.has(lemma) || /^User's name\b/.test(clause.content);
  // What happened today or last night is an episode, not a lasting fact about the user.
  if (!identity && MOMENTARY.test(lowered)) return { keep: false, reason: "transient" };
  const base = { decision: 0.8, fact: identity ? 0.8 : 0.6, preference: 0.55, note: 0.5 }[memoryType];
  const strong = ["love", "hate", "adore", "despise", "loathe"].includes(lemma) || has(rest, words("allergic allergy"));
  return { keep: true, memoryType, importance: Math.min(1, base + (strong ? 0.1 : 0)) };
}

/**
 * A pronoun with nothing before it in the clause to point at: "get them mixed up", "is her
 * deputy", "love that"; not "two cats and love them", "my sister and her kids", "a dog that barks".
 */
function refersBack(rest: Term[], i: number): boolean {
  const term = rest[i]!;
  const before = rest.slice(0, i);
  const next = rest[i + 1];
  if (["he", "she", "him", "her", "his"].includes(term.normal)) return !before.some((t) => t.tags.has("Person") || t.tags.has("Actor") || RELATIONS.has(t.normal));
  if (term.tags.has("Pronoun") || term.normal === "there") return !before.some((t) => t.tags.has("Noun") && !t.tags.has("Pronoun"));
  if (term.normal === "that" && before.at(-1)?.tags.has("Noun")) return false;
  return !next || !(next.tags.has("Noun") || next.tags.has("Adjective") || next.tags.has("Value"));
}

function typeOf(clause: ThirdPersonClause, lowered: string): MemoryType {
  const rest = clause.rest;
  const lemma = clause.verbLemma;
  // "I'm into jazz" is taste; "moved into a flat" is not.
  const into = lemma === "be" && rest.some((t, i) => t.normal === "into" && rest.slice(0, i).every((w) => w.tags.has("Adverb")));
  const decided = /\b(decided|chose|chosen|picked|opted|will use|going to use|going with|go with|went with|settled on|switching to|sticking with|stick with|staying with|agreed to|agreed on|from now on)\b/.test(lowered);
  if (PREFERENCE_VERBS.has(lemma) || into || has(rest, PREFERENCE_WORDS_BUT_INTO) || /^user's ([\w-]+ )?(favou?rite|fave?|preferred)\b/.test(lowered)) {
    // "I decided I prefer X" and "we're going with X rather than Y" are decisions; "I would rather" is a preference.
    if (!["decide", "choose"].includes(lemma) && !(decided && !PREFERENCE_VERBS.has(lemma))) return "preference";
  }
  // "I'd choose Linux over Windows every time" is a taste, not a choice made.
  if (/^user would (choose|pick|take|go for)\b.*\bover\b/.test(lowered)) return "preference";
  if (/^user is leaning (towards?|to)\b/.test(lowered)) return "decision";
  const goingTo = rest.findIndex((t) => t.normal === "going") >= 0 && rest.some((t) => t.normal === "to");
  if (lemma === "adopt" && rest.some((t) => ANIMALS.has(t.normal.replace(/s$/, "")))) return "fact";
  if (DECISION_VERBS.has(lemma) || decided) return "decision";
  if (/^user (is|are) (buying|switching|adopting|picking|choosing)\b/.test(lowered) || (lemma !== "be" && /\binstead\b/.test(lowered))) return "decision";
  if (/^user will (need|have) to\b/.test(lowered)) return "note";
  if (goingTo || /^user (will|is going to|plans to|intends to)\b/.test(lowered)) return "decision";
  if (lowered.split(/[^a-z]+/).some((w) => NOTE_WORDS.has(w)) || /\b(need to|have to|has to|needs to|must|should)\b/.test(lowered)) return "note";
  return "fact";
}
