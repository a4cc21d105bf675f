import { verbInfinitive } from "./conjugate";
import { GROUPS, PREFERENCE_VERBS, WORK_WORDS } from "./lexicon";
import type { Term } from "./parse-sentences";
import type { Clause } from "./split-clauses";
import { SOFT_ADVERBS, startsVerbPhrase } from "./split-clauses";
import { readVerbGroup, type VerbGroup } from "./read-verb-group";
import { stripLeads, type Leads } from "./strip-leads";

/**
 * Who a clause is about:
 * - self: "I …"; implied: the "I" is left out ("grew up in Lagos", "doing architecture at uni")
 * - we: "we …" (the user's household, or their team when the clause is about work)
 * - possessive: "my sister …", "our bin day …"
 * - thing: a noun phrase ("the bins go out …", "brown noise is …")
 * - dummy: "it", "that", "there"; you: the assistant; other: anyone else
 * - request: an instruction to the assistant ("keep answers short", "can you …")
 * - fragment: no verb at all ("peanut allergy gang", "grams please, never cups")
 */
export type SubjectKind = "self" | "implied" | "we" | "possessive" | "thing" | "dummy" | "you" | "other" | "request" | "fragment";

export type ClauseReading = {
  clause: Clause;
  leads: Leads;
  /** The clause after its leads */
  body: Term[];
  subject: SubjectKind;
  /** The subject's words ("my corgi biscuit", "the bins"); for a fronted object, the object ("olives") */
  subjectTerms: Term[];
  /** "olives I could eat by the jar": the object stands before "I" */
  fronted: boolean;
  /** "we" about work, or a group ("the band"): the user and their team */
  team: boolean;
  verb: VerbGroup | null;
  /** What follows the verb group */
  rest: Term[];
  /** The subject is carried over from the clause before ("… and bike to work") */
  elided: boolean;
};

