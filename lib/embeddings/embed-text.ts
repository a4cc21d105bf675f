import "server-only";
import type { EmbeddingModel } from "ai";
import { embedTexts } from "@/lib/embeddings/embed-texts";

/** Embeds one text with the configured provider; see embedTexts for the dimension check. */
export async function embedText(options: { text: string; model?: EmbeddingModel }): Promise<number[]> {
  const [embedding] = await embedTexts({ texts: [options.text], model: options.model });
  return embedding!;
}
