// Texting shorthand the tagger does not know ("havent", "u", "pls", "w/"), expanded so the
// clause rules see ordinary English. Only whole words, only forms that are unambiguous in
// context; anything else is left as the user wrote it.

import { fixTypos } from "./fix-typos";

const REPLACEMENTS: [RegExp, string][] = [
  [/\b(have|has|had|do|does|did|is|are|was|were|could|would|should|must|need)nt\b/gi, "$1n't"],
  [/\bcant\b/gi, "can't"],
  [/\bwont\b(?= (be|go|have|do|use|need|work|eat|ever|let|take|make|get|stop))/gi, "won't"],
  [/\bain't\b/gi, "isn't"],
  [/\bive\b/g, "I've"],
  [/\bim\b/g, "I'm"],
  [/\bIm\b/g, "I'm"],
  [/\bi'm\b/g, "I'm"],
  [/\bid\b(?= (rather|love|like|prefer|say|get|go|be|have|never|always|probably|definitely|happily|much|sooner|kill|take|pick|choose|buy|do|want))/g, "I'd"],
  [/(^|[.!?,;]\s*|\b(?:and|but|so|think|guess|maybe|probably|then|now|prob|probs)\s+)ill\b(?= [a-z])/g, "$1I'll"],
  [/\b(he|she|that|what|where|there|who)s\b/gi, "$1's"],
  [/(^|[.!?,;:]\s*|\b(?:and|but|so|out|cause|cos|because|bc|like|honestly|tbh|now|ok|okay|yeah|oh|well|yes|no)\s+)its\b/gi, "$1it's"],
  [/\btheyre\b/gi, "they're"],
  [/\byoure\b/gi, "you're"],
  [/\blets\b(?= (talk|do|go|say|start|move|see|just|get|try))/gi, "let's"],
  [/\bu\b/g, "you"],
  [/\bur\b(?= (the|a|so|very|welcome|right|amazing|great|the best))/gi, "you're"],
  [/\bur\b/g, "your"],
  [/\b(pls|plz|plse|pleeease|pleease)\b/gi, "please"],
  [/\babt\b/gi, "about"],
  [/\b(bc|b\/c|cuz|coz|bcos|bcuz)\b/gi, "because"],
  [/\bw\/o\b/gi, "without"],
  [/\bw\/(?=\s)/gi, "with"],
  [/\bw\b(?= [a-z])/g, "with"],
  [/\brn\b/gi, "right now"],
  [/\batm\b/gi, "at the moment"],
  [/\b(tmrw|tmr|tmw|tomoz)\b/gi, "tomorrow"],
  [/\byrs\b/gi, "years"],
  [/\byr\b/gi, "year"],
  [/\bmins\b/gi, "minutes"],
  [/\blil\b/gi, "little"],
  [/\bb-?day\b/gi, "birthday"],
  [/\bgonna\b/gi, "going to"],
  // "I'm veggie", "veggie btw": the diet, said the short way (not "veggie burger").
  [/\bveggie\b(?=\s*($|[.,!?;:)]|btw|here|now|too|and|so|since|for|but|though|myself|at|these|as|again))/gi, "vegetarian"],
  [/\bwanna\b/gi, "want to"],
  [/\bgotta\b/gi, "have to"],
  [/\btho\b/gi, "though"],
  [/\bthru\b/gi, "through"],
  [/\btil\b/gi, "till"],
  [/\bppl\b/gi, "people"],
  [/\bidk\b/gi, "I don't know"],
  [/\bimo\b/gi, "in my opinion"],
  [/\bb4\b/gi, "before"],
  [/\bgf\b/gi, "girlfriend"],
  [/\bbf\b/gi, "boyfriend"],
  [/\bhubby\b/gi, "husband"],
  [/\bthx\b/gi, "thanks"],
  [/\bty\b/gi, "thank you"],
  [/\bokey\b/gi, "okay"],
  [/\bcould of\b/gi, "could have"],
  [/\bwould of\b/gi, "would have"],
  [/\s&\s/g, " and "],
  // "my birthday's 14 February", "the demo's on Friday": the tagger reads "'s" as a possessive there.
  [/\b(my|our|the) (\w+)['’]s (?=\d+(?!\d*(st|nd|rd|th)\b)|(a|an|the|in|on|at|from|called|named|due|over|out|back|been|got|going|gone|booked|moved|next|this|every) )/gi, "$1 $2 is "],
  // "Kindly address me as Dee": the polite request word of Indian and West African English.
  [/(^|[.!?]\s+)kindly\s+/gi, "$1please "],
  // "like in every reply": "like" as a pause before a phrase, not a liking.
  [/(^|[,.;]\s*)like\s+(?=(in|on|at|for|with|when|every|all)\b)/gi, "$1"],
  // Asides that only frame the message: "…, just so you know", "fyi".
  [/,?\s*\b(just so (you|u) know|just fyi|for your information)\b[,.]?/gi, "."],
];

// Interjections that only colour the tone: removed with the comma after them.
const INTERJECTIONS = /\b(lol+|lmao+|lmfao|rofl|haha+|hehe+|omg|omfg|ngl|tbh|fr|ikr|smh|ugh+|argh+|ahh+|ooh+|welp|yikes|oof|lowkey|highkey|istg|xd)\b,?/gi;
// Pictographs end a thought the way a full stop does ("ate half a sock 💀 do i need …").
const PICTOGRAPHS = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)+/gu;

/** Expands texting shorthand into ordinary English; leaves everything else as written. */
export function normalizeTexting(text: string): string {
  // "not a fan of my job tbh, i work in a call centre": the interjection goes, its comma stays.
  let out = text.replace(PICTOGRAPHS, ". ").replace(INTERJECTIONS, (m) => (m.endsWith(",") ? ", " : " "));
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  out = fixTypos(out);
  // A lone lowercase "i" is the pronoun.
  out = out.replace(/(^|[^\p{L}'])i(?=[\s',.!?;:]|$)/gu, "$1I");
  return out
    .replace(/\s+([,.!?;:])/g, "$1")
    .replace(/([.!?])\s*\.(\s|$)/g, "$1$2")
    .replace(/^[\s,.]+/, "")
    .replace(/[ \t]+/g, " ")
    .trim();
}
