import type { Term } from "./parse-sentences";

// Private matters that are never the user's to store about someone else.
const SENSITIVE = /\b(divorc\w*|pregnan\w*|debt|affair|cheat\w*|diagnos\w*|cancer|rehab|therapy|arrest\w*|fired|sick|illness|disease|depress\w*|addict\w*|miscarr\w*|surgery|medication|hiv|epilep\w*|diabet\w*|dementia|disorder|condition|adhd|autis\w*|bipolar|anxiety|suicid\w*|ivf|fertility|infertil\w*|abortion|breakdown|overdose|lawsuit|bankrupt\w*|salary|visa status|immigration)\b/i;
// Words that say a thing was passed on in confidence.
const CONFIDED = /\b(privately|in private|confided|confidentially|told me (that )?(he|she|they)|(his|her|their) (health|diagnosis|condition|salary))\b/i;
const RELATION = /\b(friend|wife|husband|partner|boyfriend|girlfriend|mom|mum|mother|dad|father|brother|sister|son|daughter|boss|manager|colleague|coworker|co-worker|neighbou?r|cousin|aunt|uncle|employee|report|teammate|one of them|someone|patients?|students?|pupils?|clients?|tenants?|staff|members?)\b/i;
const THIRD_PERSON = new Set(["he", "she", "him", "her", "his", "hers", "they", "them", "their"]);

/**
 * True when a piece of text tells someone else's private matter: a named person, a relative
 * or a "he/she" together with a diagnosis, a pregnancy, money trouble, or words that say it
 * was told in confidence. Such text is never written, even alongside the user's own facts.
 */
export function mentionsPrivateMatter(options: { text: string; terms: Term[] }): boolean {
  const { text, terms } = options;
  // A capitalised name mid-sentence that is not a place or an organisation is most likely a person.
  const named = (t: Term, i: number) => t.tags.has("Person") || t.tags.has("FirstName") || (i > 0 && /^[A-Z]/.test(t.text) && t.tags.has("ProperNoun") && !t.tags.has("Place") && !t.tags.has("Organization"));
  const someoneElse = RELATION.test(text) || terms.some((t, i) => named(t, i) || THIRD_PERSON.has(t.normal));
  if (!someoneElse) return false;
  return SENSITIVE.test(text) || CONFIDED.test(text);
}
