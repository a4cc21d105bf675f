import { canBeVerb, gerundLike } from "./know-verbs";
import { TRAIT_WORDS } from "./lexicon";
import { afterFillers, type Sentence, type Term } from "./parse-sentences";

/**
 * How a clause hangs on what came before it: "start" (a sentence or a piece after a colon
 * or semicolon), "and"/"but" (coordinated), "so" (a consequence), "because" (a reason),
 * "condition" (if, unless, when …), "aside" (a bracket), "remark" (", which …", "although …").
 */
export type ClauseJoin = "start" | "and" | "but" | "so" | "because" | "condition" | "aside" | "remark";

export type Clause = {
  terms: Term[];
  join: ClauseJoin;
  /** The clause has no subject of its own and continues the previous one's: "… and bike to work" */
  sharesSubject: boolean;
  /** Text before a colon: "note for later:", "Quick intro:" */
  isLabel: boolean;
  /** The clause is asked, not stated: it carries the question mark or opens like a question */
  isQuestion: boolean;
  /** Which sentence of the message it came from */
  sentence: number;
  /** The word or mark that split it from the clause before: "and", "but", ",", "(" … ("" at a sentence start) */
  linkedBy: string;
  /** The first clause of its sentence, or the first after a lead-in label ("Some context: …") */
  opens?: boolean;
};

// Words that start a new sentence and never follow a title as a name: "… has MS. How do I …".
const SENTENCE_STARTERS = new Set(["how", "what", "why", "when", "where", "who", "which", "can", "could", "would", "should", "do", "does", "did", "is", "are", "and", "but", "so", "the", "my", "it", "any", "anyway", "also", "thanks", "please"]);
const TITLES = new Set(["mr", "mrs", "ms", "dr", "st", "prof", "mt", "no", "vs", "etc", "e.g", "i.e", "approx"]);
const COORDINATORS = new Set(["and", "but", "or", "so", "plus", "also", "then", "yet", "and/or"]);
const SUBORDINATORS: Record<string, ClauseJoin> = {
  because: "because", cause: "because", cos: "because", since: "because", as: "because",
  although: "remark", though: "remark", whereas: "remark", while: "condition", whilst: "condition",
  if: "condition", unless: "condition", when: "condition", whenever: "condition", until: "condition", till: "condition",
  once: "condition", after: "condition", before: "condition", which: "remark", who: "remark",
};
const SUBJECT_PRONOUNS = new Set(["i", "we", "you", "he", "she", "they", "it", "my", "our", "your", "his", "her", "their", "this", "that", "there", "nobody", "everyone", "everybody", "someone", "nothing", "everything"]);
export const SOFT_ADVERBS = new Set(["just", "also", "still", "really", "finally", "then", "now", "never", "always", "usually", "often", "sometimes", "only", "even", "actually", "already", "literally", "totally", "definitely", "probably", "maybe", "recently", "basically", "mostly", "constantly", "currently", "honestly", "seriously", "kinda", "not"]);


// ", any ideas for a rainy day?": the question mark belongs to the part after the comma.
const ASKING = new Set(["tips", "ideas", "suggestions", "advice", "recommendations", "recs", "thoughts", "idea"]);
const SO_ADVERBIAL = new Set(["much", "many", "that", "far", "long", "good", "well", "bad", "very"]);
const QUESTION_TAIL = new Set(["any", "what", "how", "why", "where", "when", "who", "which", "can", "could", "should", "would", "do", "does", "is", "are", "will", "anything", "ideas", "tips", "thoughts"]);

const isVerb = (t: Term | undefined) => t !== undefined && t.tags.has("Verb");

