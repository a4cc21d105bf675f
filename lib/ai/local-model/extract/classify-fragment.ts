import { contentWords, has, hasDate, isDate, passingState, textOf } from "./clause-tests";
import { ANSWER_STYLE, COMMITTED, EVENT_NOUNS, LASTING, PASSING_STATES } from "./lexicon";
import { joinTerms, type Term } from "./parse-sentences";
import { mapPronouns, phraseNote, tidy, trimTail } from "./phrase-memory";
import type { ClauseReading } from "./read-clause";
import { keep, skip, type MessageCues, type SentenceCues, type Verdict } from "./verdict";

const FRAGMENT_TASTE = /^(not (a |really a |that much of a |much of a )?(big |huge |massive )?fan of|(a )?(big |huge |massive )fan of|(not |really |so )?into|obsessed with|(not |really )?keen on|addicted to)\b/;
const CONDITIONS = /^(allergy|allergies|intolerance|diabetes|asthma|condition|adhd|epilepsy|arthritis)$/;

/** "Runner here", "peanut allergy gang", "lagos born, leeds based": a label the user gives themselves. */
export function selfLabels(reading: ClauseReading): Verdict[] {
  const body = reading.body;
  const out: Verdict[] = [];
  for (let i = 1; i < body.length; i++) {
    const w = body[i]!.normal;
    if (!["born", "based", "raised", "bred"].includes(w) || !body[i - 1]!.tags.has("Noun") || body[i - 1]!.tags.has("Pronoun")) continue;
    let from = i - 1;
    while (from > 0 && body[from - 1]!.tags.has("Noun") && !body[from - 1]!.tags.has("Pronoun") && !/,/.test(body[from - 1]!.post)) from--;
    if (from > 0 && !/,/.test(body[from - 1]!.post)) continue;
    const place = joinTerms(body.slice(from, i));
    out.push(keep({ content: w === "based" ? `User is based in ${place}` : `User was ${w} in ${place}`, type: "fact", importance: 0.8, identity: true }));
  }
  if (out.length > 0) return out;
  const labelAt = body.findIndex((t, i) => i > 0 && ["here", "gang", "squad", "club"].includes(t.normal) && (i === body.length - 1 || /[,;:.!-]/.test(t.post)));
  if (labelAt <= 0 || labelAt > 4 || reading.clause.isQuestion) return [];
  const label = body.slice(0, labelAt);
  if (!label.every((t) => (t.tags.has("Noun") || t.tags.has("Adjective")) && !t.tags.has("Pronoun") && !t.tags.has("Determiner") && !t.tags.has("Place") && !PASSING_STATES.has(t.normal))) return [];
  const words = joinTerms(label);
  const last = label.at(-1)!;
  const condition = CONDITIONS.test(last.normal);
  const adjective = last.tags.has("Adjective") || /(ic|ant|ent|ive|ed|ian)$/.test(last.normal);
  const article = (adjective && !condition) || last.tags.has("Plural") ? "" : /^[aeiou]/i.test(words) ? "an " : "a ";
  return [keep({ content: condition ? `User has ${article}${words}` : `User is ${article}${words}`, type: "fact", importance: 0.8, identity: true })];
}

/**
 * "aisle seat every time, and morning flights over late ones", "window seat always, no red-eye
 * flights ever": a verbless list whose items each say they stand (or put one thing over
 * another) is one preference per item.
 */
export function splitStandingList(reading: ClauseReading, sentence: SentenceCues): Verdict[] {
  if (sentence.oneOff || reading.clause.isQuestion) return [];
  const pieces: Term[][] = [[]];
  for (const t of reading.body) {
    if (pieces.at(-1)!.length > 0 && /[,;]/.test(pieces.at(-1)!.at(-1)!.post)) pieces.push([]);
    pieces.at(-1)!.push(t);
  }
  // "always kilometres, never miles, for anything distance related": a contrast without "and" and a
  // qualifier that starts with a preposition belong to the item before them.
  const joined: Term[][] = [];
  for (const p of pieces) {
    const contrast = ["never", "not", "no"].includes(p[0]?.normal ?? "") || p[0]?.tags.has("Preposition");
    if (joined.length > 0 && contrast) joined.at(-1)!.push(...p);
    else joined.push(p);
  }
  const items = joined.map((p) => (["and", "also", "plus", "but"].includes(p[0]?.normal ?? "") ? p.slice(1) : p)).filter((p) => p.length > 0);
  if (items.length < 2) return [];
  const stands = (p: Term[]) => contentWords(p).length > 0 && (LASTING.test(textOf(p)) || p.some((t, i) => i > 0 && t.normal === "over"));
  if (!items.every(stands)) return [];
  return items.map((p) => keep({ content: tidy(`User prefers ${mapPronouns(trimTail(p))}`), type: "preference", importance: 0.7, standing: true }));
}

