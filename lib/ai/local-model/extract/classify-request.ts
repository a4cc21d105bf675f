import { has, textOf, unresolvedPronoun } from "./clause-tests";
import { ANSWER_STYLE, LASTING, ONE_OFF } from "./lexicon";
import { joinTerms, type Term } from "./parse-sentences";
import { mapPronouns, phraseInstruction, tidy, trimTail } from "./phrase-memory";
import type { ClauseReading } from "./read-clause";
import { keep, skip, type MessageCues, type SentenceCues, type Verdict } from "./verdict";

// "jot that down", "keep that in mind", "remember both for me": the request to keep, not a claim.
const KEEP_REQUEST = /^(please )?((can|could|would|will) you )?(please )?(keep (that|this|it|both|them) in mind|remember (that|this|it|both|them|these)|jot (that|this|it) down|(write|note|take) (that|this|it) down|note (that|this|it)|hang onto (it|that|this)|hold onto (it|that|this)|save (it|that|this)|store (it|that|this))\b/;
// How an instruction about answering is said: "keep answers short", "use bullet points", "no emojis".
const STYLE_VERBS = /^(please )?(always |never |just )?(keep|use|be|stick|avoid|stop|answer|reply|respond|format|talk|speak|number|break|give me|no|less|more|fewer|skip|drop|do not use|don't use|put)\b/;

/** "call me Dee", "address me as Mr Okafor", "you can call me Jo": how the user wants to be addressed. */
export function addressedAs(body: Term[]): string | null {
  const at = body.findIndex((t, i) => ["call", "address", "refer"].includes(t.normal) && body[i + 1]?.normal === "me" && body[i - 1]?.normal !== "not");
  if (at < 0) return null;
  let name = body.slice(at + 2);
  if (["as", "by"].includes(name[0]?.normal ?? "")) name = name.slice(1);
  name = trimTail(name);
  const stop = name.findIndex((t, i) => i > 0 && ["from", "please", "instead", "going", "everyone", "because", "since", "if", "now", "only", "no", "and", "but", "or"].includes(t.normal));
  if (stop > 0) name = name.slice(0, stop);
  // "Dee, no need for Ma'am": the name ends at the comma ("Margaret, not Maggie" says it twice).
  const comma = name.findIndex((t, i) => /,/.test(t.post) && name[i + 1]?.normal !== "not");
  if (comma >= 0) name = name.slice(0, comma + 1);
  if (name.length === 0 || name.length > 5 || !name.some((t) => /^[A-Z]/.test(t.text) || t.tags.has("FirstName") || t.tags.has("ProperNoun"))) return null;
  return tidy(joinTerms(name));
}

/**
 * An instruction to the assistant. It is a standing preference when it says so ("from now on",
 * "always", "whenever …") or when it is about how to answer ("keep answers short"); a task
 * otherwise ("write me a poem"), and nothing is stored.
 */
export function classifyRequest(reading: ClauseReading, cues: MessageCues, sentence: SentenceCues): Verdict {
  const body = reading.body;
  // "could you stop using …" reads as "stop using …".
  const text = textOf(body).replace(/^((can|could|would|will) you (please )?|please )/, "");
  const framed = `${textOf(reading.leads.frame)} ${text}`;
  if (sentence.oneOff || ONE_OFF.test(text)) return skip("one-off request");
  if (KEEP_REQUEST.test(text)) return skip("request to keep");
  // "stop recommending podcasts", "no more emojis": to stop doing something is for good.
  const lasting = LASTING.test(framed) || sentence.lasting || (cues.lasting && has(body, ANSWER_STYLE)) || /^(please )?(stop|quit) \w+ing\b|^(please )?no more\b/.test(text);
  if (/^(please )?(do not|don't)\b/.test(text) && !lasting && !has(body, ANSWER_STYLE)) return skip("one-off don't");
  // "Can you keep your answers short?" asks for a way of answering, as "keep your answers short" does.
  const askedOfYou = /^((can|could|would|will) you)\b/.test(textOf(body));
  const aboutAnswers = (!reading.clause.isQuestion || askedOfYou) && ((has(body, ANSWER_STYLE) && STYLE_VERBS.test(text)) || /^(please )?(be|keep it|stay) (short|brief|concise|formal|casual|direct|blunt|gentle)\b/.test(text));
  // "give me trails any day", "give me a Stax record over anything in the charts": a preference said as a request.
  if (/^(just )?give me\b/.test(text) && /\b(over|any day|every (single )?time|any ?time|instead of|rather than)\b/.test(text)) {
    const what = body.slice(body.findIndex((t) => t.normal === "me") + 1);
    return keep({ content: tidy(`User prefers ${mapPronouns(trimTail(what))}`), type: "preference", importance: 0.6 });
  }
  if (!lasting && !aboutAnswers) return skip("task request");
  if (reading.clause.isQuestion && !/^((can|could|would|will) you|please)\b/.test(textOf(body))) return skip("question");
  const frame = LASTING.test(textOf(reading.leads.frame)) ? ` ${joinTerms(reading.leads.frame)}` : "";
  // "can you drop them for good": what "them" is was said before ("the emojis are cringe"). "It"
  // in an instruction is mostly idiom ("keep it short", "give it to me straight").
  const found = unresolvedPronoun(body.slice(1));
  const pronoun = found && ["them", "those", "these"].includes(found.normal) ? found : null;
  return keep({ content: tidy(`${phraseInstruction(body)}${frame}`), type: "preference", importance: 0.8, standing: true, ...(pronoun ? { pronoun } : {}) });
}
