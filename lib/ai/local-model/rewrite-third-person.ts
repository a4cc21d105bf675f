import nlp from "compromise";
import { joinTerms, type Term } from "./parse-sentences";

export type ClauseSubject = "self" | "self-possession" | "self-and-other" | "team" | "household";

export type ThirdPersonClause = {
  /** "User lives in Berlin", "User's favourite language is Rust" */
  content: string;
  subject: ClauseSubject;
  /** The main verb (or the copula) as an infinitive, auxiliaries skipped: "live", "be", "decide" */
  verbLemma: string;
  /** The verb group is negated ("do not like", "am not", "never eat") */
  negated: boolean;
  /** Terms after the subject and verb group, i.e. what the clause says about the user */
  rest: Term[];
};

// People the user talks about. Their facts are not the user's to store ("my friend Bob is …").
const RELATIONS = new Set(
  ("friend friends wife husband partner boyfriend girlfriend mom mum mother dad father parents brother " +
    "sister son daughter kid kids child children boss manager colleague colleagues coworker coworkers " +
    "neighbor neighbour roommate flatmate cousin aunt uncle grandma grandmother grandpa grandfather " +
    "niece nephew ex fiance fiancee teacher therapist landlord client customer family spouse sibling siblings")
    .split(" "),
);
const TEAM_WORDS = new Set(["team", "company", "startup", "org", "organisation", "organization", "group"]);
// A "we" is the user's team only when the clause is about work; "we adopted a puppy" is the user's household.
const WORK_WORDS = new Set(
  ("team company startup project projects service services frontend backend stack database deployment deploy api app " +
    "codebase sprint client clients product release vendor framework library server servers infrastructure pipeline " +
    "repo repository office launch roadmap migration architecture cloud cluster work workplace ci engineering ship deploys")
    .split(" "),
);
const MODALS = new Set(["will", "would", "can", "could", "should", "might", "may", "must", "shall", "did", "had", "was"]);
const OBJECT_PRONOUNS: Record<string, string> = { my: "their", me: "them", mine: "theirs", myself: "themselves" };
const TEAM_PRONOUNS: Record<string, string> = { our: "their", us: "them", ours: "theirs", ourselves: "themselves" };

const conjugate = (nlp.methods() as { two: { transform: { verb: { conjugate: (w: string, m: unknown) => Record<string, string> | undefined; toInfinitive: (w: string, m: unknown, tense?: string) => string } } } }).two.transform.verb;
const model = nlp.model();

/** The third-person singular present of a verb, via compromise's conjugator ("prefer" → "prefers"). */
function thirdPersonPresent(word: string): string {
  const forms = conjugate.conjugate(word.toLowerCase(), model);
  return forms?.PresentTense ?? (/(s|sh|ch|x|z|o)$/.test(word) ? `${word}es` : `${word}s`);
}

/** The infinitive of a verb form ("lives" → "live", "decided" → "decide"). */
export function verbInfinitive(term: Term): string {
  if (["am", "is", "are", "was", "were", "be", "been"].includes(term.normal)) return "be";
  const tense = term.tags.has("PastTense") ? "PastTense" : term.tags.has("Gerund") ? "Gerund" : "PresentTense";
  return conjugate.toInfinitive(term.normal, model, tense) || term.normal;
}

