// Content that makes no lasting claim about the user (docs/memory-taxonomy.md, "What is never
// written"): questions, passing states and moods, remarks about the conversation or the
// assistant, task requests, and fragments. General cues only: sentence shape, a closed list of
// state words, and markers of permanence or instruction that override them.

export type JunkReason = "question" | "passing_state" | "about_conversation" | "task_request" | "fragment";

const SUBJECT = String.raw`^(?:the\s+)?user(?:'s|’s)?\s+`;

// Words that make a state lasting or turn a remark into a standing instruction.
const LASTING = /\b(?:always|usually|generally|normally|every(?:\s+(?:day|time|morning|night|week))?|from now on|going forward|in future|in the future|for years|since|chronic(?:ally)?|by nature|all the time|never|prefers?|wants? (?:you|the assistant|answers|replies|responses)|likes? (?:answers|replies|responses)|call (?:me|them|him|her)|address(?:es)? (?:me|them)|keep (?:answers|replies|responses|it)|answer(?:s)? in|reply in|respond in|format)\b/i;

// Moods and bodily states that pass within hours or days. Words that also describe a lasting
// taste or trait ("happy with", "mad about", "full-time") are left out on purpose.
const STATE_WORDS = String.raw`tired|exhausted|sleepy|knackered|shattered|drained|wiped(?:\s+out)?|hungry|starving|thirsty|stuffed|bored|stressed(?:\s+out)?|nervous|worried|anxious|scared|excited|pumped|hyped|sad|upset|angry|annoyed|irritated|frustrated|grumpy|cranky|moody|overwhelmed|hungover|hung\s+over|sick|unwell|poorly|under\s+the\s+weather|freezing|sweaty|busy|swamped|slammed|running\s+late|lonely|fed\s+up|bummed(?:\s+out)?|relieved|confused|distracted|sore|achy|jet-?lagged|drunk|tipsy|restless|in\s+a\s+(?:good|bad|great|terrible|foul|weird|funny)\s+mood|in\s+a\s+(?:rush|hurry)|on\s+(?:my|the|their|his|her)\s+way|procrastinating|killing\s+time`;
const INTENSIFIER = String.raw`(?:(?:so|really|very|a\s+(?:bit|little)|kind\s+of|kinda|sort\s+of|super|pretty|totally|quite|rather|extremely|incredibly|absolutely|completely|too|feeling|getting|still|just)\s+)*`;
const PASSING_STATE = new RegExp(
  String.raw`(?:${SUBJECT}|^)(?:is|was|am|are|'s|feels?|felt|feeling|got|gets|getting|seems?)\s+${INTENSIFIER}(?:${STATE_WORDS})(?![\w-])`,
  "i",
);
const NOT_WELL = new RegExp(String.raw`(?:${SUBJECT}|^)(?:is\s+)?(?:not|isn't|isnt)\s+feeling\s+(?:well|great|good|100)`, "i");
const RIGHT_NOW = /\b(?:today|tonight|right now|rn|atm|at the moment|this (?:morning|afternoon|evening|night|week|weekend)|for the (?:week|weekend|day)|just now|this minute)\b/i;

const CHANGE_MADE = /\b(?:switched|decided|moved|started|quit|bought|booked|signed up|joined|adopted|enrolled|committed|chose|picked|went with|changed|got (?:married|engaged|divorced|promoted|hired))\b/i;

const CONVERSATION = /\b(?:(?:this|the|our|current|previous|last|earlier|that)\s+(?:chat|conversation|session|thread|discussion|exchange|reply|answer|response)|the (?:assistant|ai|bot|chatbot)|thank(?:s|ed|ing)?\b|appreciat(?:es|ed) the (?:help|answer)|(?:found|finds) (?:the|this|that|your) (?:answer|reply|response|advice|help|explanation)|(?:was|is) (?:helpful|unhelpful|useful))\b/i;
const CORRECTION_META = /\b(?:corrected|clarified|misspoke|mistyped|changed (?:their|his|her) mind|previously (?:said|mentioned|stated)|(?:said|mentioned|stated) (?:earlier|before|previously)|meant to say|(?:made|makes?|making) (?:a |an )?(?:typo|mistake|error))\b/i;

