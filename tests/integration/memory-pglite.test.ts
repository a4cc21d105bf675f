// The memory engine on the embedded database (no DATABASE_URL): the same SQL must run on
// PGlite, which executes one statement at a time. getDb() is pointed at an in-memory PGlite.
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { confirmProposal } from "@/lib/memory/confirm-proposal";
import { createMemory } from "@/lib/memory/create-memory";
import { deleteMemories } from "@/lib/memory/delete-memories";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { hybridSearch } from "@/lib/memory/hybrid-search";
import { listMemoryEventsSince } from "@/lib/memory/list-memory-events-since";
import { proposeMemory } from "@/lib/memory/propose-memory";
import { supersedeMemory } from "@/lib/memory/supersede-memory";
import { getRedis } from "@/lib/redis/client";
import { createMemoryTestUser, listAllMemories, memoryRequest, newCorrelationId } from "@/tests/support/memory-fixtures";

let pglite: PGlite;
let prisma: PrismaClient;

beforeAll(async () => {
  pglite = new PGlite({ extensions: { vector } });
  await applyMigrations({ pglite });
  prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  (globalThis as unknown as Record<symbol, PrismaClient>)[Symbol.for("mnemo.prisma")] = prisma;
});

afterAll(async () => {
  await prisma?.$disconnect();
  await pglite?.close();
  getRedis()?.disconnect();
});

describe("memory engine on PGlite", () => {
  it("creates, dedups, searches, supersedes, deletes, confirms, and lists events", async () => {
    const user = await createMemoryTestUser();
    const other = await createMemoryTestUser();
    const job = await createMemory({ request: memoryRequest(user.id, "I work as a nurse at the city hospital"), correlationId: newCorrelationId() });
    expect(job.action).toBe("created");
    expect((await createMemory({ request: memoryRequest(user.id, "I work as a nurse at the city hospital."), correlationId: newCorrelationId() })).action).toBe("duplicate_skipped");
    await createMemory({ request: memoryRequest(other.id, "I work as a nurse at the children's hospital"), correlationId: newCorrelationId() });

    expect((await hybridSearch({ userId: user.id, query: "what is the user's job at the hospital?" })).map((h) => h.id)).toEqual([job.memoryId]);

    const home = await createMemory({ request: memoryRequest(user.id, "I live in Hamburg"), correlationId: newCorrelationId() });
    const moved = await supersedeMemory({ userId: user.id, oldId: home.memoryId!, request: { content: "I live in Munich", memoryType: "fact" }, correlationId: newCorrelationId() });
    expect(moved.action).toBe("created");
    expect((await hybridSearch({ userId: user.id, query: "where do I live" }))[0]?.id).toBe(moved.memoryId);

    expect(await deleteMemories({ userId: user.id, memoryIds: [job.memoryId!], correlationId: newCorrelationId() })).toEqual({ deleted: [job.memoryId], notFound: [] });

    const p = await proposeMemory({ request: memoryRequest(user.id, "I might learn the cello", { confidence: 0.6 }), correlationId: newCorrelationId() });
    expect((await confirmProposal({ userId: user.id, proposalId: p.proposalId!, correlationId: newCorrelationId() })).action).toBe("created");

    const events = await listMemoryEventsSince({ userId: user.id, afterSeq: "0" });
    expect(events.map((e) => e.operation)).toEqual(["create", "create", "supersede", "create", "delete", "propose", "confirm"]);
  });

  it("queues and drains a write (no SKIP LOCKED contention, one statement at a time)", async () => {
    const user = await createMemoryTestUser();
    const ack = await enqueueMemoryWrite({
      userId: user.id,
      kind: "create",
      payload: { request: { content: "I keep bees on the roof", memoryType: "fact" } },
      correlationId: newCorrelationId(),
    });
    expect(ack.action).toBe("queued");
    expect(await drainMemoryWrites({ userId: user.id, timeoutMs: 10_000 })).toEqual({ drained: true, pending: 0 });
    expect((await listAllMemories(user.id)).map((m) => m.content)).toEqual(["I keep bees on the roof"]);
  });
});
