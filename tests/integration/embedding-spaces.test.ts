// Embedding provenance and re-embedding, against a fake OpenAI-compatible /v1/embeddings server
// that answers with 768-d vectors (as Ollama's nomic-embed-text does). Runs in a database of its
// own: `memories:reembed` works across users, and must not move the shared test database's rows.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { config } from "@/lib/config";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { embeddingIndexName } from "@/lib/db/sql-client";
import { describeEmbeddingSpaces, formatEmbeddingStatus } from "@/lib/embeddings/describe-embedding-spaces";
import { getEmbeddingSpace } from "@/lib/embeddings/embedding-space";
import { ensureEmbeddingIndex } from "@/lib/embeddings/ensure-embedding-index";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createMemory } from "@/lib/memory/create-memory";
import { hybridSearch } from "@/lib/memory/hybrid-search";
import { getRedis } from "@/lib/redis/client";
import { startFakeEmbeddingsServer } from "@/tests/support/fake-embeddings-server";
import { createMemoryTestUser, memoryRequest, newCorrelationId } from "@/tests/support/memory-fixtures";

const root = path.resolve(import.meta.dirname, "../..");
const shared = new URL(process.env.DATABASE_URL!);
const dbName = `mnemo_test_spaces_${process.pid}`;
const databaseUrl = Object.assign(new URL(shared), { pathname: `/${dbName}` }).toString();
const adminUrl = Object.assign(new URL(shared), { pathname: "/postgres" }).toString();

const mutable = config as unknown as Record<string, unknown>;
const LOCAL = { embeddingProvider: "local", EMBEDDING_DIMENSIONS: 384 };
let fake: Awaited<ReturnType<typeof startFakeEmbeddingsServer>>;
let prisma: PrismaClient;
const useLocal = () => Object.assign(mutable, LOCAL);
const useOllama = () =>
  Object.assign(mutable, {
    embeddingProvider: "openai",
    EMBEDDING_DIMENSIONS: 768,
    OPENAI_EMBEDDING_MODEL: "nomic-embed-text",
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_API_KEY: "ollama",
  });

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const RowSchema = z.object({ content: z.string(), model: z.string().nullable(), dims: z.number().nullable() });
async function rowsOf(userId: string) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT content, embedding_model AS model, vector_dims(embedding) AS dims
    FROM memory_items WHERE user_id = ${userId}::uuid ORDER BY created_at, content`;
  return z.array(RowSchema).parse(rows);
}

async function write(userId: string, content: string) {
  return createMemory({ request: memoryRequest(userId, content), correlationId: newCorrelationId() });
}

beforeAll(async () => {
  fake = await startFakeEmbeddingsServer({ dimensions: 768 });
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${dbName}"`);
  await applyMigrations({ connectionString: databaseUrl });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  (globalThis as unknown as Record<symbol, PrismaClient>)[Symbol.for("mnemo.prisma")] = prisma;
});

afterAll(async () => {
  useLocal();
  await prisma?.$disconnect();
  await fake?.close();
  getRedis()?.disconnect();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});

