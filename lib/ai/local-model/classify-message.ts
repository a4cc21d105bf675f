import { parseSentences, type Sentence } from "./parse-sentences";

export type MessageIntent =
  | "empty"
  | "affirm"
  /** "yes, but only the first one": this model can only act on all listed items or none */
  | "partial-affirm"
  | "deny"
  | "forget"
  | "recall-all"
  | "recall-question"
  | "correction"
  | "greeting"
  | "thanks"
  | "question"
  | "statement";

export type MessageReading = { intent: MessageIntent; sentences: Sentence[] };

const AFFIRM = /^(yes|yeah|yep|yup|yes please|sure|ok|okay|confirm|confirmed|go ahead|do it|please do|correct|absolutely|of course|y|delete (it|them)|forget (it|them))\b/;
const DENY = /^(no|nope|nah|do not|keep (it|them)|cancel|never mind|nevermind|stop|leave it)\b/;
const FORGET_VERBS = new Set(["forget", "delete", "remove", "erase", "wipe", "drop", "unlearn", "scrap", "purge"]);
// "I'd rather you didn't remember my age", "please don't keep my address": a forget request without a forget verb.
const FORGET_WISH = /^(actually |hmm |so |oh |ok |okay |please )*(i (would|had) rather you (did not|not) (remember|keep|store|know)|(please )?(do not|stop) (keeping|storing|remembering|keep|store) (my|that|what|anything))\b/;
// Words that may lead a forget request: "please", "could you", and fillers like "actually", "oh, and".
const REQUEST_LEADS = [
  "please", "can", "could", "would", "you", "will", "i", "want", "like", "to", "need", "just", "and", "also", "now",
  "actually", "oh", "hey", "ok", "okay", "so", "well", "um", "hmm", "wait", "sorry", "right", "yeah",
];
const GREETING = /^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|greetings|howdy)\b/;
const THANKS = /\b(thanks|thank you|thx|cheers|appreciate it)\b/;
const CORRECTION = /^(actually|correction|i (have )?changed my mind|on second thought|scratch that|update|i meant|wait)\b|\b(any ?more|no longer|not anymore)\b/;
const ADVICE = /^(should|can|could|would|shall|how (do|can|should|would)|what should|which should) i\b/;

/**
 * Reads what the user wants from their latest message: to confirm or decline something the
 * assistant asked, to forget, to recall, to correct a memory, or just to talk. Tagging and
 * question detection come from compromise; the phrase lists only cover the fixed formulas
 * people use for these requests.
 */
export function classifyMessage(text: string): MessageReading {
  const sentences = parseSentences(text);
  const words = sentences.flatMap((s) => s.terms.map((t) => t.normal)).filter((w) => w !== "");
  const lowered = words.join(" ");
  if (words.length === 0) return { intent: "empty", sentences };
  const hasSelf = (from: number) => words.slice(from).some((w) => w === "i" || w === "my" || w === "me");

  if (words.length <= 8 && AFFIRM.test(lowered) && !hasSelf(1)) {
    const partial = words.some((w) => ["only", "except", "but", "first", "second", "third", "last", "not"].includes(w));
    return { intent: partial ? "partial-affirm" : "affirm", sentences };
  }
  if (words.length <= 6 && DENY.test(lowered) && !hasSelf(1)) return { intent: "deny", sentences };

  // "forget that I'm vegetarian", "please delete what you know about my job"; not "don't forget …"
  const forgetAt = words.findIndex((w) => FORGET_VERBS.has(w));
  const lead = words.slice(0, Math.max(forgetAt, 0));
  if (forgetAt >= 0 && forgetAt <= 5 && lead.every((w) => REQUEST_LEADS.includes(w)) && !lead.includes("not")) {
    if (!(words[forgetAt - 1] === "i" && words[forgetAt] === "forget")) return { intent: "forget", sentences };
  }

  if (FORGET_WISH.test(lowered)) return { intent: "forget", sentences };
  // "Can you remember that I'm vegan?" is a request to save, not a question about memory.
  if (/^(please )?((can|could|would|will) you (please )?)?(remember|note|save|store|memori[sz]e) (that|this)\b/.test(lowered)) return { intent: "statement", sentences };
  const asks = sentences.some((s) => s.isQuestion) || /^(tell me|list|show me|show)\b/.test(lowered);
  if (asks && /\b(remember|know|memories|memory|stored|saved)\b/.test(lowered) && /\b(about me|of me|my memories|you remember|you know|your memory|you have)\b/.test(lowered)) {
    const about = lowered.match(/\babout (my|where|what|how|when|which) (.+)$/);
    return { intent: about ? "recall-question" : "recall-all", sentences };
  }
  const questionSentences = sentences.filter((s) => s.isQuestion);
  const selfQuestion = questionSentences.some((s) => {
    const q = s.terms.map((t) => t.normal).join(" ");
    return !ADVICE.test(q) && (/\bmy\b/.test(q) || /^(where|what|when|which|who|how old|how many|do|did|am|was)( \w+)? (do|did|am|was)? ?i\b/.test(q));
  });
  if (selfQuestion && !sentences.some((s) => !s.isQuestion && s.terms[0]?.normal === "i")) return { intent: "recall-question", sentences };

  if (CORRECTION.test(lowered) && !sentences.every((s) => s.isQuestion)) return { intent: "correction", sentences };
  if (sentences.every((s) => s.isQuestion)) return { intent: "question", sentences };
  if (GREETING.test(lowered) && words.length <= 8) return { intent: "greeting", sentences };
  if (THANKS.test(lowered) && !hasSelf(0)) return { intent: "thanks", sentences };
  return { intent: "statement", sentences };
}
