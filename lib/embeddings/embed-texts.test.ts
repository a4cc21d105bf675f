import { MockEmbeddingModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { embedTexts } from "@/lib/embeddings/embed-texts";

describe("embedTexts", () => {
  it("uses the local provider by default: one 384-d vector per text, in order", async () => {
    const [a, b] = await embedTexts({ texts: ["I live in Berlin", "My dog is called Rex"] });
    expect(a).toHaveLength(384);
    expect(b).toHaveLength(384);
    expect(a).not.toEqual(b);
  });

  it("accepts a provider model that returns 384 dimensions", async () => {
    const model = new MockEmbeddingModelV3({ doEmbed: { embeddings: [new Array(384).fill(0.01)], warnings: [] } });
    const [v] = await embedTexts({ texts: ["hello"], model });
    expect(v).toHaveLength(384);
  });

  it("fails with an error naming the settings when a provider returns another dimension", async () => {
    const model = new MockEmbeddingModelV3({ doEmbed: { embeddings: [new Array(1536).fill(0.01)], warnings: [] } });
    await expect(embedTexts({ texts: ["hello"], model })).rejects.toThrow(/1536 dimensions.*EMBEDDING_DIMENSIONS.*OPENAI_EMBEDDING_MODEL/s);
  });
});