const TASK = new RegExp(
  String.raw`(?:${SUBJECT})?(?:asked|asks|is\s+asking|requested|requests|wants\s+to\s+know|wanted\s+to\s+know|would\s+like\s+to\s+know|needs\s+help|wants\s+help|asked\s+for\s+help|is\s+looking\s+for\s+(?:help|advice|ideas|suggestions|recommendations)|wants\s+(?:you|the\s+assistant)\s+to|would\s+like\s+(?:you|the\s+assistant)\s+to)\b`,
  "i",
);
const IMPERATIVE = /^(?:please\s+)?(?:write|translate|summari[sz]e|explain|tell me|give me|make me|draft|suggest|recommend|list|create|show me|convert|calculate|compute|generate|compose|rewrite|debug)\b/i;
const WH_START = /^(?:what|what's|whats|how|how's|why|when|where|who|whom|whose|which)\b/i;

const FILLER = new Set(
  ("user users the a an and or but so yeah yes yep no nope ok okay okey lol haha hmm um uh well anyway anyways like just " +
    "it its it's this that these those there here one ones thing things stuff something anything everything " +
    "is are was were be been being am has have had does did do got get gets went go goes " +
    "like likes liked love loves loved hate hates hated want wants wanted need needs prefer prefers enjoy enjoys said says " +
    "twice once again before too also now then later ago still even really very much more less same other another " +
    "he she they them him her his their theirs me my mine i you your to of in on at for with from by about as")
    .split(" "),
);

// A claim that ends on a pronoun pointing back into the message: "… a fancy tin of it", "… eat it".
// "… doing all of it" says how much, of something the claim has named.
const DANGLING_OBJECT = /(?<!\b(?:all|most|none|lots|plenty|rest)\s+)\b[\p{L}'’-]+\s+(?:it|that|this|those|these)\s*[.!]?$/iu;

// The placeholders lib/write-policy/redact-secrets.ts leaves, with or without their brackets.
const REDACTED = /\[[^\]]{0,40}\bremoved\]|\b(?:password|pin|one-time code|security answer|api key|private key|token|card number|iban|bank details|id number)\s+removed\b/i;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

/** The reason the content is not a memory, or null when it makes a claim worth keeping. */
export function findJunk(content: string, options: { memoryType: string; hasExpiry: boolean }): JunkReason | null {
  const text = content.trim();
  const all = words(text);
  const claim = all.filter((w) => w !== "user" && w !== "users");
  // "User smokes", "User meditates": one verb can be a whole claim; one filler word ("User it") cannot.
  const oneVerb = claim.length === 1 && /^(?:the\s+)?users?\s+\p{L}{3,}[.!]?$/iu.test(text) && !FILLER.has(claim[0]!);
  if ((claim.length < 2 && !oneVerb) || all.every((w) => FILLER.has(w))) return "fragment";
  if (!all.some((w) => !FILLER.has(w) && w.length > 1)) return "fragment";

  // "User is routing [bank details removed]": what is left where a secret was taken out of the
  // message says nothing about the user (and reads as broken to them).
  if (REDACTED.test(text)) return "fragment";
  // "User is getting a fancy tin of it": a single claim whose object is a pronoun says nothing
  // once the message it pointed into is gone ("… and loves it" has a claim before it).
  if (DANGLING_OBJECT.test(text) && !/\b(?:and|but|because|since|so)\b|,/.test(text)) return "fragment";
  if (/\?\s*$/.test(text) || (WH_START.test(text) && !/^(?:what|how|when|where|why|which|who)\s+(?:user|the user)\b/i.test(text))) {
    return "question";
  }
  if (CORRECTION_META.test(text)) return "about_conversation";
  if (CONVERSATION.test(text) && !LASTING.test(text)) return "about_conversation";
  if ((TASK.test(text) && !LASTING.test(text)) || (IMPERATIVE.test(text) && !/^(?:remember|note|keep in mind)\b/i.test(text))) {
    return "task_request";
  }
  if (!options.hasExpiry && options.memoryType !== "note" && options.memoryType !== "episode") {
    if ((PASSING_STATE.test(text) || NOT_WELL.test(text)) && !LASTING.test(text)) return "passing_state";
    // "User switched to Hetzner this morning": a change made today lasts; "User is at the gym today" does not.
    if (RIGHT_NOW.test(text) && !LASTING.test(text) && options.memoryType !== "decision" && !CHANGE_MADE.test(text)) return "passing_state";
  }
  return null;
}
