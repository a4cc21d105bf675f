import { EXPLICIT_LEADS, HEDGE_LEADS, OPENERS } from "./lexicon";
import type { Term } from "./parse-sentences";

export type Leads = {
  /** "remember that …", "note:" */
  explicit: boolean;
  /** "I think", "maybe", "not sure but" */
  hedges: number;
  /** "the GP said I'm …", "turns out I'm …": someone else's words about the user */
  reported: boolean;
  /** "As a diabetic, …", "As tech lead here …": the role, said about the user in passing */
  role: Term[] | null;
  /** A time frame in front: "from next month", "until Friday", "just for this week" */
  frame: Term[];
};

const FRAME_STARTS = new Set(["from", "until", "till", "through", "thru", "after", "for", "starting", "next", "this", "these", "in", "on", "by", "given", "over", "since", "going"]);
const FRAME_WORDS = new Set([
  "now", "on", "next", "this", "that", "these", "the", "a", "an", "coming", "week", "weeks", "weekend", "month", "months", "year", "years",
  "day", "days", "today", "tonight", "tomorrow", "morning", "evening", "time", "being", "end", "of", "rest", "forward", "choice", "just",
  "future", "twenty", "two", "three", "four", "five", "six", "ten", "few", "couple", "new", "season", "term", "semester", "quarter",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "then", "here", "out", "all",
]);

const startsWith = (terms: Term[], phrase: string[]) => phrase.every((w, i) => terms[i]?.normal === w);

// Openers that are words of their own elsewhere ("no meat for me", "still undecided"): only with a comma after them.
const NEEDS_COMMA = new Set(["no", "yes", "right", "look", "listen", "sorry", "great", "nice", "perfect", "lovely", "cool", "thanks", "wait", "now", "then", "still", "again", "nah", "yep"]);

const FOLLOWING_OPENERS = new Set(["actually", "no", "wait", "sorry", "scratch", "ok", "okay", "so", "yeah", "hold", "update", "correction", "change", "hmm", "oh"]);

function stripList(terms: Term[], list: string[][], thatFollows = false): { terms: Term[]; matched: boolean } {
  for (const phrase of list) {
    if (!startsWith(terms, phrase) || terms.length < phrase.length) continue;
    // "wait no actually …": such a word also goes when another opener follows it.
    if (phrase.length === 1 && NEEDS_COMMA.has(phrase[0]!) && !/[,.!:;-]/.test(terms[0]!.post) && !FOLLOWING_OPENERS.has(terms[1]?.normal ?? "")) continue;
    let rest = terms.slice(phrase.length);
    // "remember that …", "I think that …": the "that" belongs to the lead, not to the claim.
    if (thatFollows && ["that", ":"].includes(rest[0]?.normal ?? "")) rest = rest.slice(1);
    return { terms: rest, matched: true };
  }
  return { terms, matched: false };
}

/** "From next month", "until Friday", "given the choice", "after twenty years": a fronted frame ending at a comma or at "I"/"we". */
function stripFrame(terms: Term[]): { terms: Term[]; frame: Term[] } {
  const first = terms[0];
  if (!first || !FRAME_STARTS.has(first.normal)) return { terms, frame: [] };
  // "After a lot of thought I'm selling my flat", "Given the choice I'd …": a phrase without a verb, up to "I".
  const subjectAt = terms.findIndex((t, i) => i > 1 && i <= 7 && ["i", "we"].includes(t.normal) && (terms[i + 1]?.tags.has("Verb") || terms[i + 1]?.tags.has("Copula")));
  if (["after", "given", "since", "following", "despite", "with", "in"].includes(first.normal) && subjectAt > 0 && !terms.slice(1, subjectAt).some((t, k) => t.tags.has("Verb") && !t.tags.has("Gerund") && !["Determiner", "Preposition", "Adjective"].some((tag) => terms[k]!.tags.has(tag)))) {
    return { terms: terms.slice(subjectAt), frame: terms.slice(0, subjectAt) };
  }
  let i = 0;
  while (i < terms.length && i < 7) {
    const t = terms[i]!;
    const ok = i === 0 || FRAME_WORDS.has(t.normal) || t.tags.has("Date") || t.tags.has("Value") || t.tags.has("Duration");
    if (!ok) break;
    i++;
    if (/,/.test(t.post)) break;
  }
  const next = terms[i]?.normal;
  const after = terms[i];
  const closed = /,/.test(terms[i - 1]?.post ?? "") || ["i", "we", "my", "our", "please", "you", "can", "could", "always", "never"].includes(next ?? "") || (after?.tags.has("Imperative") ?? false) || (after?.tags.has("Infinitive") ?? false);
  if (i === 0 || i >= terms.length || !closed) return { terms, frame: [] };
  return { terms: terms.slice(i), frame: terms.slice(0, i) };
}

