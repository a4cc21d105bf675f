import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { embedTexts } from "@/lib/embeddings/embed-texts";

// The openai provider against a local OpenAI-compatible /v1/embeddings endpoint (as Ollama,
// vLLM or LM Studio serve it): OPENAI_BASE_URL is honoured and 384 dimensions are requested.

const requests: { path: string; body: { model: string; input: string[]; dimensions?: number } }[] = [];
let returnedDimensions = 384;
let delayMs = 0;
const server = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    const body = JSON.parse(raw);
    requests.push({ path: req.url ?? "", body });
    setTimeout(() => {
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          object: "list",
          data: body.input.map((_: string, index: number) => ({ object: "embedding", index, embedding: new Array(returnedDimensions).fill(0.05) })),
          model: body.model,
          usage: { prompt_tokens: 3, total_tokens: 3 },
        }),
      );
    }, delayMs);
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
  it("calls OPENAI_BASE_URL/embeddings with the model and 384 dimensions, and names the space", async () => {
    const { model, vectors } = await embedTexts({ texts: ["I live in Berlin", "My dog is Rex"] });
    expect(model).toBe("openai/text-embedding-3-small@384");
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(384);
    expect(requests.at(-1)).toEqual({
      path: "/v1/embeddings",
      body: expect.objectContaining({ model: "text-embedding-3-small", input: ["I live in Berlin", "My dog is Rex"], dimensions: 384 }),
    });
  });

  it("ignores the purpose: a query is embedded like a memory", async () => {
    const query = await embedTexts({ texts: ["where do I live?"], purpose: "query" });
    expect(query.model).toBe("openai/text-embedding-3-small@384");
  });

  it("fails clearly when the server returns another dimension", async () => {
    returnedDimensions = 768;
    await expect(embedTexts({ texts: ["hello"] })).rejects.toThrow(/768 dimensions.*EMBEDDING_DIMENSIONS/s);
    returnedDimensions = 384;
  });

  it("fails clearly when the server does not answer in time", async () => {
    delayMs = 1000;
    await expect(embedTexts({ texts: ["hello"], timeoutMs: 100 })).rejects.toThrow(/did not answer within 0.1 s/);
    delayMs = 0;
  });

  it("fails clearly when the server refuses the request", async () => {
    const mutable = config as unknown as Record<string, unknown>;
    const baseURL = mutable.OPENAI_BASE_URL;
    mutable.OPENAI_BASE_URL = "http://127.0.0.1:9/v1";
    // the model object is cached per process: use a fresh one through the override
    const { createOpenAI } = await import("@ai-sdk/openai");
    const model = createOpenAI({ apiKey: "k", baseURL: "http://127.0.0.1:9/v1" }).embedding("text-embedding-3-small");
    await expect(embedTexts({ texts: ["hello"], model })).rejects.toThrow(/Embedding model "text-embedding-3-small" failed/);
    mutable.OPENAI_BASE_URL = baseURL;
  });
});
