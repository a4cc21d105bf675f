import { MockEmbeddingModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { embedText } from "@/lib/embeddings/embed-text";
import { embedTexts } from "@/lib/embeddings/embed-texts";

describe("embedTexts", () => {
  it("uses the local provider by default: one 384-d vector per text, in order, in the local space", async () => {
    const { model, vectors } = await embedTexts({ texts: ["I live in Berlin", "My dog is called Rex"] });
    expect(model).toBe("local/mnemo-blend-v1@384");
    const [a, b] = vectors;
    expect(a).toHaveLength(384);
    expect(b).toHaveLength(384);
    expect(a).not.toEqual(b);
  });

  it("gives a search query its own weighting and a memory the stored one (local model)", async () => {
    const document = await embedText({ text: "User is a nurse" });
    const query = await embedText({ text: "User is a nurse", purpose: "query" });
    expect(document.model).toBe(query.model);
    expect(query.vector).not.toEqual(document.vector);
  });

  it("accepts a provider model that returns 384 dimensions", async () => {
    const model = new MockEmbeddingModelV3({ doEmbed: { embeddings: [new Array(384).fill(0.01)], warnings: [] } });
    const { vectors } = await embedTexts({ texts: ["hello"], model });
    expect(vectors[0]).toHaveLength(384);
  });

  it("fails with an error naming the settings when a provider returns another dimension", async () => {
    const model = new MockEmbeddingModelV3({ doEmbed: { embeddings: [new Array(1536).fill(0.01)], warnings: [] } });
    await expect(embedTexts({ texts: ["hello"], model })).rejects.toThrow(/1536 dimensions.*EMBEDDING_DIMENSIONS.*OPENAI_EMBEDDING_MODEL/s);
  });

  it("refuses empty, NaN, all-zero and missing vectors from a provider", async () => {
    const answer = (embeddings: number[][]) => new MockEmbeddingModelV3({ doEmbed: { embeddings, warnings: [] } });
    await expect(embedTexts({ texts: ["hello"], model: answer([[]]) })).rejects.toThrow(/returned 0 dimensions/);
    await expect(embedTexts({ texts: ["hello"], model: answer([[...new Array(383).fill(0.1), Number.NaN]]) })).rejects.toThrow(/not a finite number/);
    await expect(embedTexts({ texts: ["hello"], model: answer([new Array(384).fill(0)]) })).rejects.toThrow(/all-zero/);
  });
});