/** Finds who a clause is about; returns the index where the verb group starts. */
function findSubject(terms: Term[]): { subject: ClauseSubject; prefix: string; verbAt: number } | null {
  const first = terms[0];
  if (!first) return null;
  if (first.normal === "i") return { subject: "self", prefix: "User", verbAt: 1 };
  if (first.normal === "we") {
    const atWork = terms.some((t) => WORK_WORDS.has(t.normal));
    return atWork ? { subject: "team", prefix: "User and their team", verbAt: 1 } : { subject: "household", prefix: "User", verbAt: 1 };
  }
  if (first.normal !== "my") return null;
  const verbAt = terms.findIndex((t, i) => i > 0 && t.tags.has("Verb") && !t.tags.has("Gerund"));
  if (verbAt < 2) return null;
  const phrase = terms.slice(1, verbAt);
  const andI = phrase.findIndex((t, i) => t.normal === "i" && phrase[i - 1]?.normal === "and");
  const aboutPerson = phrase.some((t) => RELATIONS.has(t.normal.replace(/'s?$/, "")) || t.tags.has("Person") || t.tags.has("FirstName"));
  if (andI > 0) return { subject: "self-and-other", prefix: `User and their ${joinTerms(phrase.slice(0, andI - 1))}`, verbAt };
  if (aboutPerson) return null;
  if (phrase.some((t) => TEAM_WORDS.has(t.normal))) return { subject: "team", prefix: `User's ${joinTerms(phrase)}`, verbAt };
  return { subject: "self-possession", prefix: `User's ${joinTerms(phrase)}`, verbAt };
}

/**
 * Rewrites a first-person clause as a short third-person statement about the user:
 * "I am a vegetarian" → "User is a vegetarian", "I do not like cilantro" → "User does not like
 * cilantro", "my favourite language is Rust" → "User's favourite language is Rust".
 * Returns null when the clause is not about the user (someone else's facts are not stored).
 */
export function rewriteThirdPerson(terms: Term[]): ThirdPersonClause | null {
  const found = findSubject(terms);
  if (!found) return null;
  const out: string[] = [found.prefix];
  let i = found.verbAt;
  // Adverbs between subject and verb stay where they are: "User really likes".
  // "never" is tagged Negative, not Adverb; it must not take the -s ("User nevers manage").
  while (i < terms.length && (terms[i]!.tags.has("Adverb") || terms[i]!.tags.has("Negative")) && !terms[i]!.tags.has("Verb")) {
    out.push(terms[i]!.text);
    i++;
  }
  const verb = terms[i];
  if (!verb || verb.tags.has("Preposition") || verb.tags.has("Determiner")) return null;
  out.push(found.subject === "self" || found.subject === "household" ? conjugateForUser(verb) : verb.text);
  const { lemma, negated } = mainVerb(terms, i);
  const rest = terms.slice(i + 1);
  // "I am Sam" introduces a name; store it as one.
  const nameOnly = rest.length > 0 && rest.length <= 2 && rest.every((t) => t.tags.has("FirstName") || t.tags.has("LastName"));
  if (found.subject === "self" && lemma === "be" && !negated && nameOnly) {
    return { content: `User's name is ${joinTerms(rest)}`, subject: "self", verbLemma: "be", negated, rest };
  }
  const pronouns = found.subject === "team" || found.subject === "household" || found.subject === "self-and-other" ? { ...OBJECT_PRONOUNS, ...TEAM_PRONOUNS } : OBJECT_PRONOUNS;
  const restWords = rest.map((t, k) => {
    const previous = rest[k - 1];
    let word = t.text;
    if (t.normal === "i") word = "they";
    else if (pronouns[t.normal]) word = pronouns[t.normal]!;
    else if (previous?.normal === "i" && t.normal === "am") word = "are";
    else if (previous?.normal === "i" && t.normal === "was") word = "were";
    // "has two cats and adores them": a second verb of the user's takes the -s too.
    else if (["and", "but", "or"].includes(previous?.normal ?? "") && t.tags.has("Infinitive") && (found.subject === "self" || found.subject === "household")) word = conjugateForUser(t);
    return k === rest.length - 1 ? word : word + t.post;
  });
  const verbGap = verb.post.trim() === "" ? " " : verb.post;
  const head = out.join(" ");
  const content = `${head}${rest.length > 0 ? verbGap + restWords.join("") : ""}`.replace(/\s+/g, " ").trim();
  const tidy = content.replace(/\bcan not\b/g, "cannot").replace(/[\s.,;:!]+$/, "");
  return { content: tidy, subject: found.subject, verbLemma: lemma, negated, rest };
}

/** Walks the verb group from its first word: "have decided" → decide, "am not going" → go. */
function mainVerb(terms: Term[], start: number): { lemma: string; negated: boolean } {
  let lemma = verbInfinitive(terms[start]!);
  let negated = false;
  const first = terms[start]!;
  // Only auxiliaries lead on to a main verb: "love hiking" is about loving, not hiking.
  const leadsOn = first.tags.has("Auxiliary") || first.tags.has("Modal") || ["be", "have", "do"].includes(lemma);
  for (let i = start; i < terms.length; i++) {
    const t = terms[i]!;
    if (i > start && !leadsOn) break;
    if (t.tags.has("Negative") || t.normal === "never") negated = true;
    else if (t.tags.has("Verb")) lemma = verbInfinitive(t);
    // compromise tags "like" in "do not like" as a preposition
    else if (t.normal === "like" && i > start) return { lemma: "like", negated };
    else if (!t.tags.has("Adverb")) break;
    if (i > start && t.tags.has("Verb") && !t.tags.has("Auxiliary")) break;
  }
  return { lemma, negated };
}

/** "am" → "is", "have" → "has", "like" → "likes"; modals and past forms stay. */
function conjugateForUser(verb: Term): string {
  const n = verb.normal;
  if (n === "am" || n === "are") return "is";
  if (n === "were") return "was";
  if (n === "have") return "has";
  if (n === "do") return "does";
  if (MODALS.has(n) || verb.tags.has("PastTense") || verb.tags.has("Modal")) return verb.text;
  if (verb.tags.has("Gerund")) return verb.text;
  // Only a base form takes the -s: "got" (tagged as an auxiliary after "just") stays "got".
  const known = (model as { one?: { lexicon?: Record<string, string> } }).one?.lexicon?.[n];
  if (known === "PastTense" || known === "Participle" || verbInfinitive(verb) !== n || /[^e]ed$/.test(n)) return verb.text;
  return thirdPersonPresent(n);
}