/** "As a diabetic, …", "as tech lead here I …", "As one of the churchwardens at St Mary's I've …". */
function stripRole(terms: Term[]): { terms: Term[]; role: Term[] | null } {
  if (terms[0]?.normal !== "as" || terms.length < 2) return { terms, role: null };
  let end = 1;
  const QUESTION_START = new Set(["what", "which", "how", "where", "when", "why", "who", "can", "could", "should", "would", "is", "are", "do", "does", "will"]);
  while (end < terms.length && !/,/.test(terms[end - 1]!.post) && !["i", "we", "my"].includes(terms[end]!.normal) && !QUESTION_START.has(terms[end]!.normal)) end++;
  const role = terms.slice(1, end).filter((t) => !["a", "an", "the"].includes(t.normal));
  if (role.length === 0 || role.length > 8 || role[0]!.tags.has("Pronoun") || !role.some((t) => t.tags.has("Noun") || t.tags.has("Adjective")) || role.some((t) => t.tags.has("Copula") || t.tags.has("Modal"))) return { terms, role: null };
  // "as someone with MS": the role is what the user has.
  return { terms: terms.slice(end), role: terms.slice(1, end) };
}

const FRAMING = [
  ...["irony", "thing", "truth", "funny thing", "problem", "catch", "point", "kicker", "reality", "fact", "honest truth", "short version", "long and short of it", "background", "context", "situation", "deal"].flatMap((noun) => [`the ${noun} is`, `${noun} is`, `the ${noun} is that`]),
  // "The relevant thing is that I've had a hearing aid …", "the main point is, I'm vegan".
  ...["relevant", "important", "main", "key", "only", "big", "other", "annoying", "tricky", "awkward", "crucial"].flatMap((adjective) =>
    ["thing", "point", "bit", "detail", "fact", "issue", "problem", "catch"].flatMap((noun) => [`the ${adjective} ${noun} is`, `the ${adjective} ${noun} is that`]),
  ),
  // "It reminded me that my favourite film is …", "I should mention I'm coeliac": a frame around the user's own claim.
  "it reminded me", "that reminded me", "which reminded me", "it reminds me", "i should mention", "i should say", "i forgot to mention", "i forgot to say",
  "i should add", "i meant to say", "i meant to mention", "i have to say", "i must say", "i should tell you", "i should have said", "i have to admit", "i must admit", "i will admit", "i admit",
].map((p) => p.split(" "));

const REPORTED = [
  ["turns", "out"], ["it", "turns", "out"], ["turned", "out"], ["it", "turned", "out"], ["apparently"], ["the", "gp", "said"], ["the", "doctor", "said"],
  ["my", "gp", "said"], ["my", "doctor", "said"], ["the", "doctor", "says"], ["my", "doctor", "says"], ["the", "test", "said"], ["the", "tests", "said"],
  ["the", "results", "said"], ["the", "nurse", "said"], ["they", "said"], ["my", "gp", "says"],
];

/**
 * Strips what stands in front of the claim itself, and says what it was: discourse openers
 * ("ok so", "btw"), a request to remember ("remember that"), hedges ("I think"), a reported
 * frame ("the GP said"), a role ("As a teacher,") and a time frame ("from next month").
 */
export function stripLeads(input: Term[]): { terms: Term[]; leads: Leads } {
  const leads: Leads = { explicit: false, hedges: 0, reported: false, role: null, frame: [] };
  let terms = input;
  for (let changed = true; changed && terms.length > 0; ) {
    changed = false;
    const opener = stripList(terms, OPENERS);
    if (opener.matched) {
      terms = opener.terms;
      changed = true;
      continue;
    }
    const explicit = stripList(terms, EXPLICIT_LEADS, true);
    if (explicit.matched) {
      terms = explicit.terms;
      leads.explicit = true;
      changed = true;
      continue;
    }
    const hedge = stripList(terms, HEDGE_LEADS, true);
    if (hedge.matched) {
      terms = hedge.terms;
      leads.hedges++;
      changed = true;
      continue;
    }
    const reported = stripList(terms, REPORTED, true);
    if (reported.matched && ["i", "my", "it"].includes(reported.terms[0]?.normal ?? "")) {
      terms = reported.terms;
      leads.reported = true;
      changed = true;
      continue;
    }
    // "The irony is I'm a magistrate myself", "the thing is, I work nights": a frame that only introduces the claim.
    const framing = stripList(terms, FRAMING, true);
    if (framing.matched && ["i", "my", "we", "our"].includes(framing.terms[0]?.normal ?? "")) {
      terms = framing.terms;
      changed = true;
      continue;
    }
    const role = stripRole(terms);
    if (role.role && !leads.role) {
      terms = role.terms;
      leads.role = role.role;
      changed = true;
      continue;
    }
    const frame = stripFrame(terms);
    if (frame.frame.length > 0) {
      terms = frame.terms;
      leads.frame.push(...frame.frame);
      changed = true;
    }
  }
  return { terms, leads };
}
