import { afterAll, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
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
  it("a DB error during create returns failed, writes nothing and is logged with the correlation id", async () => {
    const user = await createMemoryTestUser();
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const correlationId = newCorrelationId();
    failAudit.on = true;
    const res = await createMemory({ request: memoryRequest(user.id, "I live in Berlin"), correlationId }).finally(() => {
      failAudit.on = false;
    });
    expect(res).toMatchObject({ action: "failed" });
    expect(await listAllMemories(user.id)).toEqual([]);
    expect(await listAllEvents(user.id)).toEqual([]);
    expect(error).toHaveBeenCalledWith("memory write failed", expect.objectContaining({ correlationId, operation: "create", userId: user.id }));
    error.mockRestore();
    // And the same write succeeds once the database is healthy.
    expect((await createMemory({ request: memoryRequest(user.id, "I live in Berlin"), correlationId: newCorrelationId() })).action).toBe("created");
  });

  it("a DB error during supersede leaves the old memory active and unchained", async () => {
    const user = await createMemoryTestUser();
    const old = await createMemory({ request: memoryRequest(user.id, "I live in Berlin"), correlationId: newCorrelationId() });
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    failAudit.on = true;
    const res = await supersedeMemory({
      userId: user.id,
      oldId: old.memoryId!,
      request: { content: "I live in Paris", memoryType: "fact" },
      correlationId: newCorrelationId(),
    }).finally(() => {
      failAudit.on = false;
    });
    expect(res.action).toBe("failed");
    expect(error).toHaveBeenCalledWith("memory write failed", expect.objectContaining({ operation: "supersede" }));
    error.mockRestore();
    const items = await listAllMemories(user.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: old.memoryId, status: "active", supersededBy: null });
    expect(await listAllEvents(user.id)).toHaveLength(1);
  });
});
