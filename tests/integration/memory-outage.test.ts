import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { getRedis } from "@/lib/redis/client";
import { waitFor } from "@/tests/support/wait-for";
import { createMemoryTestConversation, createMemoryTestUser, newCorrelationId } from "@/tests/support/memory-fixtures";
import { startTcpFaultProxy } from "@/tests/support/tcp-fault-proxy";

// A worker whose database goes away while jobs are in flight: the writes fail, and recording
// the failure fails too. When the database comes back, the jobs must run again within
// seconds (not after the stale-claim timeout) and each exactly once.

const ROOT = path.resolve(import.meta.dirname, "../..");
const CHILD = path.join(ROOT, "tests/integration/memory-worker-child.ts");
let child: ChildProcess | null = null;

afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  getRedis()?.disconnect();
});


describe("database outage during writes", () => {
  it("jobs in flight when PostgreSQL goes away are retried within seconds of its return, none lost or doubled", async () => {
    const direct = new URL(process.env.DATABASE_URL!);
    const proxy = await startTcpFaultProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD], {
      cwd: ROOT,
      // The worker holds each job 1.5 s before writing, so the outage lands while they are in flight.
      env: { ...process.env, DATABASE_URL: viaProxy.toString(), LOG_LEVEL: "error", MEMORY_WRITE_ARTIFICIAL_DELAY_MS: "1500" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Read all of its output (an unread pipe that fills up would stall the worker) and keep it
    // for the failure message.
    let output = "";
    let exit = "still running";
    child.on("exit", (code, signal) => void (exit = `exited with ${code ?? signal}`));
    child.stderr!.on("data", (d: Buffer) => void (output = (output + d.toString()).slice(-4000)));
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on("data", (d: Buffer) => {
        output = (output + d.toString()).slice(-4000);
        if (d.toString().includes("READY")) resolve();
      });
      child!.on("exit", (code) => reject(new Error(`worker child exited ${code}`)));
    });

    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    const contents = ["User plays the oboe", "User lives in Tromsø", "User keeps bees", "User speaks Welsh"];
    const jobIds: string[] = [];
    for (const content of contents) {
      const { jobId } = await enqueueMemoryWrite({
        userId: user.id,
        conversationId: conversation.id,
        kind: "create",
        payload: { request: { content, memoryType: "fact", sourceConversationId: conversation.id } },
        correlationId: newCorrelationId(),
      });
      jobIds.push(jobId);
    }
    const jobs = () => getDb().memoryWriteJob.findMany({ where: { id: { in: jobIds } } });
    // The child polls, claims them all, and holds them.
    await waitFor(async () => (await jobs()).every((j) => j.status === "running"), 10_000);

    proxy.down();
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const stillRunning = (await jobs()).filter((j) => j.status === "running").length;
    expect(stillRunning, "the outage left the claims running (nothing could be recorded)").toBe(contents.length);
    proxy.up();
    const restoredAt = Date.now();

    const done = await waitFor(async () => {
      const rows = await jobs();
      return rows.every((j) => j.status === "done") ? rows : null;
    }, 20_000).catch(async (error: Error) => {
      const rows = await jobs();
      throw new Error(`${error.message}; jobs ${JSON.stringify(rows.map((j) => [j.status, j.attempts, j.lastError]))}; worker ${exit}, its output: ${output}`);
    });
    const recoverySeconds = (Date.now() - restoredAt) / 1000;
    expect(recoverySeconds).toBeLessThan(10);
    expect(done.every((j) => j.attempts === 2)).toBe(true);

    const memories = await getDb().memoryItem.findMany({ where: { userId: user.id } });
    expect(memories.map((m) => m.content).sort()).toEqual([...contents].sort());
    const creates = await getDb().memoryWriteEvent.count({ where: { userId: user.id, operation: "create" } });
    expect(creates).toBe(contents.length);

    child.kill("SIGTERM");
    await proxy.close();
  }, 60_000);
});
