import { conjugateForUser, thirdPerson } from "./conjugate";
import { joinTerms, type Term } from "./parse-sentences";
import type { ClauseReading } from "./read-clause";

// Pronouns of the user (and their household), as they read after "User …".
const AFTER_USER: Record<string, string> = { my: "their", me: "them", mine: "theirs", myself: "themselves", our: "their", us: "them", ours: "theirs", ourselves: "themselves", i: "they", we: "they", your: "the", you: "the assistant" };
// The same in a note, which is not a sentence about the user: "the bins go out at User's flat".
const IN_NOTE: Record<string, string> = { my: "User's", our: "User's", me: "User", us: "User", mine: "User's", ours: "User's", i: "User", we: "User", myself: "User", ourselves: "User" };
const DROP = new Set(["please", "pls", "btw", "fyi", "lol", "tbh", "ngl"]);
// Afterthoughts after a comma that are not part of the claim: ", for religious reasons", ", if that matters".
const AFTERTHOUGHT = new Set(["so", "if", "just", "which", "though", "not", "maybe", "probably", "please", "lol", "haha", "btw", "fyi", "right", "ok", "okay", "for"]);
const TRAILING = ["right now", "at the moment", "for me", "but not sure", "not sure", "not sure yet", "but i am not sure", "i think", "i guess", "at the moment", "atm", "currently", "for now", "just", "by the way", "just so you know", "for the record", "for context", "if that matters", "if that helps", "too", "as well", "now", "though", "honestly", "lol", "haha", "again", "apparently", "just saying", "either", "tho", "though", "myself", "ourselves"].map((p) => p.split(" "));

/** Drops asides that trail a claim: "by the way", "too", ", if that matters". */
export function trimTail(terms: Term[]): Term[] {
  const cut = terms.findIndex((t, i) => i >= 1 && /,/.test(terms[i - 1]!.post) && AFTERTHOUGHT.has(t.normal) && (t.normal !== "for" || /^reasons?$/.test(terms.at(-1)!.normal)) && (t.normal !== "not" || i === terms.length - 1));
  let out = (cut > 0 ? terms.slice(0, cut) : terms).filter((t) => !DROP.has(t.normal));
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of TRAILING) {
      // "cook for myself": after a preposition the word is the object, not an aside.
      if (["myself", "ourselves"].includes(p[0]!) && out.at(-2)?.tags.has("Preposition")) continue;
      if (p.length < out.length && p.every((w, i) => out[out.length - p.length + i]!.normal === w)) {
        out = out.slice(0, out.length - p.length);
        changed = true;
      }
    }
  }
  return out;
}

/** Rewrites the user's pronouns in running text: "for my masters" → "for their masters". */
export function mapPronouns(terms: Term[], mode: "user" | "note" = "user"): string {
  const map = mode === "note" ? IN_NOTE : AFTER_USER;
  const out: Term[] = terms.map((t, i) => {
    const replaced = map[t.normal];
    if (!replaced) {
      // "when I am studying" → "when they are studying"; in a note "User is".
      const prev = terms[i - 1]?.normal;
      if ((prev === "i" || prev === "we") && ["am", "are"].includes(t.normal)) return { ...t, text: mode === "note" ? "is" : "are" };
      if ((prev === "i" || prev === "we") && mode === "note" && t.tags.has("Verb") && t.tags.has("PresentTense") && !t.tags.has("Modal")) return { ...t, text: conjugateForUser(t) };
      return t;
    }
    return { ...t, text: replaced };
  });
  return tidy(joinTerms(out));
}

export function tidy(text: string): string {
  return text
    .replace(/\bcan not\b/gi, "cannot")
    .replace(/\bUser's's\b/g, "User's")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:-]+|[\s,;:-]+$/g, "")
    .trim();
}

const beFor = (plural: boolean) => (plural ? "are" : "is");

