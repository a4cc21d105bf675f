import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { embedTexts } from "@/lib/embeddings/embed-texts";

// The openai provider against a local OpenAI-compatible /v1/embeddings endpoint (as Ollama,
// vLLM or LM Studio serve it): OPENAI_BASE_URL is honoured and 384 dimensions are requested.

const requests: { path: string; body: { model: string; input: string[]; dimensions?: number } }[] = [];
let returnedDimensions = 384;
const server = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    const body = JSON.parse(raw);
    requests.push({ path: req.url ?? "", body });
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        object: "list",
        data: body.input.map((_: string, index: number) => ({ object: "embedding", index, embedding: new Array(returnedDimensions).fill(0.05) })),
        model: body.model,
        usage: { prompt_tokens: 3, total_tokens: 3 },
      }),
    );
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const mutable = config as unknown as Record<string, unknown>;
  mutable.embeddingProvider = "openai";
  mutable.OPENAI_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  mutable.OPENAI_API_KEY = "test-key";
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("embedTexts with EMBEDDING_PROVIDER=openai", () => {
  it("calls OPENAI_BASE_URL/embeddings with the model and 384 dimensions", async () => {
    const vectors = await embedTexts({ texts: ["I live in Berlin", "My dog is Rex"] });
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(384);
    expect(requests.at(-1)).toEqual({
      path: "/v1/embeddings",
      body: expect.objectContaining({ model: "text-embedding-3-small", input: ["I live in Berlin", "My dog is Rex"], dimensions: 384 }),
    });
  });

  it("fails clearly when the server returns another dimension", async () => {
    returnedDimensions = 768;
    await expect(embedTexts({ texts: ["hello"] })).rejects.toThrow(/768 dimensions.*EMBEDDING_DIMENSIONS/s);
    returnedDimensions = 384;
  });
});
