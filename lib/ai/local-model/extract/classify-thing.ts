import { findThirdPartySensitive } from "@/lib/write-policy/find-third-party-sensitive";
import { classifyPhrase } from "./classify-possessive";
import { contentWords, hasDate, headOf, hedgeCount, isDate, textOf } from "./clause-tests";
import { ACQUAINTANCES, CHAT_THINGS, EVENT_NOUNS, FAVOURITE, JUDGEMENT_FOR_ME, KIN, PREFERENCE_IDIOMS, UNIVERSAL_KIN } from "./lexicon";
import { joinTerms, type Term } from "./parse-sentences";
import { mapPronouns, phraseNote, tidy } from "./phrase-memory";
import type { ClauseReading } from "./read-clause";
import { keep, skip, type MessageCues, type SentenceCues, type Verdict } from "./verdict";

const EMPHASIS = new Set(["hands", "down", "by", "far", "easily", "definitely", "still", "always", "just", "absolutely", "really", "honestly", "truly", "probably", "now"]);
// Verbs that put a thing on the calendar: "booked for 3 March", "moved to Thursday", "due on the 30th".
const SCHEDULING = new Set(["book", "schedule", "set", "plan", "move", "push", "arrange", "confirm", "reschedule", "fix", "due", "renew", "expire", "start", "begin", "run", "leave", "land", "open", "close", "end", "finish", "meet", "change", "switch", "shift"]);

/** "Paramore is my fav band", "7 has always been my lucky number": the user's side first. */
function reorderToPossessive(reading: ClauseReading): { phrase: Term[]; value: Term[] } | null {
  const { verb, rest } = reading;
  if (!verb || verb.lemma !== "be") return null;
  const my = rest.findIndex((t) => t.normal === "my" || t.normal === "our");
  if (my < 0 || rest.slice(0, my).some((t) => !t.tags.has("Adverb") && !EMPHASIS.has(t.normal))) return null;
  let end = my + 1;
  // The phrase ends at a comma or a conjunction; "my favourite thing to cook" keeps its "to cook".
  const goesOn = (i: number) => (rest[i]!.normal === "to" && rest[i + 1]?.tags.has("Verb") === true) || (!rest[i]!.tags.has("Conjunction") && (!rest[i]!.tags.has("Preposition") || ["of", "at", "in"].includes(rest[i]!.normal)));
  while (end < rest.length && !/[,;]/.test(rest[end - 1]!.post) && goesOn(end)) end++;
  const phrase = rest.slice(my, end);
  if (!phrase.some((t) => t.tags.has("Noun") || FAVOURITE.has(t.normal))) return null;
  return { phrase, value: reading.subjectTerms };
}

/** "Paramore is my fav band" → "User's fav band is paramore"; "Biscuit is our greyhound" → "User has a greyhound, Biscuit". */
export function classifyReordered(phrase: Term[], valueTerms: Term[]): Verdict {
  // "Nothing is my favourite", "That is my favourite film": no thing to remember.
  if (valueTerms.every((t) => t.tags.has("Pronoun") || ["nothing", "something", "anything", "everything", "it", "that", "this", "which", "what"].includes(t.normal))) return skip("no value");
  const kind = classifyPhrase(phrase);
  const value = joinTerms(valueTerms);
  const first = valueTerms[0]!;
  const common = (first.tags.has("Plural") || first.tags.has("Uncountable")) && !first.tags.has("ProperNoun");
  const said = common ? value.charAt(0).toLowerCase() + value.slice(1) : value;
  const owner = mapPronouns(phrase, "note");
  if (kind === "favourite" || /\b(thing|jam)\b/.test(textOf(phrase))) return keep({ content: tidy(`${owner} is ${said}`), type: "preference", importance: 0.6 });
  if (kind === "kin" || kind === "pet") {
    const what = mapPronouns(phrase.slice(1));
    return keep({ content: tidy(`User has ${/^[aeiou]/i.test(what) ? "an" : "a"} ${what}, ${value}`), type: "fact", importance: 0.7, identity: true });
  }
  if (kind === "abstract" || kind === "chat" || kind === "acquaintance" || kind === "kin-thing" || kind === "universal-kin") return skip("reordered: not the user's");
  return keep({ content: tidy(`${owner} is ${said}`), type: "fact", importance: 0.6, identity: kind === "identity" });
}

/**
 * A noun phrase as the subject: the user's taste ("brown noise is the only thing that works for
 * me"), a dated item or one the user asked to keep (a note), a plan the user says is settled,
 * or something of the user's put first ("Paramore is my favourite band").
 */
