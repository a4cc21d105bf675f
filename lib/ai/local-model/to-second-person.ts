import nlp from "compromise";

const PRONOUNS: Record<string, string> = {
  their: "your",
  they: "you",
  them: "you",
  themselves: "yourself",
  theirs: "yours",
  user: "you",
  "user's": "your",
};
const AUX: Record<string, string> = { is: "are", was: "were", has: "have", does: "do" };

const methods = nlp.methods() as { two: { transform: { verb: { toInfinitive: (w: string, m: unknown, tense?: string) => string } } } };
const model = nlp.model();

/**
 * Turns a stored third-person memory back into words for the user: "User lives in Berlin" →
 * "you live in Berlin", "User's favourite language is Rust" → "your favourite language is Rust".
 */
export function toSecondPerson(content: string): string {
  const text = content.trim().replace(/[.!]+$/, "");
  const match = text.match(/^User(?:'s)?\b\s*(and their \S+)?\s*(\S+)?(.*)$/i);
  if (!match) return text.charAt(0).toLowerCase() + text.slice(1);
  const possessive = /^User's/i.test(text);
  const companions = match[1] ? ` and your ${match[1].replace(/^and their /, "")}` : "";
  // Adverbs before the verb stay put: "User no longer works" → "you no longer work".
  const adverbs = (match[2] ?? "") + (match[3] ?? "");
  const lead = adverbs.match(/^((?:no longer|also|really|still|just|usually|never|always|often|currently|actually|mostly|definitely|now|even)\s+)+/i)?.[0] ?? "";
  const afterLead = adverbs.slice(lead.length).match(/^(\S+)(.*)$/) ?? ["", "", ""];
  let verb = lead && !possessive ? afterLead[1]! : (match[2] ?? "");
  const tail = lead && !possessive ? afterLead[2]! : (match[3] ?? "");
  const rest = tail.replace(/\b(their|they|them|themselves|theirs)\b/gi, (w) => PRONOUNS[w.toLowerCase()] ?? w);
  if (possessive) return `your ${verb}${rest}`.trim();
  if (!companions && AUX[verb.toLowerCase()]) verb = AUX[verb.toLowerCase()]!;
  else if (!companions && /s$/i.test(verb) && !/ss$/i.test(verb)) verb = methods.two.transform.verb.toInfinitive(verb.toLowerCase(), model, "PresentTense") || verb;
  return `you${companions} ${possessive ? "" : lead}${verb}${rest}`.replace(/^you are\b/, "you're").trim();
}
