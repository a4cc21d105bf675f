import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { claimMemoryWriteJobs } from "@/lib/db/memory-write-jobs-sql";
import { log } from "@/lib/log";
import { createMemory } from "@/lib/memory/create-memory";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { JobAlreadyDoneError } from "@/lib/memory/job-already-done-error";
import { processMemoryWriteJob } from "@/lib/jobs/process-memory-write-job";
import { startMemoryWriteWorker } from "@/lib/jobs/start-memory-write-worker";
import { stopMemoryWriteWorker } from "@/lib/jobs/stop-memory-write-worker";
import { getRedis } from "@/lib/redis/client";
import {
  createMemoryTestConversation,
  createMemoryTestUser,
  listAllEvents,
  listAllMemories,
  memoryRequest,
  newCorrelationId,
} from "@/tests/support/memory-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CHILD = path.join(ROOT, "tests/integration/memory-durability-child.ts");
const children: ChildProcess[] = [];

afterEach(async () => {
  await stopMemoryWriteWorker({ timeoutMs: 5000 });
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  getRedis()?.disconnect();
});

/** Starts the child and resolves with its acknowledgement line (after which it may be killed). */
function spawnEnqueuer(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; ack: { action: string; jobId: string } }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    child.stdout!.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("ACK "));
      if (line) resolve({ child, ack: JSON.parse(line.slice(4)) });
    });
    child.on("exit", (code, signal) => reject(new Error(`child exited (${code ?? signal}) before ACK: ${err}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
  });
}

async function jobRow(jobId: string) {
  return getDb().memoryWriteJob.findUniqueOrThrow({ where: { id: jobId } });
}

async function expectExactlyOnce(userId: string, content: string, jobId: string) {
  const memories = await listAllMemories(userId);
  expect(memories.map((m) => [m.content, m.status])).toEqual([[content, "active"]]);
  expect((await listAllEvents(userId)).map((e) => e.operation)).toEqual(["create"]);
  const job = await jobRow(jobId);
  expect(job.status).toBe("done");
  expect(job.result).toMatchObject({ action: "created", memoryId: memories[0]!.id });
}

describe("durable memory writes", () => {
  it("a process SIGKILLed right after acknowledging `queued` still gets the memory written, exactly once", async () => {
    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    const content = "I keep bees on the roof of my flat";
    const { child, ack } = await spawnEnqueuer([user.id, conversation.id, content, "no-worker"], { MEMORY_WORKER_ENABLED: "false" });
    child.kill("SIGKILL");
    await killed(child);
    expect(ack.action).toBe("queued");
    expect((await jobRow(ack.jobId)).status).toBe("queued");
    expect(await listAllMemories(user.id)).toEqual([]);

    // A fresh worker (a restarted server) resumes it.
    expect(startMemoryWriteWorker({ enabled: true, handleSignals: false })).toBe(true);
    expect(await drainMemoryWrites({ userId: user.id, timeoutMs: 15_000 })).toEqual({ drained: true, pending: 0 });
    await expectExactlyOnce(user.id, content, ack.jobId);
    // Running the worker again changes nothing.
    expect(await drainMemoryWrites({ userId: user.id, timeoutMs: 2000 })).toEqual({ drained: true, pending: 0 });
    await expectExactlyOnce(user.id, content, ack.jobId);
  });

  it("a job killed mid-flight (claimed, not committed) is resumed by the next start and applied once", async () => {
    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    const content = "My bicycle is a green Brompton";
    // The child's worker claims the job and then sits in the artificial delay.
    const { child, ack } = await spawnEnqueuer([user.id, conversation.id, content, "worker"], {
      MEMORY_WORKER_ENABLED: "true",
      MEMORY_WRITE_ARTIFICIAL_DELAY_MS: "60000",
    });
    await expect.poll(async () => (await jobRow(ack.jobId)).status, { timeout: 10_000, interval: 50 }).toBe("running");
    child.kill("SIGKILL");
    await killed(child);
    expect(await listAllMemories(user.id)).toEqual([]);

    startMemoryWriteWorker({ enabled: true, handleSignals: false });
    expect(await drainMemoryWrites({ userId: user.id, timeoutMs: 15_000 })).toEqual({ drained: true, pending: 0 });
    await expectExactlyOnce(user.id, content, ack.jobId);
    expect((await jobRow(ack.jobId)).attempts).toBe(2);
  });

  it("SIGTERM drains the in-flight write before the process exits", async () => {
    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    const content = "I play the cello on Sundays";
    const { child, ack } = await spawnEnqueuer([user.id, conversation.id, content, "worker"], {
      MEMORY_WORKER_ENABLED: "true",
      MEMORY_WRITE_ARTIFICIAL_DELAY_MS: "1500",
    });
    await expect.poll(async () => (await jobRow(ack.jobId)).status, { timeout: 10_000, interval: 50 }).toBe("running");
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expectExactlyOnce(user.id, content, ack.jobId);
  });

  it("two workers racing on the same job apply it once", async () => {
    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    const content = "I am training for the Berlin marathon";
    const { jobId } = await enqueueMemoryWrite({
      userId: user.id,
      conversationId: conversation.id,
      kind: "create",
      payload: { request: { content, memoryType: "fact", sourceConversationId: conversation.id } },
      correlationId: newCorrelationId(),
    });
    const [job] = await claimMemoryWriteJobs(getDb(), { limit: 1, userId: user.id, staleBefore: new Date(0) });
    expect(job!.id).toBe(jobId);
    const info = vi.spyOn(log, "info");
    // Same claimed row handed to two workers, as after a stale-claim takeover.
    await Promise.all([processMemoryWriteJob({ job: job! }), processMemoryWriteJob({ job: job! })]);
    expect(info).toHaveBeenCalledWith("memory write job already done elsewhere", expect.objectContaining({ jobId }));
    info.mockRestore();
    await expectExactlyOnce(user.id, content, jobId);
  });

  it("a write never completes another user's job: it is refused and both users' data stay as they were", async () => {
    const [alice, bob] = [await createMemoryTestUser(), await createMemoryTestUser()];
    const { jobId } = await enqueueMemoryWrite({
      userId: bob.id,
      kind: "create",
      payload: { request: { content: "Bob keeps a sourdough starter", memoryType: "fact" } },
      correlationId: newCorrelationId(),
    });
    // A fresh claim that no worker (of this or a parallel test file) will take over meanwhile.
    await getDb().memoryWriteJob.update({ where: { id: jobId }, data: { status: "running", lockedAt: new Date() } });
    await expect(
      createMemory({ request: memoryRequest(alice.id, "Alice collects stamps"), correlationId: newCorrelationId(), jobId }),
    ).rejects.toBeInstanceOf(JobAlreadyDoneError);
    expect(await listAllMemories(alice.id)).toEqual([]);
    expect(await getDb().memoryWriteJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ userId: bob.id, status: "running", result: null });
  });

  it("the caller never waits for the write: enqueue answers while the worker is still delayed", async () => {
    const user = await createMemoryTestUser();
    const memory = config.memory as { artificialDelayMs: number };
    memory.artificialDelayMs = 1500;
    try {
      startMemoryWriteWorker({ enabled: true, handleSignals: false });
      const started = performance.now();
      const ack = await enqueueMemoryWrite({
        userId: user.id,
        kind: "create",
        payload: { request: { content: "I grow chillies on my balcony", memoryType: "fact" } },
        correlationId: newCorrelationId(),
      });
      expect(ack.action).toBe("queued");
      expect(performance.now() - started).toBeLessThan(500);
      expect(await listAllMemories(user.id)).toEqual([]);
      expect(await drainMemoryWrites({ userId: user.id, timeoutMs: 10_000 })).toEqual({ drained: true, pending: 0 });
      expect(await listAllMemories(user.id)).toHaveLength(1);
    } finally {
      memory.artificialDelayMs = 0;
    }
  });

  it("a refused write (another user's memory) finishes as failed and is not retried", async () => {
    const owner = await createMemoryTestUser();
    const intruder = await createMemoryTestUser();
    const { jobId } = await enqueueMemoryWrite({
      userId: intruder.id,
      kind: "supersede",
      payload: { oldId: crypto.randomUUID(), request: { content: "I own this now", memoryType: "fact" } },
      correlationId: newCorrelationId(),
    });
    expect(await drainMemoryWrites({ userId: intruder.id, timeoutMs: 10_000 })).toEqual({ drained: true, pending: 0 });
    const job = await jobRow(jobId);
    expect(job).toMatchObject({ status: "done", attempts: 1 });
    expect(job.result).toMatchObject({ action: "failed" });
    expect(await listAllMemories(intruder.id)).toEqual([]);
    expect(await listAllMemories(owner.id)).toEqual([]);
  });
});
