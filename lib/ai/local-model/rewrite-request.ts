import { normalizeTexting } from "./extract/normalize-texting";
import { joinTerms, parseSentences, type Term } from "./extract/parse-sentences";
import { phraseAboutPossession, phraseAboutUser } from "./extract/phrase-memory";
import { verbInfinitive } from "./extract/conjugate";
import { readClause } from "./extract/read-clause";

/** "I'm allergic to peanuts" → "User is allergic to peanuts"; "my job" stays for the word-by-word rewrite. */
function rewriteThirdPerson(terms: Term[]): { content: string } | null {
  const reading = readClause({ terms, join: "start", sharesSubject: false, isLabel: false, isQuestion: false, sentence: 0, linkedBy: "" }, null);
  if (!reading.verb) return null;
  if (reading.subject === "self" || reading.subject === "we") return { content: phraseAboutUser(reading) };
  if (reading.subject === "possessive") return { content: phraseAboutPossession(reading) };
  return null;
}

// Request wrappers around the thing to forget or look up.
const LEADS = new Set(
  ("please can could would will you want need like to just and also now actually oh hey ok okay so well hmm um rather did had not " +
    "keep keeping store storing remembering bit part stuff info information scrap purge forget delete remove erase wipe drop unlearn " +
    "that about what everything anything all the memory memories of you know remember have stored saved on tell me " +
    "do is are what's whats where when which who how")
    .split(" "),
);
const FORGET_WORDS = new Set(["forget", "delete", "remove", "erase", "wipe", "drop", "unlearn", "scrap", "purge", "clear", "remember", "know", "stored", "saved"]);
const REASON_AFTER = new Set(["would", "had", "do", "am", "prefer", "want", "think", "feel", "changed", "just", "really", "rather"]);
const KEEP_LEADS = new Set(["where", "when", "which", "who", "how"]);

/**
 * Extracts the subject of a forget or recall request in the third person, as the memory
 * search expects it: "Forget that I'm allergic to peanuts, it was a mistake" → "User is
 * allergic to peanuts"; "please forget where I work" → "where User works".
 */
export function rewriteRequest(text: string): string {
  // The sentence that asks to forget: "Thanks. Actually, please forget that I smoke."
  const sentences = parseSentences(normalizeTexting(text));
  const sentence = sentences.find((s) => s.terms.some((t) => FORGET_WORDS.has(t.normal))) ?? sentences[0];
  if (!sentence) return text.trim();
  let terms: Term[] = sentence.terms;
  // Cut an afterthought: ", it was a mistake", ", I'd rather keep it private" (once the request has its object).
  const cut = terms.findIndex((t, i) => i > 2 && /,/.test(terms[i - 1]!.post) && (!["i", "my"].includes(t.normal) || REASON_AFTER.has(terms[i + 1]?.normal ?? "")));
  if (cut > 0) terms = terms.slice(0, cut);
  let start = 0;
  for (;;) {
    const word = terms[start]?.normal ?? "";
    const wrapper = word === "i" && ["want", "need", "would", "wish", "had"].includes(terms[start + 1]?.normal ?? "");
    if (start >= terms.length - 1 || KEEP_LEADS.has(word) || !(LEADS.has(word) || wrapper)) break;
    start++;
  }
  terms = terms.slice(start);
  const first = terms[0]?.normal;
  if (first === "i" || first === "my" || first === "we") {
    const clause = rewriteThirdPerson(terms);
    if (clause) return clause.content;
  }
  const words = terms.map((t, i) => {
    const after = i === terms.length - 1 ? "" : t.post;
    if (t.normal === "my") return `User's${after}`;
    if (t.normal === "i" || t.normal === "me") return `User${after}`;
    if (terms[i - 1]?.normal === "i" && t.tags.has("Verb") && !t.tags.has("PastTense")) return `${t.normal === "am" ? "is" : t.normal === "do" ? "does" : `${t.normal}s`}${after}`;
    // "the vaping thing", "me smoking": the verb itself is what a search should match.
    if ((t.tags.has("Gerund") || (/ing$/.test(t.normal) && ["thing", "stuff", "bit", "part", "info"].includes(terms[i + 1]?.normal ?? ""))) && !["thing", "stuff"].includes(t.normal)) {
      const lemma = verbInfinitive({ ...t, tags: new Set(["Verb", "Gerund"]) });
      return `${lemma !== t.normal ? lemma : t.normal.replace(/ing$/, "").replace(/([^aeiou])\1$/, "$1")}${after}`;
    }
    return t.text + after;
  });
  const joined = words.join("").replace(/[\s?.!,]+$/, "").replace(/\s+please$/i, "").replace(/(^| )from (your|the) (memory|memories|records?|notes)$/i, "").trim();
  return joined;
}