/** A verb phrase starts here: optional soft adverbs, then a verb ("just paid", "never eat", "bike to work"). */
export function startsVerbPhrase(terms: Term[], at: number): boolean {
  let i = at;
  while (i < terms.length && SOFT_ADVERBS.has(terms[i]!.normal)) i++;
  const t = terms[i];
  if (!t || t.tags.has("Determiner") || t.tags.has("Pronoun") || t.tags.has("Value") || t.tags.has("Preposition")) return false;
  // "bit of a heavy one", "couple of things": a noun that heads an "of" phrase, whatever else it can be.
  if (t.tags.has("Noun") && !t.tags.has("Gerund") && terms[i + 1]?.normal === "of") return false;
  // "Tea, never coffee": after "never" the tagger may call a noun a verb; the lexicon knows better.
  if (i > at && isVerb(t) && !t.tags.has("Gerund") && !t.tags.has("PastTense") && !canBeVerb(t.normal)) return false;
  if (isVerb(t) && !t.tags.has("Copula")) return true;
  const next = terms[i + 1];
  // "bike to work": the tagger may call that "to" a conjunction; before a noun it is a preposition.
  const toPlace = next?.normal === "to" && terms[i + 2] !== undefined && !terms[i + 2]!.tags.has("Verb");
  const objectFollows = next !== undefined && (["Determiner", "Preposition", "Pronoun", "Possessive", "Adverb", "Value"].some((tag) => next.tags.has(tag)) || toPlace);
  return objectFollows && canBeVerb(t.normal) && !t.tags.has("ProperNoun");
}


function isBareVerb(terms: Term[], at: number): boolean {
  let i = at;
  while (i < terms.length && SOFT_ADVERBS.has(terms[i]!.normal)) i++;
  const t = terms[i];
  return t !== undefined && !t.tags.has("Gerund") && !t.tags.has("PastTense") && !t.tags.has("Participle") && !t.tags.has("Modal") && (t.tags.has("Infinitive") || t.tags.has("Imperative") || !t.tags.has("Verb"));
}

/** A new subject starts here: a pronoun, "my …", or a noun phrase followed closely by a finite verb. */
export function startsSubject(terms: Term[], at: number): boolean {
  const t = terms[at];
  if (!t) return false;
  // ", originally I am from …": an adverb in front of the subject.
  if (t.tags.has("Adverb") && !t.tags.has("Verb") && ["i", "we", "my", "our"].includes(terms[at + 1]?.normal ?? "")) return true;
  if ((t.tags.has("Verb") && !t.tags.has("Noun") && !SUBJECT_PRONOUNS.has(t.normal)) || t.tags.has("Conjunction") || t.tags.has("Preposition")) return false;
  // A subject starts with a noun phrase: not "never …", "so …".
  if (!["Noun", "Determiner", "Adjective", "ProperNoun", "Value", "Possessive", "Pronoun"].some((tag) => t.tags.has(tag)) && !SUBJECT_PRONOUNS.has(t.normal)) return false;
  if (SUBJECT_PRONOUNS.has(t.normal)) {
    if (["i", "we", "you", "he", "she", "they", "nobody", "everyone", "everybody", "someone"].includes(t.normal)) return true;
    // "my sister lives …", "it is …", "that is …": only when a verb follows soon.
  }
  // "… but olives I could eat by the jar": a bare noun phrase fronted before "I".
  const front = terms.slice(at, at + 4);
  const iAt = front.findIndex((w) => w.normal === "i" || w.normal === "we");
  if (iAt > 0 && !t.tags.has("Determiner") && front.slice(0, iAt).every((w) => (w.tags.has("Noun") || w.tags.has("Adjective")) && !w.tags.has("Pronoun") && !w.tags.has("Date"))) return true;
  // "…, 3 years sober": a length of time is not a subject.
  if (t.tags.has("Value") && (terms[at + 1]?.tags.has("Duration") || terms[at + 1]?.tags.has("Date"))) return false;
  // "one of the kids, Lena, confided …": a quantified subject.
  if (["one", "some", "most", "none", "all", "both", "each", "two", "three"].includes(t.normal) && terms[at + 1]?.normal === "of") return true;
  for (let i = at + 1; i < Math.min(terms.length, at + 7); i++) {
    const w = terms[i]!;
    // "an ex-racer we adopted": a pronoun before the verb makes it a relative clause, not a subject.
    if (["i", "we", "you", "he", "she", "they"].includes(w.normal)) return false;
    const finite = w.tags.has("Verb") && !w.tags.has("Gerund") && (!w.tags.has("Infinitive") || w.tags.has("PresentTense")) && terms[i - 1]?.normal !== "to";
    if (finite) return !/,/.test(terms[i - 1]!.post) || i === at + 1;
    if (/[,;:]/.test(terms[i - 1]!.post) || (w.tags.has("Preposition") && !(t.tags.has("Noun") || t.tags.has("Determiner")))) return false;
  }
  return false;
}