/** The verb group after "User": "am not" → "is not", "love" → "loves", "doing" → "is doing". */
function userVerbGroup(group: Term[], implied: boolean, plural: boolean, past = false): string {
  const out: string[] = [];
  let conjugated = false;
  for (const t of group) {
    if (!conjugated && (t.tags.has("Verb") || t.tags.has("Copula") || t.tags.has("Modal") || t.normal === "like")) {
      conjugated = true;
      if (plural && !implied && ["is", "has", "was"].includes(t.normal)) {
        out.push({ is: "are", has: "have", was: "were" }[t.normal]!);
        continue;
      }
      const word = t.tags.has("ProperNoun") && t.normal !== "i" ? t.text : t.text.toLowerCase();
      if (implied && t.tags.has("Gerund")) out.push(beFor(plural), word);
      else if (implied && ["born", "raised", "brought", "bred"].includes(t.normal)) out.push("was", t.normal);
      else if (implied && t.normal === "based") out.push("is", t.text);
      else if (implied && t.normal === "been") out.push("has", "been");
      else if (plural) out.push(word);
      else if (past && implied && t.tags.has("Infinitive")) out.push(word);
      else out.push(implied && (t.tags.has("Infinitive") || t.tags.has("Imperative")) && !t.tags.has("Modal") ? thirdPerson(t.normal) : conjugateForUser({ ...t, text: word }));
      continue;
    }
    if (!conjugated && implied && t.normal === "not" && group.some((g) => g.tags.has("Gerund"))) {
      out.push("is", "not");
      conjugated = true;
      continue;
    }
    out.push(t.text);
  }
  // compromise sometimes tags the verb after "I" as a noun ("I coach a team"): it is the verb all the same.
  const head = group.findIndex((t) => !(t.normal === "never" || t.normal === "not" || t.tags.has("Negative") || (t.tags.has("Adverb") && !t.tags.has("Verb"))));
  if (!conjugated && !plural && head >= 0 && !/[^s]s$/.test(group[head]!.normal)) out[head] = /ing$/.test(group[head]!.normal) && implied ? `is ${group[head]!.normal}` : thirdPerson(group[head]!.normal);
  return out.join(" ");
}

/** "User lives in Leeds", "User and their team are going with Postgres", "User could eat olives by the jar". */
export function phraseAboutUser(reading: ClauseReading, rest: Term[] = reading.rest): string {
  const { verb, body } = reading;
  if (!verb) return "";
  const together = reading.subject === "self" && !reading.fronted && reading.subjectTerms.length > 0;
  const groupNoun = reading.subject === "we" && reading.subjectTerms.length > 0 ? reading.subjectTerms.map((t) => t.normal).join(" ") : "team";
  const prefix = reading.team ? `User and their ${groupNoun}` : together ? `User and ${mapPronouns(reading.subjectTerms)}` : "User";
  // "… but quit five years ago": a bare verb told of the past keeps its past form.
  const pastTime = /\b(ago|last (year|month|week|summer|winter|spring|autumn)|in (19|20)\d\d)\b/.test(rest.map((t) => t.normal).join(" "));
  const group = userVerbGroup(body.slice(verb.at, verb.end), reading.subject === "implied" || reading.elided, reading.team || together, pastTime);
  const object = reading.fronted ? ` ${mapPronouns(reading.subjectTerms)}` : "";
  return tidy(`${prefix} ${group}${object} ${mapPronouns(trimTail(rest))}`);
}

/** "my corgi biscuit just ate …" → "User's corgi biscuit just ate …". */
export function phraseAboutPossession(reading: ClauseReading, rest: Term[] = reading.rest): string {
  const { verb, body } = reading;
  if (!verb) return "";
  const owner = mapPronouns(reading.subjectTerms, "note");
  return tidy(`${owner} ${joinTerms(body.slice(verb.at, verb.end))} ${mapPronouns(trimTail(rest))}`);
}

/** A claim about a thing, kept as written with the user's pronouns resolved: "The bins go out on Thursday at User's flat". */
export function phraseNote(terms: Term[]): string {
  return mapPronouns(trimTail(terms), "note");
}

/** "keep your replies under 100 words from now on" → "User wants the assistant to keep replies under 100 words from now on". */
export function phraseInstruction(terms: Term[]): string {
  let body = trimTail(terms);
  while (body.length > 0 && ["please", "can", "could", "would", "will", "you", "kindly", "just"].includes(body[0]!.normal)) body = body.slice(1);
  // "do not recommend …" → "not recommend …"
  if (body[0]?.normal === "do" && body[1]?.normal === "not") body = body.slice(1);
  const words = body.filter((t) => t.normal !== "your").map((t) => (t.normal === "you" ? { ...t, text: "the assistant" } : t));
  return tidy(`User wants the assistant to ${mapPronouns(words)}`);
}
