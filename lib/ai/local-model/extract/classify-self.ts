import { contentWords, has, hasDate, hedgeCount, NON_CONTENT, passingState, textOf, unresolvedPronoun } from "./clause-tests";
import {
  ABSTRACT_POSSESSIONS, ACQUAINTANCES, ANSWER_STYLE, TRAIT_WORDS, CHAT_THINGS, DECISION_VERBS, FOOD_AND_DRINK, CHOICE_PHRASES, SHORT_ILLNESSES, TASK_ARTIFACTS, CHOICE_VERBS, CONSUMPTION_VERBS, DEPENDENT_ACTIVITIES, EVENT_NOUNS, FAVOURITE, JUDGEMENT_FOR_ME, KIN, LASTING,
  LIFE_EVENT_VERBS, MOMENT, PETS, UNIVERSAL_KIN, PREFERENCE_IDIOMS, PREFERENCE_VERBS, WITHOUT_END,
} from "./lexicon";
import { joinTerms, type Term } from "./parse-sentences";
import { mapPronouns, phraseAboutUser, tidy, trimTail } from "./phrase-memory";
import type { ClauseReading } from "./read-clause";
import { readPredicate } from "./read-predicate";
import { keep, skip, type DraftMemory, type MemoryType, type MessageCues, type SentenceCues, type Verdict } from "./verdict";

