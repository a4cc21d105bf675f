import "server-only";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { describeEmbeddingSpaces, REEMBED_COMMAND } from "@/lib/embeddings/describe-embedding-spaces";
import { embedLocal } from "@/lib/embeddings/embed-local";
import { ensureEmbeddingIndex } from "@/lib/embeddings/ensure-embedding-index";
import { log } from "@/lib/log";

/**
 * A server's start-up check of the configured embedding space, in the background: builds the
 * space's HNSW index when missing (logged), warns once when memories are embedded in another
 * space or an unknown one (they are left out of vector search and dedup until re-embedded), and
 * loads the offline model's word table so the first request does not pay for it. Never throws:
 * the app serves either way.
 */
export async function prepareEmbeddingSpace(): Promise<void> {
  try {
    const index = await ensureEmbeddingIndex();
    if (index.state === "built") log.info("embedding index built", { index: index.name, ms: index.ms });
    const report = await describeEmbeddingSpaces({ db: getDb() });
    if (report.outside > 0) {
      log.warn(
        `${report.outside} memories are not embedded with the configured model ${report.model}: vector search and ` +
          `duplicate checks leave them out until they are re-embedded. Run: ${REEMBED_COMMAND}`,
        { model: report.model, byModel: report.byModel },
      );
    }
    if (config.embeddingProvider === "local") {
      const started = performance.now();
      embedLocal({ text: "warm up" });
      log.debug("offline embedding ready", { ms: Math.round(performance.now() - started) });
    }
  } catch (error) {
    log.warn("embedding space check failed at start", { error });
  }
}