describe("embedding spaces", () => {
  it("writes, dedups and searches 768-d vectors from an OpenAI-compatible server, in an index of their own", async () => {
    useOllama();
    const space = getEmbeddingSpace();
    expect(space).toEqual({ model: "openai/nomic-embed-text@768", dimensions: 768 });
    const index = await ensureEmbeddingIndex();
    expect(index).toMatchObject({ name: embeddingIndexName(space.model), state: "built" });
    expect(index.name).toMatch(/^memory_items_embedding_[0-9a-f]{10}_idx$/);
    expect((await ensureEmbeddingIndex()).state).toBe("present");
    const definition = await prisma.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = ${index.name}`;
    expect(definition[0]?.indexdef).toContain("USING hnsw (((embedding)::vector(768)) vector_cosine_ops) WHERE ((embedding_model)::text = 'openai/nomic-embed-text@768'::text)");

    const user = await createMemoryTestUser();
    const nurse = await write(user.id, "User works as a nurse at the city hospital");
    expect(nurse.action).toBe("created");
    expect((await write(user.id, "User keeps bees on the roof")).action).toBe("created");
    expect((await write(user.id, "User works as a nurse at the city hospital.")).action).toBe("duplicate_skipped");
    expect(await rowsOf(user.id)).toEqual([
      { content: "User works as a nurse at the city hospital", model: "openai/nomic-embed-text@768", dims: 768 },
      { content: "User keeps bees on the roof", model: "openai/nomic-embed-text@768", dims: 768 },
    ]);
    const hits = await hybridSearch({ userId: user.id, query: "nurse at the hospital" });
    expect(hits[0]).toMatchObject({ id: nurse.memoryId });
    expect(hits[0]!.vectorScore).toBeGreaterThan(0.3);
  });

  it("refuses a provider's bad answer: the write throws (the worker retries it) and nothing is stored", async () => {
    useOllama();
    const user = await createMemoryTestUser();
    for (const [mode, message] of [
      ["wrong-dimensions", /returned 384 dimensions but this app stores 768/],
      ["empty", /returned 0 dimensions/],
      ["nan", /failed|not a finite number/],
    ] as const) {
      fake.state.mode = mode;
      await expect(write(user.id, `User tried ${mode}`), mode).rejects.toThrow(message);
    }
    fake.state.mode = "ok";
    expect(await rowsOf(user.id)).toEqual([]);
    expect((await write(user.id, "User tried again")).action).toBe("created");
  });

  it("never compares vectors of different spaces; memories:reembed moves a user's 384-d local memories into the 768-d space", async () => {
    useLocal();
    const user = await createMemoryTestUser();
    const other = await createMemoryTestUser();
    for (const content of ["User lives in Berlin", "User is allergic to peanuts", "User plays the cello"]) {
      expect((await write(user.id, content)).action).toBe("created");
    }
    expect((await write(other.id, "User has a dog called Rex")).action).toBe("created");
    expect((await rowsOf(user.id)).map((r) => [r.model, r.dims])).toEqual(new Array(3).fill(["local/mnemo-blend-v1@384", 384]));

    // Switched to the 768-d model: the local vectors are in another space, so they are neither
    // duplicates of a new write nor ranked by the vector arm (full text still finds them).
    useOllama();
    expect((await write(user.id, "User lives in Berlin")).action).toBe("created");
    const hits = await hybridSearch({ userId: user.id, query: "peanuts" });
    expect(hits.find((h) => h.content === "User is allergic to peanuts")).toMatchObject({ vectorScore: null });
    const before = await describeEmbeddingSpaces({ db: prisma });
    expect(before.outside).toBeGreaterThanOrEqual(4);
    expect(before.byModel["local/mnemo-blend-v1@384"]).toBeGreaterThanOrEqual(4);
    expect(formatEmbeddingStatus(before)).toMatch(/^openai\/nomic-embed-text@768 \(\d+ memories need re-embedding: npm run memories:reembed\)$/);

    const run = () =>
      promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/reembed-memories.ts", "--batch", "2"], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "test",
          DATA_DIR: path.join(root, ".data", "test"),
          BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
          LOG_LEVEL: "error",
          MEMORY_WORKER_ENABLED: "false",
          DATABASE_URL: databaseUrl,
          EMBEDDING_PROVIDER: "openai",
          EMBEDDING_DIMENSIONS: "768",
          OPENAI_EMBEDDING_MODEL: "nomic-embed-text",
          OPENAI_BASE_URL: fake.baseURL,
          OPENAI_API_KEY: "ollama",
        },
      });
    const first = await run();
    expect(first.stdout).toMatch(/\[reembed\] \d+ memories to embed with openai\/nomic-embed-text@768/);
    expect(first.stdout).toMatch(/\[reembed\] openai\/nomic-embed-text@768: re-embedded \d+ memories/);
    expect((await rowsOf(user.id)).map((r) => [r.model, r.dims])).toEqual(new Array(4).fill(["openai/nomic-embed-text@768", 768]));
    expect((await rowsOf(other.id)).map((r) => r.model)).toEqual(["openai/nomic-embed-text@768"]);
    const stored = await prisma.$queryRaw<{ embedding: string }[]>`
      SELECT embedding::text FROM memory_items WHERE user_id = ${user.id}::uuid AND content = 'User plays the cello'`;
    expect(JSON.parse(stored[0]!.embedding)[0]).toBeCloseTo(fake.embed("User plays the cello")[0]!, 5);

    // Resumable: a second run finds nothing left; the re-embedded memories are in the space again.
    expect((await run()).stdout).toContain("every memory is already embedded with openai/nomic-embed-text@768");
    expect((await describeEmbeddingSpaces({ db: prisma })).outside).toBe(0);
    expect((await write(user.id, "User plays the cello")).action).toBe("duplicate_skipped");
    const peanuts = (await hybridSearch({ userId: user.id, query: "peanuts" })).find((h) => h.content === "User is allergic to peanuts");
    expect(peanuts?.vectorScore).toBeGreaterThan(0.3);
  });
});