export function classifyThing(reading: ClauseReading, cues: MessageCues, sentence: SentenceCues): Verdict {
  const verb = reading.verb;
  if (!verb) return skip("no verb");
  const subject = reading.subjectTerms;
  const clauseText = textOf(reading.body);
  if (subject.some((t) => CHAT_THINGS.has(t.normal) || ["answer", "reply", "response", "below", "above", "following"].includes(t.normal))) return skip("about the chat");
  const reordered = reorderToPossessive(reading);
  if (reordered) return classifyReordered(reordered.phrase, reordered.value);
  // "Coffee is life": devotion needs no "for me".
  const judged = JUDGEMENT_FOR_ME.test(clauseText) && (/\b(me|i|my)\b/.test(clauseText) || /\b(is|are) life$/.test(clauseText));
  if (judged && !verb.past) return keep({ content: phraseNote(reading.body), type: "preference", importance: 0.6, hedged: hedgeCount(reading) > 0 });
  // "afternoons are better for meetings": a judgement on a kind of thing (no "the") is the user's taste.
  const generic = subject.every((t) => !t.tags.has("Determiner") && !t.tags.has("Possessive") && !t.tags.has("ProperNoun")) && subject.at(-1)?.tags.has("Plural");
  if (generic && verb.lemma === "be" && !verb.past && /^(so |much |far |way )*(better|best|worse|nicer|easier)\b/.test(textOf(reading.rest))) {
    return keep({ content: tidy(`User thinks ${mapPronouns(reading.body)}`), type: "preference", importance: 0.6 });
  }
  // "you can't beat a proper cup of tea": "you" as anyone, the taste the user's.
  if (subject[0]?.normal === "you" && PREFERENCE_IDIOMS.test(clauseText)) return keep({ content: tidy(`User thinks ${mapPronouns(reading.body)}`).replace(/the assistant/, "you"), type: "preference", importance: 0.6 });
  if (verb.lemma === "beat" && subject[0]?.normal === "nothing") return keep({ content: tidy(`User thinks ${mapPronouns(reading.body)}`), type: "preference", importance: 0.6 });
  const explicit = reading.leads.explicit || cues.explicit;
  const head = headOf(subject);
  // "a friend of mine", "the estate agent", "Sam": someone else, wherever their word stands in the phrase.
  const ofAt = subject.findIndex((t, i) => i > 0 && t.tags.has("Preposition"));
  const core = headOf(ofAt > 0 ? subject.slice(0, ofAt) : subject);
  const someone = subject.some((t) => (t.tags.has("Person") || t.tags.has("FirstName")) && /^[A-Z]/.test(t.text)) || (core !== undefined && !EVENT_NOUNS.has(core.normal) && (ACQUAINTANCES.has(core.normal) || KIN.has(core.normal) || UNIVERSAL_KIN.has(core.normal) || core.tags.has("Actor")));
  const personal = findThirdPartySensitive(joinTerms(reading.body)) !== null;
  // The verb goes with the date: "expires 2028" is a date, "2028" alone a number.
  const dated = hasDate(reading.body.slice(verb.at)) || hasDate(subject);
  // "Launch moved from 21 May to 4 June", "the team voted on it Friday": what happened, unless asked to keep or put on the calendar.
  if (verb.past && !verb.passive && !explicit && !(dated && SCHEDULING.has(verb.lemma) && !someone)) return skip("past event");
  // "the train was cancelled on Wednesday", "a friend moved there in March": what happened, not something to keep.
  if (verb.past && (someone || (verb.passive && !SCHEDULING.has(verb.lemma)))) return skip("past event");
  if (cues.committed && (verb.future || verb.progressive) && !verb.past && !someone) return keep({ content: phraseNote(reading.body), type: "decision", importance: 0.8, hedged: sentence.undecided });
  // A dated item: "the bins go out on Thursday", "the standup moves to 9:30"; not "Tuesdays after work".
  const item = head !== undefined && !isDate(head) && (explicit || EVENT_NOUNS.has(head.normal) || subject.some((t) => EVENT_NOUNS.has(t.normal)) || SCHEDULING.has(verb.lemma));
  // "the plumber is coming on Monday": a visit on the calendar is the user's to note, what someone did last week is not.
  // Someone coming round is kept only when the user asks ("remember the landlord is coming on the 14th").
  if (dated && (item || someone) && !personal && (!someone || explicit)) return keep({ content: phraseNote(reading.body), type: "note", importance: explicit ? 0.6 : 0.5 });
  if (explicit && contentWords(reading.rest).length > 0 && !someone && !personal) return keep({ content: phraseNote(reading.body), type: "note", importance: 0.6 });
  return skip("not about the user");
}
