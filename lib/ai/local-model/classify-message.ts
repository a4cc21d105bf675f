import { normalizeTexting } from "./extract/normalize-texting";
import { parseSentences, type Sentence } from "./extract/parse-sentences";

export type MessageIntent =
  | "empty"
  | "affirm"
  /** "yes, but only the first one": this model can only act on all listed items or none */
  | "partial-affirm"
  | "deny"
  | "forget"
  | "recall-all"
  | "recall-question"
  /** "search your memory for …": an explicit look-up, always with query_memory */
  | "search"
  | "correction"
  | "greeting"
  | "thanks"
  | "question"
  | "statement";

export type MessageReading = { intent: MessageIntent; sentences: Sentence[] };

// Fillers in front of a reply: "hmm, no, keep it", "oh wait, yes".
const FILLER = /^((hmm+|hm+|oh|ah|um+|uh|ok|okay|well|wait|actually|so|right|erm|ugh|sorry|lol)[\s,.!]+)+/;
const AFFIRM = /^(yes|yeah|yep|yup|ya|yea|sure|ok|okay|confirm|confirmed|go ahead|do it|please do|correct|absolutely|of course|y|delete (it|them|both|all)|forget (it|them|both|all)|that's right|right|please (go ahead|do(?! not)|delete|forget))\b/;
const DENY = /^(no|nope|nah|keep (it|them)|leave (it|them)|cancel|never ?mind|stop|not that|(don't|do not)( do (it|that)| delete| remove| forget (it|them)\b|$))\b|\b(keep it|leave it|don't delete|do not delete)\b/;
const FORGET_VERBS = "forget|delete|remove|erase|wipe|drop|unlearn|scrap|purge|clear";
// "forget that I …", "can you delete the ADHD thing", "I'd rather you didn't remember my age".
const FORGET_REQUEST = new RegExp(
  String.raw`^((please|pls|just|and|also|now|then|hey|so)\s+)*((can|could|would|will) you\s+(please\s+)?|i (want|need|would like) you to\s+|i'd like you to\s+)?(${FORGET_VERBS})\b(?! to\b)|^(i would rather|i'd rather|i had rather|i'd prefer|i would prefer) you (did not|didn't|not|do not|don't) (remember|keep|store|know|save)\b|^(please )?(do not|don't|stop) (keeping|storing|remembering|keep|store) (my|that|what|anything)\b`,
);
// "can you drop the emojis in every reply", "remove the bullet points from now on": an instruction about answers, not about memory.
const ANSWER_INSTRUCTION = /\b(in (every|each|your|all|all your) (reply|replies|answer|answers|response|responses|message|messages)|from now on|going forward|emojis?|emoji|bullet( points?| lists?)?|exclamation marks?)\b/;
const RECALL_ALL = /\b(what|everything|anything) (do|did|have) you (know|remember|got|stored|saved|have)( stored| saved)? (about|on|of) me\b|\b(tell me|show me|list) (what|everything) you (know|remember)\b|\b(list|show)( me)? (all )?my memories\b|\bwhat do you remember\b\??$/;
const SEARCH = /\b(search|look up|look through|check) (your |my )?(memory|memories)\b|\b(search|look up) .* in (your |my )?(memory|memories)\b|\bdo you have anything (saved|stored|remembered) (about|on)\b/;
const GREETING = /^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|greetings|howdy)\b/;
const THANKS = /\b(thanks|thank you|thx|cheers|appreciate it|ta)\b/;
// How people take back what they said: "actually", "scratch that", "change of plan", "I got that wrong".
const CORRECTION =
  /(^|[.!?]\s+|,\s*)((ok|okay|oh|hmm|so|sorry|wait|no|yeah|um|update|ah|ugh)[,:]?\s+)*(actually|scratch that|correction|update|i (have )?changed my mind|change of plan|on second thought|i take that back|let me correct|i meant|sorry,? no|i got (that|it|the \w+) wrong|got (that|it|the \w+) wrong|not anymore|i (had|got) (that|it|them) (backwards|the wrong way round|mixed up)|i mixed (that|it|them) up|i said (that|it) wrong|i misspoke|i (typed|wrote|spelled|spelt) (that|it|\w+) wrong|(i )?(made|make) (a )?mistake|typo|autocorrect)\b|\b(i|we)( am| are|'m|'re)? (no longer|(do not|don't|not)\b[^.?!]*\bany ?more)\b|\b(it's|it is) [^.?!]{1,30} now\b|\b(it's|it is|its|name's|name is) [^.?!,]{1,30},? not [^.?!]{1,30}|\binstead\b|^(no|nope|wait|oops|sorry|oh|ah|hmm)\b[^.?!]{0,20}\b(it's|it is|its|i meant|i mean)\b/;
const ADVICE = /^(should|can|could|would|shall|how (do|can|should|would|did)|what should|which should|is it|do you think|any) /;
const ABOUT_SELF_QUESTION = /^((what|where|when|who|which|how old|how many|how long)( \w+){0,3} (is|are|was|were|am|do|did|have|had) (my|i)\b|(what|where|when|who|which)( \w+)? is my\b|(what|where|when|who)'s my\b|do you (know|remember) (what|where|when|who|which|if|whether|how|my|the name)\b|did i (ever )?(tell|mention|say)\b|(what|which) did i (tell|say|mention)\b|who am i\b|what am i\b|how old am i\b|what do i (do|like|love|eat|drive|play|teach|prefer|hate)\b|where do i (live|work|study)\b|am i (a|an|allergic|vegetarian|vegan)\b)/;

/** The message takes back something said before: "actually …", "scratch that", "it's the 5th, not the 4th". */
export const soundsLikeCorrection = (text: string) => CORRECTION.test(normalizeTexting(text).toLowerCase().replace(/[’]/g, "'"));

const words = (s: Sentence) => s.terms.map((t) => t.normal).filter(Boolean).join(" ");

/**
 * Reads what the user wants from their latest message: to confirm or decline something the
 * assistant asked, to forget, to recall or search, to correct a memory, or just to talk. The
 * sentence shapes come from compromise; the phrase lists only cover the fixed formulas people
 * use for these requests.
 */
export function classifyMessage(text: string): MessageReading {
  const normalized = normalizeTexting(text);
  const sentences = parseSentences(normalized);
  const all = sentences.map(words).join(" ");
  if (all.trim() === "") return { intent: "empty", sentences };
  const first = (sentences[0] ? words(sentences[0]) : "").replace(FILLER, "");
  const firstWords = first.split(" ").filter(Boolean);
  const lowered = normalized.toLowerCase().replace(/[’]/g, "'");

  // A reply to something the assistant asked: "yes", "yep go ahead", "hmm no, keep it".
  if (firstWords.length <= 8 && sentences.length <= 3) {
    if (DENY.test(first) && !/^(no,? )?(you|i meant|that's not)/.test(first)) return { intent: "deny", sentences };
    if (AFFIRM.test(first) && !/\b(i|my|me)\b/.test(firstWords.slice(1).join(" "))) {
      const partial = /\b(only|except|but|first|second|third|last|not)\b/.test(first);
      return { intent: partial ? "partial-affirm" : "affirm", sentences };
    }
  }
  for (const sentence of sentences) {
    const w = words(sentence).replace(FILLER, "").replace(/^(thanks|thank you|maybe later|ok|okay)[\s,.]+/, "");
    if (FORGET_REQUEST.test(w) && !/^i (always |never |keep |sometimes )?forget/.test(w) && !ANSWER_INSTRUCTION.test(w)) return { intent: "forget", sentences };
  }
  if (SEARCH.test(lowered)) return { intent: "search", sentences };
  const asks = sentences.some((s) => s.isQuestion) || /^(tell me|list|show me|show)\b/.test(first);
  if (asks && RECALL_ALL.test(lowered)) return { intent: "recall-all", sentences };
  if (/^(can|could|would|will) you (please )?(remember|note|save|store|keep)\b/.test(first)) return { intent: "statement", sentences };
  const questions = sentences.filter((s) => s.isQuestion);
  const statementsAboutSelf = sentences.some((s) => !s.isQuestion && /^(i|my|we|our)\b/.test(words(s).replace(FILLER, "")));
  const selfQuestion = questions.some((s) => {
    const q = words(s).replace(FILLER, "");
    return !ADVICE.test(q) && ABOUT_SELF_QUESTION.test(q);
  });
  if (selfQuestion && !statementsAboutSelf) return { intent: "recall-question", sentences };
  if (CORRECTION.test(lowered) && !sentences.every((s) => s.isQuestion)) return { intent: "correction", sentences };
  if (sentences.every((s) => s.isQuestion)) return { intent: "question", sentences };
  if (GREETING.test(first) && firstWords.length <= 8 && sentences.length <= 2) return { intent: "greeting", sentences };
  if (THANKS.test(all) && all.split(" ").length <= 12 && !/\b(i|my)\b/.test(all)) return { intent: "thanks", sentences };
  return { intent: "statement", sentences };
}
