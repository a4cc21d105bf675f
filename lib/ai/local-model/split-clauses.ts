import type { Term } from "./parse-sentences";

/**
 * How a clause is joined to the one before it: "start" for the first clause, "and" for a
 * coordinated self-disclosure, "so" for a consequence ("…, so I'll need to leave early"),
 * "because" for a justification ("because they change", "since I'm vegan"), "reason" for a
 * side remark or condition (", which I love", "unless it rains"),
 * "other" for a clause about someone else ("…, and one of them told me …").
 */
export type ClauseJoin = "start" | "and" | "so" | "because" | "reason" | "other";
export type Clause = { terms: Term[]; join: ClauseJoin };

const SELF_STARTS = new Set(["i", "my", "we"]);
const COORDINATORS = new Set(["and", "but", "plus", "also", "so"]);
const REASONS = new Set(["because", "cause", "cos", "since", "as", "which", "whereas", "although", "though", "while", "unless", "if", "whenever", "until", "when", "who", "whose", "whom"]);
const SIDE_REMARKS = new Set(["which", "who", "whose", "whom", "although", "though", "whereas"]);
const BECAUSE = new Set(["because", "cause", "cos", "since", "as"]);
const OTHERS = new Set(["he", "she", "him", "her", "his", "they", "them", "their", "it"]);

const isSelf = (t: Term | undefined) => t !== undefined && SELF_STARTS.has(t.normal);
const isPronoun = (t: Term | undefined) => t !== undefined && (t.tags.has("Pronoun") || SELF_STARTS.has(t.normal));

/** Where a reason or side remark starts: "because", ", which", "since they", "as I said". */
function startsReason(terms: Term[], i: number): boolean {
  const term = terms[i]!;
  const next = terms[i + 1];
  if (!REASONS.has(term.normal)) return false;
  if (term.normal === "because" || term.normal === "cause" || term.normal === "cos") return true;
  // ", which I love", ", who told me …": only after a comma, so "a dog that barks" and "kids who …" stay whole.
  if (SIDE_REMARKS.has(term.normal)) return /,/.test(terms[i - 1]?.post ?? "");
  // "since 2019" and "as a nurse" are part of the fact; "since they moved", "unless it rains" and "as I said" are not.
  return isPronoun(next);
}

/**
 * ", and one of them, Sam, told me …", "and my brother says he …": a clause about another
 * person. Also a comma splice with a new subject: "I hate okra, it's slimy".
 */
function startsOther(terms: Term[], i: number): boolean {
  const term = terms[i]!;
  const afterComma = /,/.test(terms[i - 1]?.post ?? "");
  if (afterComma && OTHERS.has(term.normal) && terms[i + 1]?.tags.has("Verb")) return true;
  // "…; keep answers brief": an instruction after a semicolon is not part of the fact.
  if (/;/.test(terms[i - 1]?.post ?? "") && !isSelf(term) && (term.tags.has("Infinitive") || term.tags.has("Imperative"))) return true;
  if (!["and", "but"].includes(term.normal) || isSelf(terms[i + 1])) return false;
  const rest = terms.slice(i + 1);
  // Only up to the next clause of the user's own: "work and personal, and I …" is not about anyone else.
  // "one of my patients" goes on; a new "I …" or ", my …" starts the user's own clause.
  const stop = rest.findIndex((t, k) => t.normal === "i" || t.normal === "we" || (t.normal === "my" && (k === 0 || /,/.test(rest[k - 1]!.post))));
  const tail = stop < 0 ? rest : rest.slice(0, stop);
  const finite = tail.some((t) => t.tags.has("Verb") && !t.tags.has("Participle") && !["named", "called"].includes(t.normal));
  const named = (t: Term) => t.tags.has("Person") || t.tags.has("FirstName") || (/^[A-Z][a-z]/.test(t.text) && !t.tags.has("Place") && !t.tags.has("Organization"));
  const someone = tail.some((t) => OTHERS.has(t.normal) || named(t));
  return finite && someone;
}

/**
 * Splits a sentence into clauses at "and I …", "but my …", "; I …", "so we …" so that
 * "I'm a vegetarian and I live in Berlin" becomes two memories, and marks reasons and
 * consequences so the caller can leave them out. A conjunction is only a clause boundary once
 * the clause before it has a verb ("my wife and I are moving" stays whole).
 */
export function splitClauses(terms: Term[]): Clause[] {
  const clauses: Clause[] = [];
  let current: Term[] = [];
  let join = "start" as ClauseJoin;
  const close = (next: ClauseJoin) => {
    if (current.length > 0) clauses.push({ terms: current, join });
    current = [];
    join = next;
  };
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const prev = terms[i - 1];
    // compromise sometimes tags the verb after "I" as a noun ("I coach a team"); its place makes it one.
    const hasVerb = current.some((t) => t.tags.has("Verb")) || (current[0]?.normal === "i" && current.length >= 3);
    if (hasVerb && join !== "reason" && join !== "because" && startsReason(terms, i)) {
      close(BECAUSE.has(term.normal) ? "because" : "reason");
      continue;
    }
    if (hasVerb && startsOther(terms, i)) {
      close("other");
      continue;
    }
    const isConjunction = COORDINATORS.has(term.normal) && term.tags.has("Conjunction");
    if (hasVerb && isConjunction && (isSelf(terms[i + 1]) || (term.normal === "so" && /,/.test(prev?.post ?? "")))) {
      close(term.normal === "so" ? "so" : "and");
      continue;
    }
    if (prev && /[,;:]/.test(prev.post) && isSelf(term)) {
      // A lead-in with no verb ("After a long debate, we …") is dropped; it says nothing itself.
      if (!hasVerb) current = [];
      else close(join === "reason" || join === "because" || join === "other" ? join : "and");
    }
    current.push(term);
  }
  close("start");
  return clauses;
}
