import { afterAll, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import { getDb } from "@/lib/db/client";
import { claimMemoryWriteJobs } from "@/lib/db/memory-write-jobs-sql";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { processMemoryWriteJob } from "@/lib/jobs/process-memory-write-job";
import { createMemory } from "@/lib/memory/create-memory";
import { supersedeMemory } from "@/lib/memory/supersede-memory";
import { getRedis } from "@/lib/redis/client";
import { createMemoryTestUser, listAllEvents, listAllMemories, memoryRequest, newCorrelationId } from "@/tests/support/memory-fixtures";

// The audit insert runs after the memory insert in the same transaction. Failing it proves a
// database error leaves neither a half-written memory nor a memory without its audit row.
const failAudit = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/db/memory-events-sql", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/memory-events-sql")>();
  return {
    ...actual,
    insertMemoryEvent: async (...args: Parameters<typeof actual.insertMemoryEvent>) => {
      if (failAudit.on) throw new Error("simulated: connection reset while writing the audit row");
      return actual.insertMemoryEvent(...args);
    },
  };
});

afterAll(() => getRedis()?.disconnect());

describe("fail closed", () => {
  it("a DB error during create throws, writes nothing, and the worker's edge logs it with the correlation id and retries", async () => {
    const user = await createMemoryTestUser();
    const correlationId = newCorrelationId();
    failAudit.on = true;
    await expect(createMemory({ request: memoryRequest(user.id, "I live in Berlin"), correlationId })).rejects.toThrow(/simulated/);
    expect(await listAllMemories(user.id)).toEqual([]);
    expect(await listAllEvents(user.id)).toEqual([]);

    // Queued, the same failure is the worker's to report: logged with the correlation id, retried later.
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const { jobId } = await enqueueMemoryWrite({
      userId: user.id,
      kind: "create",
      payload: { request: { content: "I live in Berlin", memoryType: "fact" } },
      correlationId,
    });
    const [job] = await claimMemoryWriteJobs(getDb(), { limit: 1, staleBefore: new Date(0), userId: user.id });
    await processMemoryWriteJob({ job: job! }).finally(() => {
      failAudit.on = false;
    });
    expect(error).toHaveBeenCalledWith("memory write job failed", expect.objectContaining({ correlationId, jobId, userId: user.id }));
    error.mockRestore();
    expect(await listAllMemories(user.id)).toEqual([]);
    const [queued] = await getDb().memoryWriteJob.findMany({ where: { id: jobId } });
    expect(queued).toMatchObject({ status: "queued", attempts: 1 });
    // And the same write succeeds once the database is healthy.
    expect((await createMemory({ request: memoryRequest(user.id, "I live in Berlin"), correlationId: newCorrelationId() })).action).toBe("created");
  });

  it("a DB error during supersede throws and leaves the old memory active and unchained", async () => {
    const user = await createMemoryTestUser();
    const old = await createMemory({ request: memoryRequest(user.id, "I live in Berlin"), correlationId: newCorrelationId() });
    failAudit.on = true;
    await expect(
      supersedeMemory({
        userId: user.id,
        oldId: old.memoryId!,
        request: { content: "I live in Paris", memoryType: "fact" },
        correlationId: newCorrelationId(),
      }),
    ).rejects.toThrow(/simulated/).finally(() => {
      failAudit.on = false;
    });
    const items = await listAllMemories(user.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: old.memoryId, status: "active", supersededBy: null });
    expect(await listAllEvents(user.id)).toHaveLength(1);
  });
});
