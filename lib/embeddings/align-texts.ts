import { createWordAligner, type WordAligner } from "@/lib/embeddings/align-words";
import { loadWordTable } from "@/lib/embeddings/load-word-table";
import { rawTokens, STOPWORDS } from "@/lib/embeddings/text-tokens";

// Words a question is made of whatever it asks about ("what", "remind", "again"): they carry
// no topic, and the memories they would match ("User knows …") are matches by accident.
const QUESTION_WORDS = new Set(
  ("what where when who whom which why how can could would should will shall may might must any some there here please " +
    "tell remember remind know again ever still give get make suggest recommend idea ideas something anything thing things " +
    "have has had am not no about one ones go going").split(" "),
);

const contentWords = (text: string) => rawTokens(text).filter((t) => t.length > 1 && !STOPWORDS.has(t) && !QUESTION_WORDS.has(t));

let aligner: WordAligner | undefined;
/** The word-vector table is read once per process, on first use (about 35 ms). */
const getAligner = () => (aligner ??= createWordAligner(loadWordTable()));

/**
 * 0..1: how much of a query a text talks about. Each content word of the query is matched with
 * its closest word in the text (the same stem scores 1, other words the cosine of their offline
 * word vectors: "job" ~ "nurse", "pet" ~ "dog"), weighted by how much the word says (SIF), so a
 * query's rare words decide. Unlike a sentence vector, a short query is not blurred into its
 * common words, and unlike full-text search, a different word for the same thing still counts.
 */
export function alignTexts(options: { query: string; text: string }): number {
  const asked = contentWords(options.query);
  if (asked.length === 0) return 0;
  const known = [...new Set(contentWords(options.text))];
  const a = getAligner();
  let said = 0;
  let total = 0;
  for (const word of new Set(asked)) {
    const weight = a.weight(word);
    total += weight;
    let best = 0;
    for (const k of known) {
      const s = a.similarity(word, k);
      if (s > best) best = s;
      if (best === 1) break;
    }
    said += weight * best;
  }
  return total > 0 ? said / total : 0;
}