const OTHER_SUBJECTS = new Set(["he", "she", "they", "people", "nobody", "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "one", "none"]);
const DUMMY = new Set(["it", "that", "this", "there", "here", "these", "those", "which", "what"]);

const SUBORDINATOR_WORDS = new Set(["because", "cause", "cos", "since", "as", "although", "though", "whereas", "while", "whilst", "if", "unless", "when", "whenever", "until", "till", "once", "after", "before", "which", "who"]);
// Verbs that open a statement with its "I" left out, never an instruction: "work as a paralegal", "live in Leeds".
const LIFE_STARTS = new Set(["work", "live", "teach", "study", "play", "speak", "own", "drive", "cycle", "commute", "volunteer", "coach", "manage", "run", "grew", "love", "hate", "adore", "prefer", "miss", "need", "have"]);
const BORN = new Set(["born", "raised", "brought", "based", "bred"]);
// Adverbs that may stand before the subject and still belong to the claim: "originally I am from …".
const MOVABLE_ADVERBS = new Set(["originally", "usually", "normally", "mostly", "always", "never", "currently", "still", "also", "really", "generally", "typically", "now"]);

const isFinite = (t: Term) => t.tags.has("Verb") && !t.tags.has("Gerund") && !(t.tags.has("Infinitive") && !t.tags.has("PresentTense"));

/** Where the verb of a noun-phrase subject starts: the first finite verb, before any comma. */
function verbAfterPhrase(terms: Term[], from: number, limit = 9): number {
  let skipped = -1;
  for (let i = from; i < Math.min(terms.length, from + limit); i++) {
    const t = terms[i]!;
    // "my favourite author, hands down, is …": a short aside between commas does not end the phrase.
    if (i > from && i - 1 !== skipped && /,/.test(terms[i - 1]!.post)) {
      const close = terms.findIndex((w, k) => k >= i && k < i + 3 && /,/.test(w.post));
      const aside = close >= i ? terms.slice(i, close + 1) : [];
      const resumes = terms[close + 1] !== undefined && (terms[close + 1]!.tags.has("Copula") || isFinite(terms[close + 1]!));
      if (aside.length > 0 && resumes && !aside.some((w) => ["i", "we", "you", "he", "she", "they", "and", "but", "so"].includes(w.normal))) {
        i = close;
        skipped = close;
        limit += aside.length;
        continue;
      }
    }
    if (i > from && i - 1 !== skipped && /[,;:]/.test(terms[i - 1]!.post)) return -1;
    if (t.normal === "i" || t.normal === "we") return -1;
    if ((isFinite(t) || (t.tags.has("Copula") && !t.tags.has("Gerund"))) && !["over", "than", "like", "vs", "versus"].includes(t.normal)) {
      // Adverbs before the verb belong to the verb group ("my corgi just ate").
      let at = i;
      while (at > from && terms[at - 1]!.tags.has("Adverb") && !terms[at - 1]!.tags.has("Noun")) at--;
      return at;
    }
  }
  return -1;
}

/** "my favourite author, hands down," → "my favourite author": the subject without the aside after its comma. */
function withoutAside(phrase: Term[]): Term[] {
  const comma = phrase.findIndex((t, i) => i < phrase.length - 1 && /,/.test(t.post));
  if (comma < 0) return phrase;
  return [...phrase.slice(0, comma), { ...phrase[comma]!, post: " " }];
}

function readSubject(body: Term[], clauseIsLabel = false): { subject: SubjectKind; subjectTerms: Term[]; verbAt: number; fronted: boolean } {
  const first = body[0];
  const none = { subjectTerms: [], fronted: false };
  if (!first) return { subject: "fragment", verbAt: -1, ...none };
  const n = first.normal;
  if (n === "i") return { subject: "self", verbAt: 1, ...none };
  // "me and my partner own a bakery": the user and someone of theirs, together.
  if (n === "me" && body[1]?.normal === "and" && ["my", "our"].includes(body[2]?.normal ?? "")) {
    const at = verbAfterPhrase(body, 3);
    if (at > 3) return { subject: "self", subjectTerms: body.slice(2, at), verbAt: at, fronted: false };
    // "me and my husband we have a bakery": the pair said again as "we".
    const we = body.findIndex((t, i) => i > 3 && i < 8 && t.normal === "we");
    if (we > 3 && body.slice(3, we).every((t) => t.tags.has("Noun") || t.tags.has("Adjective")) && body[we + 1]) return { subject: "self", subjectTerms: body.slice(2, we), verbAt: we + 1, fronted: false };
  }
  if (n === "we") return { subject: "we", verbAt: 1, ...none };
  if (n === "you") {
    // "you can't beat a proper cup of tea": "you" as anyone, the taste the user's.
    if (/^you (can not|cannot|can't) (beat|go wrong with)\b/.test(body.map((t) => t.normal).join(" "))) return { subject: "thing", subjectTerms: [first], verbAt: 1, fronted: false };
    return { subject: "you", verbAt: 1, ...none };
  }
  if (n === "mine" || n === "ours") return { subject: "possessive", subjectTerms: [first], verbAt: 1, fronted: false };
  // "Born and brought up in Ahmedabad": a participle with the user left out.
  if (BORN.has(n) && body.length > 1) return { subject: "implied", verbAt: 0, ...none };
  if (n === "my" || n === "our") {
    // "My wife Ana and I got married": the user and someone of theirs, together.
    const andI = body.findIndex((t, i) => t.normal === "i" && body[i - 1]?.normal === "and");
    if (andI > 1 && andI < 8 && body[andI + 1]) return { subject: "self", subjectTerms: body.slice(0, andI - 1), verbAt: andI + 1, fronted: false };
    const at = verbAfterPhrase(body, 1);
    return at > 1 ? { subject: "possessive", subjectTerms: withoutAside(body.slice(0, at)), verbAt: at, fronted: false } : { subject: "fragment", subjectTerms: body, verbAt: -1, fronted: false };
  }
  if (OTHER_SUBJECTS.has(n) || n === "his" || n === "her" || n === "their") return { subject: "other", verbAt: 1, ...none };
  if (DUMMY.has(n) && body[1] && (body[1].tags.has("Verb") || body[1].tags.has("Copula"))) return { subject: "dummy", subjectTerms: [first], verbAt: 1, fronted: false };
  // Requests: "please keep …", "can you …", "let's …", "always use …", "don't …", a bare verb.
  if (n === "please" || n === "let" || n === "lets" || n === "let's") return { subject: "request", verbAt: -1, ...none };
  if (["can", "could", "would", "will"].includes(n) && body[1]?.normal === "you") return { subject: "request", verbAt: -1, ...none };
  if (["always", "never", "do", "don't"].includes(n) && body[1] && (body[1].tags.has("Infinitive") || body[1].tags.has("Imperative") || (n === "do" && body[1].normal === "not"))) {
    return { subject: "request", verbAt: -1, ...none };
  }
  if (first.normal === "not" && !body[1]?.tags.has("Gerund")) return { subject: "fragment", subjectTerms: body, verbAt: -1, fronted: false };
  // "paramore is my fav band", "running is my thing": a one-word subject before "is", whatever its tag.
  if (["is", "are", "was", "were"].includes(body[1]?.normal ?? "") && !first.tags.has("Pronoun") && !first.tags.has("Adverb") && !first.tags.has("Conjunction")) {
    return { subject: first.tags.has("Person") && !/\b(my|our)\b/.test(body.slice(2, 6).map((t) => t.normal).join(" ")) ? "other" : "thing", subjectTerms: [first], verbAt: 1, fronted: false };
  }
  // "like 4 lines", "like daily": texting "like" is a filler, not a liking.
  if (first.normal === "like" && body[1] && (body[1].tags.has("Value") || body[1].tags.has("Adverb") || body[1].tags.has("Adjective") || ["a", "an"].includes(body[1].normal))) {
    return { subject: "fragment", subjectTerms: body, verbAt: -1, fronted: false };
  }
  // "Work out the cuts for …", "figure out how much …": to calculate, asked of the assistant ("I work out at 6" has no object).
  if (["work", "figure"].includes(n) && body[1]?.normal === "out" && ["the", "a", "an", "how", "what", "which", "whether", "if", "my", "our", "this", "these"].includes(body[2]?.normal ?? "")) return { subject: "request", verbAt: -1, ...none };
  if (first.tags.has("Verb") || startsVerbPhrase(body, 0) || first.normal === "not") {
    // "now help me plan", "just tell me": the verb after soft adverbs is the one whose form counts.
    let v = 0;
    while (v < body.length - 1 && SOFT_ADVERBS.has(body[v]!.normal) && !body[v]!.tags.has("Verb")) v++;
    const head = body[v]!;
    // A bare verb opens an instruction ("listen to me"); tags vary, so the form decides.
    const base = ((head.tags.has("Infinitive") || head.tags.has("Imperative")) && !head.tags.has("PastTense") && !head.tags.has("Gerund")) || ((head.tags.has("Verb") || head.tags.size === 0) && verbInfinitive(head) === head.normal && !/(ed|ing|[^s]s)$/.test(head.normal));
    if (v > 0 && base && !PREFERENCE_VERBS.has(head.normal) && !head.tags.has("Modal") && !LIFE_STARTS.has(head.normal) && !["always", "never", "not", "usually", "often", "sometimes", "still", "also", "only", "mostly"].some((w) => body.slice(0, v).some((t) => t.normal === w))) return { subject: "request", verbAt: -1, ...none };
    // "starts next week", "tastes like soap": a verb in "-s" cannot go with "I"; the subject left out is a thing.
    if (/[^s]s$/.test(first.normal) && !["is", "has", "was", "does", "always", "yes", "this", "thus", "plus"].includes(first.normal) && !first.tags.has("Gerund") && !first.tags.has("Plural")) return { subject: "thing", verbAt: 0, ...none };
    if (base && !PREFERENCE_VERBS.has(first.normal) && !first.tags.has("Modal") && !LIFE_STARTS.has(first.normal)) return { subject: "request", verbAt: 0, ...none };
    return { subject: "implied", verbAt: 0, ...none };
  }
  if (first.tags.has("Adverb") && body[1]?.tags.has("Verb") && !body[1].tags.has("Infinitive")) return { subject: "implied", verbAt: 0, ...none };
  // "olives I could eat by the jar": an object fronted before "I".
  const i = body.findIndex((t) => t.normal === "i");
  const front = body.slice(0, i);
  if (i > 0 && i <= 3 && front.every((t) => !t.tags.has("Verb") && !t.tags.has("Preposition") && !t.tags.has("Conjunction") && !t.tags.has("QuestionWord") && !/[,;:]/.test(t.post) && !["what", "most", "all", "some", "anything", "everything", "the", "every", "each", "any", "time", "times"].includes(t.normal) && !t.tags.has("Date")) && front.some((t) => t.tags.has("Noun")) && !clauseIsLabel) {
    return { subject: "self", subjectTerms: body.slice(0, i), verbAt: i + 1, fronted: true };
  }
  // "the band's settled on Notion", "our team went with Go": a group the user belongs to speaks as "we".
  if (["the", "our"].includes(n) && body[1] && GROUPS.has(body[1].normal) && body[2] && (body[2].tags.has("Verb") || body[2].tags.has("Copula"))) {
    return { subject: "we", subjectTerms: [body[1]], verbAt: 2, fronted: false };
  }
  const at = verbAfterPhrase(body, 0);
  if (at > 0) {
    const phrase = body.slice(0, at);
    const possessiveAfter = /\b(my|our)\b/.test(body.slice(at, at + 6).map((t) => t.normal).join(" ")) && body[at]!.tags.has("Copula");
    // "Sam's birthday party": the thing of a person, not the person.
    const ownsThing = phrase.some((t, i) => /['’]s$/.test(t.text) && phrase[i + 1]?.tags.has("Noun"));
    const person = phrase.some((t) => (t.tags.has("Person") || t.tags.has("FirstName")) && /^[A-Z]/.test(t.text)) && !phrase.some((t) => t.tags.has("Place")) && !possessiveAfter && !ownsThing;
    return { subject: person ? "other" : "thing", subjectTerms: phrase, verbAt: at, fronted: false };
  }
  return { subject: "fragment", subjectTerms: body, verbAt: -1, fronted: false };
}

/** Reads a clause: strips its leads, finds its subject and verb group, and what follows them. */
export function readClause(clause: Clause, inherited: ClauseReading | null): ClauseReading {
  // "because I'm lactose intolerant": the subordinator says how the clause hangs on; the claim comes after it.
  const opener = clause.terms[0]?.normal ?? "";
  const own = ["because", "condition", "remark"].includes(clause.join) && SUBORDINATOR_WORDS.has(opener) ? clause.terms.slice(1) : clause.terms;
  const stripped = stripLeads(own);
  const leads = stripped.leads;
  let body = stripped.terms;
  // "originally I am from Ahmedabad" → "I originally am from …"; "honestly my …" → "my …".
  if (body[0]?.tags.has("Adverb") && !body[0].tags.has("Verb") && ["i", "we", "my", "our"].includes(body[1]?.normal ?? "")) {
    body = MOVABLE_ADVERBS.has(body[0].normal) && ["i", "we"].includes(body[1]!.normal) ? [body[1]!, body[0], ...body.slice(2)] : body.slice(1);
  }
  // "I'm one of those people who lives on a narrowboat": the relative clause is the claim about the user.
  const oneOf = /^i (am|was) one of (those|these|the) (\w+ ){1,2}(who|that) /.exec(body.map((t) => t.normal).join(" "));
  if (oneOf && !oneOf[0].includes("one of the only")) {
    const after = body.slice(oneOf[0].trim().split(" ").length);
    if (after[0]?.tags.has("Verb")) body = [body[0]!, ...after];
  }
  let found = readSubject(body, clause.isLabel);
  // "… and bike to the office daily": the subject of the clause before.
  if (clause.sharesSubject && inherited && ["implied", "request"].includes(found.subject) && found.verbAt === 0) {
    // "what's the difference between baking soda and baking powder": the clause goes on with whoever the first one was about.
    const subject = ["self", "implied", "we", "possessive", "thing", "request"].includes(inherited.subject) ? inherited.subject : inherited.subject === "fragment" ? found.subject : "other";
    found = { ...found, subject, subjectTerms: subject === "possessive" || subject === "thing" ? inherited.subjectTerms : [] };
  }
  const verb = found.verbAt >= 0 && found.subject !== "request" ? readVerbGroup(body, found.verbAt) : null;
  const rest = verb ? body.slice(verb.end) : found.subject === "request" ? body : [];
  const team = (found.subject === "we" && (found.subjectTerms.length > 0 || body.some((t) => WORK_WORDS.has(t.normal)))) || (clause.sharesSubject && (inherited?.team ?? false));
  const elided = clause.sharesSubject && found.verbAt === 0 && found.subject !== "implied";
  return { clause, leads, body, subject: found.subject, subjectTerms: found.subjectTerms, fronted: found.fronted, team, verb, rest, elided };
}
