import { KIN, PETS } from "./lexicon";

// The people (and animals) in a user's life, named in passing wherever the sentence goes: "My
// husband Tomasz and I keep squabbling …", "any tips for my sister Ana's wedding?", "I'm seeing
// someone called Priya". Who they are is a lasting fact about the user even when what the
// sentence says of them is not (a task, a question, a mood).
const RELATION = new RegExp(
  String.raw`\b(?:[Mm]y|[Oo]ur) ((?:(?:little|big|older|younger|baby|twin|step|eldest|youngest)\s+)?(${[...KIN, ...PETS].filter((w) => !/\s/.test(w)).join("|")}|(?:best|closest|oldest) (?:friend|mate)))\s*,?\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?=['’]s\b|[\s,.!?;:)]|$)`,
  // Case matters: the name is the capitalised word.
  "gu",
);
// "seeing someone called Priya", "been dating priya for a month", "going out with Sam".
const DATING = /\b(?:seeing|dating|going out with)\s+(?:someone|somebody|a\s+(?:guy|girl|woman|man|lad|lass))?\s*(?:called|named)?\s*(\p{Lu}\p{Ll}+|\p{Ll}{3,}(?=\s+(?:for|since)\b))/u;
// Capitalised words after a relation that are not names (a sentence's next word, typed with a capital).
const NOT_NAMES = new Set(["and", "or", "but", "the", "is", "was", "has", "had", "who", "which", "that", "this", "when", "if", "i", "im", "i'm", "also", "just", "still"]);

// "priya's been my closest friend since college", "Tom is my best mate".
const CLOSE_FRIEND = /\b(\p{Lu}\p{Ll}+|\p{Ll}{3,})(?:['’]s| is| has)\s+(?:been\s+)?my\s+((?:best|closest|oldest)\s+(?:friend|mate))\b/u;

export type NamedRelation = { name: string; content: string };

/** Everyone the message names by their relation to the user, as "User has a husband, Tomasz". */
export function findNamedRelations(text: string): NamedRelation[] {
  const found: NamedRelation[] = [];
  for (const m of text.matchAll(RELATION)) {
    const [, relation, head, name] = m;
    if (NOT_NAMES.has(name!.toLowerCase())) continue;
    // "my dogs Rex and Fido" names several; the saved relation is one person or animal.
    if (/s$/.test(head!)) continue;
    const article = /^[aeiou]/i.test(relation!) ? "an" : "a";
    found.push({ name: name!, content: `User has ${article} ${relation!.toLowerCase()}, ${name}` });
  }
  const friend = CLOSE_FRIEND.exec(text);
  if (friend && !NOT_NAMES.has(friend[1]!.toLowerCase()) && !found.some((f) => f.name.toLowerCase() === friend[1]!.toLowerCase())) {
    const name = friend[1]!.charAt(0).toUpperCase() + friend[1]!.slice(1);
    found.push({ name, content: `User has a ${friend[2]}, ${name}` });
  }
  const dating = DATING.exec(text);
  if (dating && !NOT_NAMES.has(dating[1]!.toLowerCase())) {
    const name = dating[1]!.charAt(0).toUpperCase() + dating[1]!.slice(1);
    found.push({ name, content: `User is dating ${name}` });
  }
  return found;
}