function subordinateStarts(terms: Term[], i: number, afterComma: boolean): ClauseJoin | null {
  const t = terms[i]!;
  const join = SUBORDINATORS[t.normal];
  if (!join) return null;
  // "I'd appreciate it if …", "if I may": a polite frame, not a condition.
  if (t.normal === "if" && (/^(appreciate|like|love|prefer|great|helpful|good)$/.test(terms[i - 2]?.normal ?? "") && terms[i - 1]?.normal === "it")) return null;
  const next = terms[i + 1];
  // ", which I love", ", who told me …": a relative clause only after a comma ("a dog that barks" stays whole).
  if (t.normal === "which" || t.normal === "who") {
    if (afterComma) return "remark";
    // "I work as a physio which somehow makes it worse": "which" and a verb comment on the whole clause.
    let v = i + 1;
    while (terms[v] && terms[v]!.tags.has("Adverb") && !terms[v]!.tags.has("Verb")) v++;
    return t.normal === "which" && i >= 4 && terms[v]?.tags.has("Verb") && !terms[v]!.tags.has("Gerund") && !terms[v]!.tags.has("Infinitive") ? "remark" : null;
  }
  // "since 2019", "as a nurse", "until Friday", "before then" belong to the clause; "since I moved", "until it rains" do not.
  // "as short bullet points", "as my new laptop": "as" starts a clause only with a pronoun subject ("as I said").
  if (t.normal === "as") return next && ["i", "we", "you", "he", "she", "they", "it"].includes(next.normal) ? join : null;
  if (["since", "until", "till", "after", "before", "once", "when", "while", "whilst", "though", "although", "whereas"].includes(t.normal)) {
    return next && (SUBJECT_PRONOUNS.has(next.normal) || startsSubject(terms, i + 1) || (t.normal !== "as" && next.tags.has("Gerund"))) ? join : null;
  }
  return join;
}

/**
 * Splits a sentence into clauses: at semicolons, colons, dashes and brackets; at "and I",
 * "but my …", ", so we …"; at a coordinated verb phrase ("I live in Leeds and bike to work");
 * at "because", "if", "when", ", which …". A verbless piece after a comma stays with its
 * clause (", mostly incident response"), so one claim stays one memory. A bracket becomes a
 * clause of its own and the clause around it goes on after it.
 */
