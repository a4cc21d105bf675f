import { stemWord } from "@/eval/scorers/stem-word";
import { tokenizeWords } from "@/eval/scorers/tokenize-words";

/**
 * True when the keyword occurs in the content as whole words, case-insensitively and tolerant of
 * simple inflections. A keyword with several words ("standing desk", "left-handed") matches when
 * every one of its words occurs somewhere in the content.
 */
export function matchKeyword(options: { content: string; keyword: string }): boolean {
  const contentStems = new Set(tokenizeWords(options.content).map(stemWord));
  const keywordStems = tokenizeWords(options.keyword).map(stemWord);
  return keywordStems.length > 0 && keywordStems.every((stem) => contentStems.has(stem));
}
