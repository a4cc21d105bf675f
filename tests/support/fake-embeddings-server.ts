import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A minimal OpenAI-compatible /v1/embeddings server for tests, as Ollama serves
 * nomic-embed-text: deterministic `dimensions`-long unit vectors, a bag of hashed words, so the
 * same text always gets the same vector and texts sharing words are close. `mode` scripts a
 * misbehaving provider: the wrong size, a NaN, an empty vector, or no answer for `delayMs`.
 */
export type FakeEmbeddingsMode = "ok" | "wrong-dimensions" | "nan" | "empty" | "slow";

export async function startFakeEmbeddingsServer(options: { dimensions: number }) {
  const state = { mode: "ok" as FakeEmbeddingsMode, delayMs: 0, requests: 0, inputs: 0 };
  const embed = (text: string, dimensions: number): number[] => {
    const v = new Array<number>(dimensions).fill(0);
    for (const word of text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
      const h = createHash("sha256").update(word).digest();
      for (let k = 0; k < 8; k++) v[h.readUInt32LE(k * 4) % dimensions]! += h[k]! & 1 ? 1 : -1;
    }
    if (!v.some((x) => x !== 0)) v[0] = 1;
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || !req.url?.endsWith("/embeddings")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { model: string; input: string | string[] };
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    state.requests++;
    state.inputs += inputs.length;
    if (state.mode === "slow") await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    const vectorOf = (text: string): number[] => {
      switch (state.mode) {
        case "wrong-dimensions":
          return embed(text, options.dimensions / 2);
        case "nan":
          return embed(text, options.dimensions).map((x, i) => (i === 3 ? Number.NaN : x));
        case "empty":
          return [];
        default:
          return embed(text, options.dimensions);
      }
    };
    // JSON has no NaN: send it the way a broken server would, as a bare token.
    const json = JSON.stringify({
      object: "list",
      data: inputs.map((text, index) => ({ object: "embedding", index, embedding: vectorOf(text) })),
      model: body.model,
      usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
    }).replaceAll("null", "NaN");
    res.writeHead(200, { "content-type": "application/json" }).end(json);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    state,
    /** The vector the server gives a text in "ok" mode. */
    embed: (text: string) => embed(text, options.dimensions),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