export function splitClauses(sentence: Sentence, index: number): Clause[] {
  const clauses: Clause[] = [];
  const terms = sentence.terms;
  let current: Term[] = [];
  let join: ClauseJoin = "start";
  let linkedBy = "";
  let shares = false;
  let label = false;
  let bracket: Term[] | null = null;
  let lastPost = "";
  let asking = false;
  const close = (next: ClauseJoin, nextShares = false, by = "") => {
    if (current.length > 0) clauses.push({ terms: current, join, sharesSubject: shares, isLabel: label, isQuestion: false, sentence: index, linkedBy });
    current = [];
    join = next;
    shares = nextShares;
    label = false;
    linkedBy = by;
  };
  const endsAsQuestion = /\?/.test(terms.at(-1)?.post ?? "");
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    if (bracket === null && /\(/.test(term.pre)) bracket = [];
    if (bracket !== null) {
      bracket.push(term);
      if (/\)/.test(term.post) || i === terms.length - 1) {
        clauses.push({ terms: bracket, join: "aside", sharesSubject: false, isLabel: false, isQuestion: false, sentence: index, linkedBy: "(" });
        bracket = null;
        lastPost = term.post.replace(/\)/g, "");
      }
      continue;
    }
    const afterComma = /,/.test(lastPost);
    lastPost = term.post;
    // "every time I'm at a friend's place …": a condition like "whenever".
    if (current.length === 0 && ["every", "each", "any"].includes(term.normal) && terms[i + 1]?.normal === "time" && startsSubject(terms, i + 2)) join = "condition";
    // A clause that opens with "when", "if", "because": it is that kind of clause.
    if (current.length === 0 && SUBORDINATORS[term.normal] && !["which", "who", "as"].includes(term.normal) && subordinateStarts(terms, i, true)) join = SUBORDINATORS[term.normal]!;
    // A clause that opens with "so", "but", "and": the word says how it hangs on the one before.
    if (current.length === 0 && ["so", "but", "and"].includes(term.normal) && (join === "and" || join === "start") && i > 0 && terms[i + 1]) {
      join = term.normal === "so" ? "so" : term.normal === "but" ? "but" : "and";
      linkedBy = term.normal;
      continue;
    }
    const hasVerb = current.some(isVerb) || (current[0]?.normal === "i" && current.length >= 3);
    // "the only way I can focus while revising is …": one clause up to its "is".
    const cleft = current[0]?.normal === "the" && current[1]?.normal === "only" && !current.some((t) => t.tags.has("Copula"));
    if (current.length > 0 && !cleft) {
      const sub = hasVerb || afterComma ? subordinateStarts(terms, i, afterComma) : null;
      if (sub) {
        close(sub, false, term.normal);
        current.push(term);
        continue;
      }
      // "Whenever I ask about technology, please break it into steps", "Since I moved to Munich my employer …": the main clause after the subordinate one.
      const subordinate = join === "condition" || join === "because";
      if (subordinate && hasVerb && ((afterComma && (term.normal === "please" || startsSubject(terms, i) || startsVerbPhrase(terms, i) || isBareVerb(terms, i))) || (!afterComma && ["my", "our", "i", "we"].includes(term.normal) && startsSubject(terms, i) && current.length >= 3))) {
        close("start", false, ",");
        current.push(term);
        continue;
      }
      // "I'm vegetarian so no chicken or tuna": "so" after a full clause starts the consequence.
      const soNext = terms[i + 1];
      // "I've been so scatterbrained": after "be", "so" only makes the word stronger.
      const intensifier = ["am", "is", "are", "was", "were", "be", "been", "feel", "feeling", "felt", "get", "got", "getting"].includes(terms[i - 1]?.normal ?? "");
      if (term.normal === "so" && hasVerb && !afterComma && !intensifier && soNext && !SO_ADVERBIAL.has(soNext.normal) && (startsSubject(terms, i + 1) || startsVerbPhrase(terms, i + 1) || ["no", "nothing", "please", "can", "could", "any"].includes(soNext.normal) || (soNext.tags.has("Preposition") && terms.slice(i + 2, i + 6).some((t, k) => ["i", "we"].includes(t.normal) && terms[i + 3 + k]?.tags.has("Verb"))))) {
        close("so", false, "so");
        continue;
      }
      if (COORDINATORS.has(term.normal) && (hasVerb || afterComma) && !(term.normal === "so" && (SO_ADVERBIAL.has(terms[i + 1]?.normal ?? "") || (intensifier && !afterComma)))) {
        let kind: ClauseJoin = term.normal === "but" || term.normal === "yet" ? "but" : term.normal === "so" ? "so" : "and";
        const within = join as ClauseJoin;
        // "if I ask about autocad or rhino, that's why": "or" goes on with the condition.
        if (term.normal === "or" && (within === "condition" || within === "because" || within === "remark")) kind = within;
        // ", so most of what I ask …", ", and oven temperatures in Celsius": after a comma, a coordinator starts a clause.
        // "… but please give me …", "and can you …": a request starts after the coordinator.
        const request = terms[i + 1]?.normal === "please" || (["can", "could", "would", "will"].includes(terms[i + 1]?.normal ?? "") && terms[i + 2]?.normal === "you");
        if (startsSubject(terms, i + 1) || (hasVerb && request) || (afterComma && hasVerb && term.normal !== "or" && !startsVerbPhrase(terms, i + 1))) {
          close(kind, false, term.normal);
          continue;
        }
        const content = current.filter((t) => !t.tags.has("Adverb")).length >= 2;
        // "selling the flat and moving to Bristol": an "-ing" word after "and" goes on a verb in "-ing", whatever its tag.
        const parallel = current.some((t) => t.tags.has("Gerund")) && gerundLike(terms[i + 1]);
        if (hasVerb && content && term.normal !== "or" && (startsVerbPhrase(terms, i + 1) || parallel)) {
          close(kind, true, term.normal);
          continue;
        }
      }
      if (afterComma && ((endsAsQuestion && QUESTION_TAIL.has(term.normal)) || (term.normal === "any" && ASKING.has(terms[i + 1]?.normal ?? "")))) {
        close("start", false, ",");
        current.push(term);
        if (!endsAsQuestion) asking = true;
        continue;
      }
      // "it's official I'm getting a rescue cat": a new "I" right after a finished clause, without a comma.
      const runOn = !afterComma && hasVerb && ["i", "we"].includes(term.normal) && current.length >= 2 && terms[i + 1]?.tags.has("Verb") && ["Adjective", "Adverb"].some((tag) => terms[i - 1]!.tags.has(tag)) && !terms[i - 1]!.tags.has("Noun") && !["like", "that", "so", "as", "than", "how", "what", "one"].includes(terms[i - 1]!.normal);
      if (runOn) close("and", false, "");
      else if (afterComma && startsSubject(terms, i)) close("and", false, ",");
      // ", living in the UK now", ", moved to Leeds": the same subject goes on; a bare verb (", keep that in mind") is a request.
      // "I'm 34, married, two kids": after "am", a trait word goes on the list; it is not a new verb.
      else if (afterComma && hasVerb && startsVerbPhrase(terms, i) && !(current.filter(isVerb).every((t) => t.tags.has("Copula")) && TRAIT_WORDS.has(term.normal))) close("and", !isBareVerb(terms, i), ",");
    }
    current.push(term);
    // Hard boundaries inside the sentence: ";", ":", a spaced dash, a question or exclamation mark, or
    // a full stop the sentence splitter took for an abbreviation ("Acme Corp. Here's …").
    // "Ms. Jones" is a title; "she's got MS. I'm a physio" ends a sentence: a title is followed by a name.
    const nextWord = terms[i + 1];
    const title = TITLES.has(term.normal) && nextWord !== undefined && /^[A-Z][a-z]/.test(nextWord.text) && (nextWord.tags.has("ProperNoun") || nextWord.tags.has("Person")) && !nextWord.tags.has("Pronoun") && !nextWord.tags.has("QuestionWord") && !SENTENCE_STARTERS.has(nextWord.normal);
    const fullStop = /\.\s/.test(term.post) && !title && !/^[a-z]$/i.test(term.normal);
    if ((fullStop || /;|[?!]|\s[-–—]+\s|^[-–—]+\s|\s[-–—]+$/.test(term.post)) && i < terms.length - 1) {
      const question = /\?/.test(term.post);
      close("start");
      if (question) clauses.at(-1)!.isQuestion = true;
    } else if (/:/.test(term.post) && i < terms.length - 1 && !/^\d/.test(terms[i + 1]!.text)) {
      label = true;
      close("start");
    }
  }
  close("start");
  // The sentence's own question mark or question shape belongs to its last clause; a question
  // opener ("what", "can you") marks the clause it opens.
  const last = clauses.filter((c) => c.join !== "aside").at(-1);
  if (last && (endsAsQuestion || asking)) last.isQuestion = true;
  // "is vaping any better", "does switching to decaf help": an auxiliary that cannot have "I" as its
  // subject, followed by a gerund or a noun phrase, asks even without a question mark.
  const first = clauses[0];
  const [aux, next] = first?.terms ?? [];
  if (first && aux && next && (((aux.normal === "is" || aux.normal === "are" || aux.normal === "do") && next.tags.has("Gerund")) || (aux.normal === "does" && (next.tags.has("Gerund") || next.tags.has("Determiner"))))) first.isQuestion = true;
  for (const clause of clauses) if (opensQuestion(clause.terms)) clause.isQuestion = true;
  clauses.forEach((clause, k) => {
    clause.opens = k === 0 || (clauses[k - 1]!.isLabel && clause.join === "start");
  });
  return clauses;
}

const WH = new Set(["what", "where", "who", "why", "how", "which", "whose", "whats", "hows"]);
const INVERTED = new Set(["do", "does", "did", "is", "are", "am", "was", "were", "have", "has", "should", "shall", "would", "could", "can", "will", "may", "might"]);

/** "what should I …", "is it worth …", "should I take …": a question without its question mark. */
function opensQuestion(terms: Term[]): boolean {
  const [first, second] = afterFillers(terms);
  if (!first || !second) return false;
  if (WH.has(first.normal)) return isVerb(second) || ["many", "much", "old", "long", "often", "far", "about"].includes(second.normal);
  return INVERTED.has(first.normal) && (second.tags.has("Pronoun") || second.tags.has("Determiner") || second.tags.has("Noun")) && second.normal !== "not";
}
