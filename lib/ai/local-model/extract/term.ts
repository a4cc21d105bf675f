/** One word as compromise tagged it, with contractions already expanded ("I'm" → "I", "am"). */
export type Term = {
  text: string;
  normal: string;
  tags: Set<string>;
  /** Punctuation and whitespace before the word, e.g. "(" */
  pre: string;
  /** Punctuation and whitespace after the word, e.g. ", " */
  post: string;
};
