import { NON_CONTENT, passingState } from "./clause-tests";
import { GROUPS, ONGOING_REGIMES, PASSING_STATES, TRAIT_WORDS, WORK_FIELDS } from "./lexicon";
import type { Term } from "./parse-sentences";

/**
 * What "I am …" says of the user, by the shape of what follows "am":
 * - role: a noun phrase ("a nurse", "the treasurer of our choir", ESL "software engineer")
 * - trait: a lasting adjective ("vegan", "left-handed", "allergic to …", "fluent in …", "Irish")
 * - origin: "from Lagos"; place: "(up) in Aberdeen", "based in Leeds"
 * - field: "in marketing", "in IT"; member: "in our parish choir"; regime: "on insulin", "on a keto diet";
 *   platform: "on Azure", "on Android"; age: "34", "in my forties"
 * - unclear: anything else ("in bits", "on the lock-up on Friday", "awake at weird hours"), which
 *   is more often a state of the moment than a trait, so it is not written.
 */
export type PredicateKind = "role" | "trait" | "origin" | "place" | "field" | "member" | "regime" | "platform" | "age" | "unclear";

const LEADING = new Set(["literally", "also", "still", "now", "currently", "originally", "actually", "really", "very", "quite", "totally", "fully", "basically", "technically", "officially", "proudly", "happily", "both", "just"]);
const PARTICLES = new Set(["up", "down", "over", "out", "back", "here", "now", "currently", "still"]);
// Noun heads that say how the user is doing, not who they are: "a mess", "a wreck", "a bit …".
const STATE_NOUNS = new Set(["mess", "wreck", "state", "nightmare", "disaster", "zombie", "bit", "little", "lot", "fan", "sucker", "way", "loss", "hurry", "rush", "mood", "pain", "joke"]);

const isPlace = (t: Term | undefined) => t !== undefined && (t.tags.has("Place") || (t.tags.has("ProperNoun") && /^[A-Z]/.test(t.text) && !t.tags.has("Person")));

/** The kind of claim "I am <rest>" makes about the user. */
export function readPredicate(input: Term[]): PredicateKind {
  let i = 0;
  while (i < input.length && LEADING.has(input[i]!.normal)) i++;
  // "a bit of a night owl", "kind of a neat freak": the hedge on the noun is not the noun.
  const hedged = /^(a )?(bit|little|kind|sort) of (a|an) /.exec(input.slice(i).map((t) => t.normal).join(" "));
  if (hedged) i += hedged[0].trim().split(" ").length - 1;
  const rest = input.slice(i);
  const first = rest[0];
  if (!first || passingState(rest)) return "unclear";
  const words = rest.map((t) => t.normal);
  const text = words.join(" ");
  if (first.normal === "from" && (isPlace(rest[1]) || rest[1]?.tags.has("Noun"))) return "origin";
  // "born in 1990", "raised in Lagos", "brought up by my gran": where a life began.
  if (["born", "raised", "brought", "bred", "adopted", "baptised", "baptized", "married", "divorced", "widowed", "engaged", "retired", "based"].includes(first.normal)) return "trait";
  // "based in Leeds", "(up) in Aberdeen now", "near Bristol".
  let at = 0;
  while (at < rest.length && PARTICLES.has(rest[at]!.normal)) at++;
  if (["in", "near", "outside"].includes(rest[at]?.normal ?? "") && isPlace(rest[at + 1])) return "place";
  if (first.normal === "based" && rest[1]?.normal === "in") return "place";
  if (first.normal === "in") {
    const next = rest[1];
    if (next && (WORK_FIELDS.has(next.normal) || (next.tags.has("Gerund") && !["the", "a"].includes(next.normal) && rest.length <= 3))) return "field";
    if (rest.slice(1, 5).some((t) => GROUPS.has(t.normal)) && ["a", "the", "my", "our", "this", "that"].includes(next?.normal ?? "")) return "member";
    if (/^in (my|their) (teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|late|early|mid)\b/.test(text)) return "age";
    return "unclear";
  }
  if (first.normal === "on" && rest.slice(1, 4).some((t) => ONGOING_REGIMES.has(t.normal))) return "regime";
  if (first.normal === "on" && rest[1]?.tags.has("ProperNoun") && !rest[1].tags.has("Date") && !rest[1].tags.has("Person") && !rest[1].tags.has("Place")) return "platform";
  if (first.tags.has("Value") && (rest.length === 1 || /^\d+ (years? old|yo|y\/o|and a half)\b/.test(text) || /^[a-z-]+ years? old\b/.test(text))) return "age";
  // Adjectives of lasting traits, alone or heading a phrase: "allergic to shellfish", "type 1 diabetic".
  const trait = rest.findIndex((t) => TRAIT_WORDS.has(t.normal) || TRAIT_WORDS.has(t.normal.replace(/-/g, "")) || t.tags.has("Demonym"));
  if (trait >= 0 && trait <= 3 && rest.slice(0, trait).every((t) => t.tags.has("Adverb") || t.tags.has("Value") || t.tags.has("Adjective") || t.tags.has("Hyphenated") || ["a", "an", "type", "severely", "mildly", "very"].includes(t.normal))) return "trait";
  // "left-handed", "self-employed", "hard of hearing".
  if (/^(left|right)[- ]?handed\b|^(self|un)[- ]?employed\b|^hard of hearing\b|^partially sighted\b|^colou?r ?blind\b|^lactose intolerant\b/.test(text)) return "trait";
  // A noun phrase: "a nurse", "the treasurer", "one of the churchwardens", ESL "software engineer".
  const np = ["a", "an", "the", "one"].includes(first.normal) || first.tags.has("Noun") || first.tags.has("Adjective");
  if (np) {
    // The head noun; after an article the tagger may call it an adjective ("a paramedic").
    const nounHead = rest.find((t, k) => t.tags.has("Noun") && !t.tags.has("Pronoun") && !t.tags.has("Date") && !(k === 0 && first.tags.has("Adjective") && !first.tags.has("Noun")));
    const phraseEnd = rest.findIndex((t, k) => k > 0 && (t.tags.has("Preposition") || t.tags.has("Conjunction") || /[,;]/.test(rest[k - 1]!.post)));
    const head = nounHead ?? (["a", "an", "the"].includes(first.normal) ? rest[(phraseEnd > 0 ? phraseEnd : rest.length) - 1] : undefined);
    if (!head || NON_CONTENT.has(head.normal) || STATE_NOUNS.has(head.normal) || PASSING_STATES.has(head.normal)) return "unclear";
    if (!["a", "an", "the", "one"].includes(first.normal) && !first.tags.has("Noun") && !rest.some((t) => t.tags.has("Actor"))) return "unclear";
    if (!head.tags.has("Noun") && (head.tags.has("Adverb") || head.tags.has("Verb") || PASSING_STATES.has(head.normal))) return "unclear";
    return "role";
  }
  return "unclear";
}