// Verbs of saying, thinking and wanting: "I think …", "I want a recipe", "I heard that …" are not claims about the user.
const REPORTING = new Set(["find", "know", "think", "believe", "guess", "hear", "read", "wonder", "mean", "ask", "say", "tell", "realise", "realize", "notice", "suppose", "reckon", "bet", "hope", "wish", "want", "try", "forget", "remember", "agree", "understand", "see", "feel", "imagine", "doubt", "suspect", "promise", "swear", "expect", "appreciate", "care", "apologise", "apologize", "thank"]);
const WEAK_VERBS = new Set(["be", "have", "do", "get", "go", "make", "take", "feel", "seem", "look", "keep", "put", "let", "come", "give", "become"]);
// Verbs of getting, leaving and changing: in the "-ing" form with an object they are plans ("I'm getting a rescue cat").
const ACQUIRE = new Set(["get", "buy", "adopt", "take", "switch", "move", "start", "quit", "leave", "sell", "join", "drop", "go", "hire", "launch", "open", "close", "book", "change", "give", "cut", "defer", "accept", "sign", "enrol", "enroll", "register", "name", "call"]);
// Jobs of the moment: "I'm sorting my travel docs", "filling in the form" say what the user is busy with now.
const TASK_NOW = new Set(["sort", "fill", "pack", "clean", "tidy", "organise", "organize", "prepare", "fix", "check", "update", "cook", "finish", "look", "search", "browse", "watch", "draft", "edit", "review", "wait", "struggle", "type", "send", "run", "dream", "joke", "kid", "rant", "ramble", "vent", "procrastinate", "chill", "sit", "stand", "lie", "queue", "walk", "listen", "lounge", "relax", "hang", "shelter", "hide", "shop", "daydream", "wonder", "freeze", "hunt"]);
// Seeking something ("looking for a walk for Sunday", "shopping for headphones") is the errand of this
// chat whenever the thing sought is for: the date belongs to the thing, not to the user.
const SEEKING = new Set(["look", "search", "browse", "shop", "hunt"]);
// Life events told as a passive: "got married", "was diagnosed", "got promoted".
const EVENT_PARTICIPLES = new Set(["married", "engaged", "divorced", "promoted", "hired", "diagnosed", "adopted", "born", "raised", "baptised", "baptized", "elected", "accepted", "admitted", "qualified", "certified", "vaccinated", "retired", "made", "appointed", "based", "brought"]);
const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const FUTURE_TIME = new RegExp(
  String.raw`\b(next|tomorrow|soon|later this|at the end of|starting|in ${MONTH}|in (the )?(spring|summer|autumn|fall|winter|new year)|on ${DAY}|this (spring|summer|autumn|fall|winter|${MONTH})|from (next|the \d|${DAY}|${MONTH})|${MONTH}|${DAY}|after (christmas|easter|the summer|uni|graduation|i graduate))\b`,
  "i",
);
const COMPLAINT = /\b(blanking|drawing a blank|keeps? (\w+ )?\w+ing|(always|constantly|keep|often) (forget|lose|mix|get|blank|struggle|end up|burn|drop|break|miss|spill|mess|cut|hurt|oversleep|run late|trip|forget)|end(ed)? up \w+ing|(completely |totally )?blanked|blank on|(still|never) (can ?not|cannot|can't|manage|remember)|can never|(terrible|bad|hopeless|awful|rubbish) at remembering|never remember|always forget|mix (them|it|these|those|my \w+) up|got (that|it|the \w+) wrong|struggle to)\b/i;
// Habits a "not" still describes: "I don't eat meat", "I don't drive", "I've never smoked".
const NEGATABLE_HABITS = new Set(["eat", "drink", "smoke", "drive", "swim", "cook", "vape", "gamble", "fly", "wear", "celebrate", "watch", "read", "play", "own", "have", "speak", "use", "work", "live", "do", "take"]);
// Things one "has" that are not possessions: "no idea", "a feeling", "the chance".
const ABSTRACT_HAVINGS = new Set(["idea", "ideas", "clue", "chance", "choice", "excuse", "reason", "feeling", "sense", "urge", "craving", "heart", "guts", "nerve", "luck", "fun", "laugh", "chat", "conversation", "talk", "look", "think", "go", "try", "break", "rest", "nap", "shower", "sleep", "drink", "bite", "moment", "minute", "second", "day", "night", "week", "morning", "evening", "weekend"]);
// What happens to someone rather than what they choose: "I'm going to miss my train", "I'll forget".
const INVOLUNTARY = new Set(["miss", "forget", "lose", "fail", "die", "fall", "crash", "break", "hurt", "get", "end", "need", "run", "be", "have", "feel", "regret", "panic", "cry", "struggle", "suffer", "freeze", "melt", "burn", "drown", "starve"]);
const STUDIES = new Set(["degree", "masters", "master's", "phd", "doctorate", "course", "diploma", "apprenticeship", "a-levels", "gcses", "mba", "msc", "ba", "bsc", "ma", "pgce", "foundation", "internship", "placement", "residency", "training", "qualification", "certificate", "nvq", "btec"]);
const QUANTIFIERS = new Set(["all", "some", "any", "lots", "lot", "plenty", "loads", "bit", "enough", "much", "more", "most", "none", "half"]);
const CHILDHOOD = new Set(["child", "kid", "boy", "girl", "baby", "teenager", "teen", "young", "little", "small", "toddler", "youngster", "lad", "lass"]);
const DELIBERATION = new Set(["weigh", "discuss", "debate", "mull", "compare", "deliberate", "ponder", "research", "talk", "argue", "dither"]);

/** The user as they are: what they are, where they live, what they have, their health. */
function isIdentity(reading: ClauseReading, rest: Term[]): boolean {
  const lemma = reading.verb?.lemma ?? "";
  // "doing a nursing degree", "taking an Open University course": a course of study is who the user is for now.
  if (["do", "take", "start", "finish", "complete"].includes(lemma) && has(rest.slice(0, 5), STUDIES)) return true;
  if (["live", "work", "teach", "study", "speak", "come", "grow", "bear", "marry", "move", "own", "run", "manage", "volunteer", "coach", "maintain", "host", "use", "play", "bank", "freelance", "lead"].includes(lemma)) return true;
  if (lemma === "have") return has(rest, KIN) || has(rest, PETS) || /\b(allerg|diabet|intoleran|disorder|condition|adhd|autis|asthma|arthritis|type [12])/i.test(textOf(rest));
  if (lemma === "be") return contentWords(rest).length > 0 && !passingState(rest) && readPredicate(rest) !== "unclear";
  return reading.verb?.passive === true && EVENT_PARTICIPLES.has(reading.verb.main.normal);
}

function isPreference(reading: ClauseReading, rest: Term[], clauseText: string): boolean {
  const verb = reading.verb!;
  // "I'd like a recipe", "I'd love to come": asking for something now, not a taste.
  if (PREFERENCE_VERBS.has(verb.lemma) && !(verb.modal === "would" && ["like", "love"].includes(verb.lemma) && (rest[0]?.normal === "to" || rest[0]?.tags.has("Determiner")))) return true;
  if (PREFERENCE_IDIOMS.test(clauseText)) return true;
  if (verb.lemma === "be" && rest.some((t, i) => t.normal === "into" && rest.slice(0, i).every((w) => w.tags.has("Adverb") || w.tags.has("Negative") || w.normal === "not"))) return true;
  if (has(rest, FAVOURITE)) return true;
  // "I always want an aisle seat", "I never take night flights": a choice made every time is a taste.
  if (!verb.past && !verb.perfect && !verb.modal && /\b(always|never|usually|only ever) (want|get|ask for|order|book|pick|choose|go for|take|sit)\b/.test(clauseText) && rest[0]?.normal !== "to" && contentWords(rest).length > 0) return true;
  // "I take oat milk in my coffee", "I drink my tea black": what the user has in their food and drink, by habit.
  if (["take", "drink", "have", "use", "eat"].includes(verb.lemma) && !verb.negated && !verb.past && !verb.perfect && !verb.progressive && !verb.modal && !verb.future && has(rest, FOOD_AND_DRINK)) return true;
  // "can't study without brown noise": depending on a thing is wanting it.
  if (verb.negated && verb.modal === "can" && DEPENDENT_ACTIVITIES.has(verb.lemma) && rest.some((t) => t.normal === "without")) return true;
  // "olives I could eat by the jar", "could listen to it all day".
  if (verb.modal === "could" && CONSUMPTION_VERBS.has(verb.lemma) && WITHOUT_END.test(clauseText)) return true;
  // "I find country music unbearable": the user's own judgement of a thing (not a comparison, which explains).
  if (verb.lemma === "find" && rest.length >= 2 && rest.at(-1)!.tags.has("Adjective") && !rest.some((t) => t.tags.has("Comparative") || /er$/.test(t.normal))) return true;
  // "I'd choose Linux over Windows every time", "I'd take trails any day".
  if (verb.modal === "would" && ["choose", "pick", "take", "go", "have"].includes(verb.lemma) && /\b(over|any day|every (single )?time|anytime|any time)\b/.test(clauseText)) return true;
  // "I'll always pick a train over a plane": a choice promised for every time is a taste, not a plan.
  if (verb.future && ["choose", "pick", "take", "go", "have", "book", "use"].includes(verb.lemma) && /\b(always|every (single )?time|any day|anytime|any time)\b/.test(clauseText)) return true;
  return JUDGEMENT_FOR_ME.test(clauseText) && /\b(me|i|my)\b/.test(clauseText);
}

function isDecision(reading: ClauseReading, rest: Term[], clauseText: string, timeText: string, cues: MessageCues): boolean {
  const verb = reading.verb!;
  const planned = verb.future || verb.past || verb.perfect || verb.progressive || verb.passive;
  if (["decide", "choose"].includes(verb.lemma) && !verb.negated && verb.modal !== "would") return true;
  // "moved (over) to Manchester in 2015" is where the user lives; "moved over to Monzo" is a switch.
  const relocation = verb.lemma === "move" && rest.some((t) => t.tags.has("Place"));
  // "we're not going ahead with the extension": turning something down is not a choice to remember.
  if (verb.negated && CHOICE_PHRASES.test(clauseText) && !["decide", "choose"].includes(verb.lemma)) return false;
  if ((CHOICE_VERBS.has(verb.lemma) || CHOICE_PHRASES.test(clauseText)) && planned && !(relocation && !verb.future && !verb.progressive)) return true;
  // "the band's settled on Notion", "we're set on Postgres": the choice as a state.
  if (verb.lemma === "be" && CHOICE_PHRASES.test(clauseText)) return true;
  if (/\b(leaning|thinking (about|of)|considering)\b/.test(clauseText) && verb.progressive) return true;
  if (verb.lemma === "be" || (verb.lemma === "have" && !verb.progressive)) return false;
  // "we're using MongoDB for the analytics service": a team's tool in use is a choice made.
  if (reading.team && verb.progressive && ["use", "run", "build", "deploy", "host"].includes(verb.lemma)) return true;
  // A plan: "will", "going to", or "-ing" with a time ahead, an object to get, or a word that it is settled.
  if (verb.future && !["be", "have", "need", "know", "like", "love"].includes(verb.lemma) && !INVOLUNTARY.has(verb.lemma)) return true;
  // "Decision taken: I buy the Nissan Leaf": a choice verb in the present, in a message that says it is settled.
  if (cues.committed && DECISION_VERBS.has(verb.lemma) && !verb.negated && !verb.past && !verb.modal && !verb.perfect && contentWords(rest).length > 0) return true;
  const ahead = FUTURE_TIME.test(timeText) && !/\bnow\b/.test(timeText);
  const acquires = ACQUIRE.has(verb.lemma) && (["a", "an", "the", "my", "our", "this", "that", "some"].includes(rest[0]?.normal ?? "") || rest[0]?.tags.has("ProperNoun") === true || rest[0]?.tags.has("Preposition") === true);
  if (verb.progressive && !verb.past && (ahead || acquires || (cues.committed && !/\bnow\b/.test(clauseText)))) return true;
  return verb.modal !== null && ["might", "may"].includes(verb.modal) && ACQUIRE.has(verb.lemma);
}

/** An event past and done ("emailed my tutor", "got tested"): not who the user is, unless it changed their life. */
function episodicPast(reading: ClauseReading, rest: Term[], clauseText: string): boolean {
  const verb = reading.verb!;
  if (!verb.past || verb.perfect || verb.former || verb.lemma === "be") return false;
  if (LIFE_EVENT_VERBS.has(verb.lemma) || CHOICE_VERBS.has(verb.lemma) || CHOICE_PHRASES.test(clauseText) || (verb.passive && EVENT_PARTICIPLES.has(verb.main.normal))) return false;
  // "finished my PhD", "passed my driving test": a step of education or career, not just an event.
  if (["finish", "complete", "pass"].includes(verb.lemma) && /\b(degree|phd|masters|doctorate|exam|exams|course|school|uni|university|college|training|apprenticeship|test|qualification|a levels|gcses)\b/.test(clauseText)) return false;
  if (verb.lemma === "have" && (has(rest, KIN) || has(rest, PETS))) return false;
  return !LASTING.test(clauseText) && !/\b(since|for \d+|for (two|three|four|five|six|ten|many|several) (years|months))\b/.test(clauseText) && !/\b\d{4}\b/.test(clauseText);
}

const timeOf = (reading: ClauseReading, clauseText: string) => `${textOf(reading.leads.frame)} ${clauseText}`;

/** Why a clause about the user is not a memory, or null when it is one. */
function reasonToSkip(reading: ClauseReading, cues: MessageCues, sentence: SentenceCues, preference: boolean, identity: boolean, plan: boolean): string | null {
  const verb = reading.verb!;
  const rest = reading.rest;
  const lemma = verb.lemma;
  const clauseText = textOf(reading.body);
  if (reading.subject === "we" && DELIBERATION.has(lemma)) return "deliberation";
  if (verb.obligation && !reading.leads.explicit) return "obligation";
  if (COMPLAINT.test(clauseText)) return "complaint";
  // "pulled the trigger", "made up my mind", "took the plunge": that a choice was made, with nothing chosen.
  if (/\b(pull(ed)? the trigger|made up (my|our) minds?|take|took|taken) the plunge|bit(e)? the bullet|made (my|the|a) (choice|decision)\b/.test(clauseText)) return "commitment idiom";
  if (verb.negated && CHOICE_PHRASES.test(clauseText) && !["decide", "choose"].includes(lemma)) return "turned down";
  if (verb.modal && ["would", "could"].includes(verb.modal) && !preference && !/\bcould be\b/.test(clauseText)) return "conditional";
  // "I'm having a rough week": a stretch of the moment.
  if (lemma === "have" && /^(a |such a |such )?(\w+ )?(rough|bad|hard|tough|great|good|lovely|terrible|awful|long|busy|stressful|crazy|mad) (day|week|time|night|morning|month|year|weekend)\b/.test(textOf(rest))) return "the moment";
  if (REPORTING.has(lemma) && !preference && !CHOICE_PHRASES.test(clauseText)) return "reporting or wanting";
  if (lemma === "need" && !verb.negated) return "request";
  // "I got tested", "I've never been tested": an event with nothing in it; "I'm partially sighted" is a state.
  const eventPassive = verb.passive && (verb.perfect || reading.body.slice(verb.at, verb.end).some((t) => /^(get|got|gets|getting|gotten)$/.test(t.normal)));
  if (eventPassive && contentWords(rest).length === 0 && !EVENT_PARTICIPLES.has(verb.main.normal)) return "empty passive";
  // "I've got a stinking cold": an illness that passes.
  if (["have", "get"].includes(lemma) && SHORT_ILLNESSES.test(textOf(rest)) && !/\b(chronic|always|every)\b/.test(clauseText)) return "passing state";
  if (lemma === "have" && /\b(no|not|little|much|enough) time\b|\btime for\b/.test(clauseText)) return "time";
  const state = verb.passive ? [verb.main, ...rest] : rest;
  if ((["be", "get", "feel", "become", "seem"].includes(lemma) || verb.passive) && passingState(state) && !/\b(allergic|intolerant|vegetarian|vegan)\b/.test(clauseText)) return "passing state";
  // "I handed in my resignation today": a choice made today still stands; "going to the gym tonight" does not.
  const madeChoice = (verb.past || verb.perfect) && (CHOICE_VERBS.has(lemma) || CHOICE_PHRASES.test(clauseText));
  // "I moved to Berlin last night" is still where the user lives; "I'm in Leeds this weekend" is not.
  const lifeEvent = verb.past && LIFE_EVENT_VERBS.has(lemma) && !["get", "have"].includes(lemma);
  // "doing a nursing degree at uni rn": a course of study is not over by tonight.
  const studying = has(rest.slice(0, 5), STUDIES) && ["do", "take", "study"].includes(lemma);
  if (MOMENT.test(`${textOf(reading.leads.frame)} ${clauseText}`) && !cues.expiring && !madeChoice && !lifeEvent && !studying) return "the moment";
  const now = /\b(now|right now)\b/.test(clauseText.replace(/\bfrom now on\b/g, ""));
  if (verb.progressive && !verb.future && (sentence.moment || now) && !cues.expiring && !identity && !plan) return "the moment";
  // "sorting my travel docs", "using GPT to tag coral photos": what the user is busy with, not who they are.
  const artifact = ["write", "make", "prepare", "draft", "put"].includes(lemma) && rest.slice(0, 4).some((t) => TASK_ARTIFACTS.has(t.normal));
  if (verb.progressive && (TASK_NOW.has(lemma) || artifact || (lemma === "use" && /\bto \w+/.test(textOf(rest)))) && (!FUTURE_TIME.test(clauseText) || SEEKING.has(lemma))) return "busy now";
  // "I'm practising", "I'm cooking": an activity with nothing more said is what the user is doing now.
  if (verb.progressive && !verb.future && rest.length === 0 && !identity) return "busy now";
  if (verb.perfect && verb.negated && /\bin (like )?(a|ages|weeks|months|days|\w+ (days|weeks|months))\b/.test(clauseText)) return "recent stretch";
  if (verb.perfect && verb.progressive && /\b(this (week|month|year)|lately|recently)\b/.test(clauseText)) return "recent stretch";
  // "still getting to know the team", "getting used to the hours": settling in, not yet a fact.
  if (verb.progressive && (/\bstill\b/.test(clauseText) || /\b(getting (to know|used to)|settling in|finding (my|our) feet|figuring out)\b/.test(clauseText))) return "in progress";
  if (/\b(about |almost |nearly )?(halfway|partway|half way) (through|there|done)\b|\b(almost|nearly) (done|finished|there)\b/.test(clauseText)) return "in progress";
  // "I only have 20 minutes": an amount of time or money right now.
  if (["have", "get"].includes(lemma) && rest.length > 0 && rest.every((t) => t.tags.has("Value") || t.tags.has("Duration") || t.tags.has("Date") || t.tags.has("Adverb") || t.tags.has("Determiner") || ["minutes", "hours", "mins", "seconds", "quid", "pounds", "dollars", "euros", "left"].includes(t.normal))) return "the moment";
  // "I have a question about hooks", "I got an error": things of this chat.
  if (["have", "get", "hit", "find"].includes(lemma) && rest.some((t) => CHAT_THINGS.has(t.normal)) && ["a", "an", "some", "this", "the", "another"].includes(rest[0]?.normal ?? "")) return "chat";
  if (episodicPast(reading, rest, clauseText)) return "episode";
  // "I love this app", "I hate this chat": about the assistant, not the user's life.
  if (/^(this|the|your) (app|chat|conversation|bot|assistant|tool|thread|service|answer|reply)\b|^you\b/.test(textOf(rest))) return "about the chat";
  // "I'm going to Madrid next week", "off to Leeds tomorrow": a trip soon, not a choice about the user's life.
  if (lemma === "go" && !verb.past && rest.some((t) => t.tags.has("Place")) && /\b(tomorrow|tonight|this (week|weekend|evening|afternoon|morning)|next week(end)?|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|for the (weekend|day|night))\b/.test(timeOf(reading, clauseText)) && !/\b(for good|to live|permanently)\b/.test(clauseText)) return "trip";
  // "I'm going to miss my train", "I'll panic": what will happen, not a plan the user made.
  if (verb.future && !plan && !preference) return "future event";
  // "I change my mind", "I got mixed up": about what was said in this chat.
  if (/\b(change|changed|changing|make|made) (up )?(my|our) minds?\b|\bmixed (that|it|them) up\b|\bhad (that|it) (backwards|wrong)\b/.test(clauseText) && contentWords(rest.filter((t) => t.normal !== "mind")).length === 0) return "about the chat";
  // "I've just had a long chat with …": a moment ago; a move or a choice made just now still stands.
  if (verb.perfect && /\bjust\b/.test(textOf(reading.body.slice(verb.at, verb.end))) && !LIFE_EVENT_VERBS.has(lemma) && !CHOICE_VERBS.has(lemma) && !plan && !CHOICE_PHRASES.test(clauseText)) return "just now";
  // "got all this time and no idea what to do", "have no energy": what the user has in the abstract.
  const firstThing = rest.find((t) => t.tags.has("Noun") && !t.tags.has("Pronoun") && !QUANTIFIERS.has(t.normal));
  if (["have", "get"].includes(lemma) && firstThing && (ABSTRACT_POSSESSIONS.has(firstThing.normal) || ABSTRACT_HAVINGS.has(firstThing.normal)) && !has(rest, KIN) && !has(rest, PETS)) return "abstract";
  // "I can't get going", "I don't need advice": saying what is not so is rarely who the user is, unless it is a habit ("I don't eat meat").
  if (verb.negated && !preference && !plan && !identity && !NEGATABLE_HABITS.has(lemma)) return "negated";
  // "since I was a small boy", "when I was a teenager": a time in the user's life, not a claim.
  if (lemma === "be" && ["since", "when", "as"].includes(reading.clause.linkedBy || reading.clause.terms[0]?.normal || "") && rest.some((t) => CHILDHOOD.has(t.normal) || t.tags.has("Value"))) return "time frame";
  // "I'm still in bits", "I'm on the lock-up on Friday": only a role, trait, origin, place or field is who the user is.
  if (lemma === "be" && !verb.passive && !verb.progressive && !preference && !plan && !reading.team && !cues.expiring && readPredicate(rest) === "unclear") return "unclear state";
  // "haven't for about eight years": an auxiliary standing in for a verb said before.
  const after = rest.filter((t) => !["not", "never"].includes(t.normal));
  if (["have", "do"].includes(lemma) && (after.length === 0 || after[0]!.tags.has("Preposition") || after[0]!.tags.has("Adverb"))) return "elliptical";
  // "I'm the only one who knows": a pro-form says nothing.
  const firstNoun = rest.find((t) => t.tags.has("Noun") || NON_CONTENT.has(t.normal));
  const valued = rest.some((t) => (t.tags.has("Value") || t.tags.has("Adjective")) && !NON_CONTENT.has(t.normal) && t.normal !== "only");
  if (lemma === "be" && (!firstNoun || (NON_CONTENT.has(firstNoun.normal) && !/^[A-Z]{2}/.test(firstNoun.text))) && !valued && !passingState(rest) && readPredicate(rest) === "unclear") return "pro-form";
  // "I'm hopeless at this stuff": what "this stuff" is, the clause does not say.
  if (/\b(this|that|these|those) (stuff|thing|things|kind of thing|sort of thing|lot)\b/.test(textOf(rest))) return "vague";
  const indefinite = rest.findIndex((t) => ["anything", "everything", "something", "nothing", "whatever"].includes(t.normal));
  if (indefinite >= 0 && !rest.slice(indefinite + 1).some((t) => t.tags.has("Noun") && !t.tags.has("Pronoun")) && !preference) return "vague";
  if (contentWords(rest).length === 0 && !reading.fronted && WEAK_VERBS.has(lemma) && !EVENT_PARTICIPLES.has(verb.main.normal)) return "empty";
  return null;
}

/**
 * Decides whether a clause about the user (I, we, or an implied "I") is a memory, and of which
 * kind: preference (liking, wanting things a certain way), decision (a choice made or a plan
 * committed to), note (a dated item), or fact (who the user is and what their life holds).
 */
function classifyClaim(reading: ClauseReading, cues: MessageCues, sentence: SentenceCues): Verdict {
  const verb = reading.verb;
  const clauseText = textOf(reading.body);
  // "I'd rather you never suggest PayPal": how the user wants the assistant to act.
  const ratherYou = /^i (would|had) (much |really |far )?rather (you|that you|the assistant)\b/.exec(clauseText);
  if (ratherYou) {
    const after = reading.body.slice(ratherYou[0].split(" ").length - 1);
    return keep({ content: tidy(`User prefers ${mapPronouns(trimTail(after))}`), type: "preference", importance: 0.8, standing: true, pronoun: unresolvedPronoun(after.slice(2)) });
  }
  if (!verb) return skip("no verb");
  const timeText = `${textOf(reading.leads.frame)} ${clauseText}`;
  // "I'd appreciate it if all your answers were under 100 words": a request put politely.
  const polite = /\b(would|could) (appreciate|like|love|prefer) it if\b|\b(want|would like) you to\b/.exec(clauseText);
  if (polite) {
    const after = reading.body.slice(clauseText.slice(0, polite.index + polite[0].length).split(" ").length);
    const wanted = /you to$/.test(polite[0]) ? `User wants the assistant to ${mapPronouns(trimTail(after))}` : `User prefers that ${mapPronouns(trimTail(after))}`;
    return LASTING.test(sentence.text) || has(reading.body, ANSWER_STYLE) ? keep({ content: tidy(wanted), type: "preference", importance: 0.8, standing: true }) : skip("request");
  }
  // "I've made the decision to go part-time", "I take the decision to sell my Civic": the choice said as a noun.
  const decisionNoun = /^(i|we) (\w+ )?(have |had |finally |just )*(take|took|taken|make|made|making|taking|reach|reached) (the|a|my|our) (final |big |hard |tough )?(decision|choice|call) to (?=\w)/.exec(clauseText);
  if (decisionNoun && !verb.negated && !verb.modal) {
    const after = reading.body.slice(decisionNoun[0].trim().split(" ").length);
    return keep({ content: tidy(`User has decided to ${mapPronouns(trimTail(after))}`), type: "decision", importance: 0.8, hedged: hedgeCount(reading) > 0 || sentence.undecided });
  }
  let rest = reading.rest;
  const preference = isPreference(reading, rest, clauseText);
  const identity = isIdentity(reading, rest);
  const plan = !preference && !cues.expiring && isDecision(reading, rest, clauseText, timeText, cues);
  const reason = reasonToSkip(reading, cues, sentence, preference, identity, plan);
  if (reason) return skip(reason);
  // "quick q, is satay made with peanuts? I'm allergic": the complement is the thing just asked about.
  if (verb.lemma === "be" && rest.length === 1 && ["allergic", "intolerant", "addicted"].includes(rest[0]!.normal)) {
    return keep({ content: `${phraseAboutUser(reading)} to it`, type: "fact", importance: 0.8, hedged: hedgeCount(reading) > 0, identity: true, pronoun: { ...rest[0]!, text: "it", normal: "it" } });
  }
  let pronoun = unresolvedPronoun(rest.filter((t) => t.normal !== "there"));
  // "I'm an analyst on her team" after "my manager told me …": "her" is that person, and the claim is the user's.
  if (pronoun && ["her", "his", "their"].includes(pronoun.normal) && cues.someoneElse && rest[rest.indexOf(pronoun) + 1]?.tags.has("Noun")) pronoun = null;
  let type: MemoryType = "fact";
  if (preference) type = "preference";
  else if (["decide", "choose"].includes(verb.lemma)) type = "decision";
  else if (plan) type = "decision";
  // "I have a dentist appointment on 12 May", "I'm going for my cataract operation on 12 December": a dated event.
  if (["have", "go", "attend", "get", "be"].includes(verb.lemma) && hasDate(rest) && has(rest, EVENT_NOUNS) && type !== "preference") type = "note";
  if (pronoun && type !== "preference" && type !== "decision") return skip("pronoun");
  // "I upgraded last weekend", "finally made up my mind": a choice with nothing chosen says nothing.
  if (type === "decision" && contentWords(rest).length === 0 && !pronoun) return skip("choice without object");
  let hedges = hedgeCount(reading);
  if (type === "decision" && sentence.undecided) hedges++;
  // "I'm not sure, maybe, I think I might …": too vague to even propose.
  if (hedges >= 4) return skip("too vague");
  const strong = ["love", "hate", "adore", "despise", "loathe"].includes(verb.lemma) || /allerg/.test(clauseText);
  const base = { decision: 0.8, fact: identity ? 0.8 : 0.6, preference: 0.55, note: 0.5 }[type];
  rest = stripExpiryWords(rest, cues);
  // "a carer for my husband who has MS": what is said of the other person is theirs, not the user's.
  const relative = rest.findIndex((t, i) => i > 0 && (["who", "whose"].includes(t.normal) || (t.normal === "that" && (KIN.has(rest[i - 1]!.normal) || ACQUAINTANCES.has(rest[i - 1]!.normal)))));
  if (relative > 0) rest = rest.slice(0, relative);
  return keep({
    content: phraseAboutUser(reading, rest),
    type,
    importance: Math.min(1, base + (strong ? 0.1 : 0)),
    hedged: hedges > 0,
    identity: type === "fact" && identity,
    pronoun: pronoun && (type === "preference" || type === "decision") ? pronoun : null,
  });
}

/** Words of the expiry frame are not part of the claim: the expiry itself is stored apart. */
export function stripExpiryWords(rest: Term[], cues: MessageCues): Term[] {
  if (!cues.expiring) return rest;
  const at = rest.findIndex((t, i) => ["until", "till", "through", "thru"].includes(t.normal) || (t.normal === "for" && ["this", "the"].includes(rest[i + 1]?.normal ?? "") && /week|month|day/.test(rest[i + 2]?.normal ?? "")) || (t.normal === "this" && /^(week|weekend)$/.test(rest[i + 1]?.normal ?? "")));
  return at > 0 ? rest.slice(0, at) : rest;
}

/** "I'm a retired engineer, 72 years old", "im 34, married, two kids": one "am" with a list of what the user is, one memory each. */
function predicateList(reading: ClauseReading, memory: DraftMemory): Verdict[] {
  const verb = reading.verb;
  // "I am retired engineer, 72 years old": "retired" read as a passive is the first item.
  const statePassive = verb?.passive === true && !verb.perfect && TRAIT_WORDS.has(verb.main.normal);
  if (!verb || (verb.lemma !== "be" && !statePassive) || verb.negated || (verb.past && !statePassive) || verb.progressive || reading.subject !== "self") return [];
  const pieces: Term[][] = [[]];
  for (const t of statePassive ? [verb.main, ...reading.rest] : reading.rest) {
    if (t.normal === "and" && pieces.at(-1)!.length === 0) continue;
    pieces.at(-1)!.push(t);
    if (/,/.test(t.post)) pieces.push([]);
  }
  const items = pieces.filter((p) => p.length > 0);
  if (items.length < 2) return [];
  const counted = (p: Term[]) => p[0]!.tags.has("Value") && p.length <= 3 && (KIN.has(p.at(-1)!.normal) || UNIVERSAL_KIN.has(p.at(-1)!.normal) || PETS.has(p.at(-1)!.normal));
  if (!items.every((p) => counted(p) || readPredicate(p) !== "unclear")) return [];
  return items.map((p) => keep({ ...memory, content: counted(p) ? tidy(`User has ${mapPronouns(p)}`) : tidy(`User is ${mapPronouns(trimTail(p))}`) }));
}

/** A claim about the user, and the side facts it carries: "here in Rotterdam", "a teacher with type 1 diabetes". */
export function classifySelf(reading: ClauseReading, cues: MessageCues, sentence: SentenceCues): Verdict[] {
  const verdict = classifyClaim(reading, cues, sentence);
  if (!verdict.keep || verdict.memory.type !== "fact") return [verdict];
  const listed = predicateList(reading, verdict.memory);
  if (listed.length > 0) return listed;
  const rest = reading.rest;
  const memory = verdict.memory;
  const out: Verdict[] = [verdict];
  // "I cycle to work here in Rotterdam", "a freelance illustrator based in Lisbon": where the user is, said in passing, is a fact of its own.
  // "I work as a software engineer in Bangalore": the place of a job is where the user is based.
  const job = reading.verb?.lemma === "work" && rest[0]?.normal === "as";
  const here = rest.findIndex((t, i) => (["here", "based", "living"].includes(t.normal) || (job && t.tags.has("Noun") && rest.slice(1, i).every((w) => !w.tags.has("Preposition")))) && i > 0 && rest[i + 1]?.normal === "in" && rest[i + 2]?.tags.has("Place"));
  if (here >= 0 && reading.verb?.lemma !== "live") {
    const place = rest.slice(here + 2).filter((t, i, all) => i === 0 || (all[i - 1]!.tags.has("Place") && t.tags.has("Place")));
    out.push(keep({ content: `User lives in ${joinTerms(place)}`, type: "fact", importance: 0.8, hedged: memory.hedged, identity: true }));
  }
  // "a music teacher from Galway": where the user comes from is a fact of its own.
  const from = rest.findIndex((t, i) => t.normal === "from" && i > 1 && rest[i + 1]?.tags.has("Place") && rest.slice(0, i).some((w) => w.tags.has("Noun")));
  if (from >= 0 && reading.verb?.lemma === "be") {
    const place = rest.slice(from + 1).filter((t, i, all) => i === 0 || (all[i - 1]!.tags.has("Place") && t.tags.has("Place")));
    out.push(keep({ content: `User is from ${joinTerms(place)}`, type: "fact", importance: 0.8, hedged: memory.hedged, identity: true }));
  }
  // "I live with my partner and her two kids in Cardiff": where the user lives, and who with, are two claims.
  const withAt = reading.verb?.lemma === "live" ? rest.findIndex((t) => t.normal === "with") : -1;
  const inAt = rest.findIndex((t, i) => i > withAt && t.normal === "in" && rest[i + 1]?.tags.has("Place"));
  if (withAt === 0 && inAt > 1 && !reading.verb?.past) {
    const place = rest.slice(inAt + 1).filter((t, i, all) => i === 0 || (all[i - 1]!.tags.has("Place") && t.tags.has("Place")));
    return [keep({ ...memory, content: `User lives in ${joinTerms(place)}` }), keep({ ...memory, content: phraseAboutUser(reading, rest.slice(0, inAt)) })];
  }
  // "I'm a chemistry teacher with type 1 diabetes": what the user is, and what they have.
  const hasAt = rest.findIndex((t, i) => t.normal === "with" && i > 1 && rest.slice(0, i).some((w) => w.tags.has("Noun")));
  if (reading.verb?.lemma === "be" && ["a", "an"].includes(rest[0]?.normal ?? "") && hasAt > 0 && contentWords(rest.slice(hasAt + 1)).length > 0 && !rest.slice(0, hasAt).some((t) => /,/.test(t.post))) {
    return [keep({ ...memory, content: phraseAboutUser(reading, rest.slice(0, hasAt)) }), keep({ ...memory, content: tidy(`User has ${mapPronouns(trimTail(rest.slice(hasAt + 1)))}`) })];
  }
  return out;
}