/**
 * A clause without a verb: a standing instruction in few words ("grams please, never cups",
 * "always kilometres, never miles"), or a dated item ("pre-op assessment 10 Feb").
 */
export function classifyFragment(reading: ClauseReading, cues: MessageCues, sentence: SentenceCues, previous: ClauseReading | null = null): Verdict {
  const body = reading.body;
  const text = textOf(body);
  if (body.length === 0) return skip("empty");
  // "this is happening: September, the Camino, the full French route": what a settled lead-in announces is the plan.
  if (previous?.clause.isLabel && previous.clause.sentence === reading.clause.sentence && COMMITTED.test(textOf(previous.clause.terms)) && !reading.clause.isQuestion && !sentence.undecided) {
    const named = body.filter((t) => (t.tags.has("Noun") || t.tags.has("ProperNoun")) && !t.tags.has("Pronoun") && !t.tags.has("Date"));
    if (named.length > 0 && body.length <= 12) return keep({ content: tidy(`User has committed to ${mapPronouns(trimTail(body))}`), type: "decision", importance: 0.8 });
  }
  if (reading.clause.isQuestion && !/[.!]$/.test(sentence.text)) return skip("question fragment");
  if (passingState(body)) return skip("passing state");
  // "not a huge fan of horror films", "big fan of Wilco": a taste said without its "I'm".
  if (FRAGMENT_TASTE.test(text)) return keep({ content: tidy(`User is ${mapPronouns(trimTail(body))}`), type: "preference", importance: 0.55 });
  // "Audiobooks > podcasts, no contest": one thing put over another.
  const over = body.findIndex((t, i) => i > 0 && (t.text === ">" || />/.test(body[i - 1]!.post)));
  if (over > 0) {
    const left = body.slice(0, over);
    const right = body.slice(body[over]!.text === ">" ? over + 1 : over);
    const end = right.findIndex((t) => /,/.test(t.post));
    return keep({ content: tidy(`User prefers ${joinTerms(left)} over ${joinTerms(end >= 0 ? right.slice(0, end + 1) : right)}`), type: "preference", importance: 0.6 });
  }
  // "spreadsheets over slides any day": one thing put over another, for good.
  const overAt = body.findIndex((t, i) => i > 0 && t.normal === "over" && body[i - 1]!.tags.has("Noun"));
  if (overAt > 0 && /\b(any day|every (single )?time|any ?time|always|for me)\b/.test(text)) {
    return keep({ content: tidy(`User prefers ${mapPronouns(trimTail(body))}`), type: "preference", importance: 0.6 });
  }
  // "Loft conversion instead.": the alternative chosen.
  if (body.at(-1)?.normal === "instead" && contentWords(body).length > 0 && body.length <= 5) {
    return keep({ content: tidy(`User chose ${mapPronouns(body.slice(0, -1))} instead`), type: "decision", importance: 0.8 });
  }
  // "dark mode everything please": everything, for good.
  const ownLasting = (LASTING.test(text) && !/^ever\b/.test(text)) || /^\w+( \w+)? everything( please)?$/.test(text);
  if (!sentence.oneOff && (ownLasting || (cues.lasting && has(body, ANSWER_STYLE))) && contentWords(body).length > 0) {
    let words = trimTail(body);
    while (words[0] && ["and", "also", "plus", "then", "but"].includes(words[0].normal)) words = words.slice(1);
    const always = words[0]?.normal === "always";
    if (always) words = words.slice(1);
    return keep({ content: tidy(`User ${always ? "always " : ""}prefers ${mapPronouns(words)}`), type: "preference", importance: 0.8, standing: true });
  }
  const explicit = reading.leads.explicit || cues.explicit;
  const named = body.some((t, i) => t.tags.has("Noun") && !isDate(t, i, body) && !t.tags.has("Value") && !t.tags.has("Pronoun") && !["here", "there"].includes(t.normal));
  if (hasDate(body) && named && ((explicit && !cues.secretContext) || has(body, EVENT_NOUNS))) return keep({ content: phraseNote(body), type: "note", importance: explicit ? 0.6 : 0.5 });
  return skip("fragment");
}
