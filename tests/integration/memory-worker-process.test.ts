import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { MEMORY_WRITE_WAKE_CHANNEL } from "@/lib/jobs/announce-memory-write";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";
import { getRedis } from "@/lib/redis/client";
import { subscribe } from "@/lib/redis/pubsub";
import { waitFor } from "@/tests/support/wait-for";
import { createMemoryTestConversation, createMemoryTestUser, newCorrelationId } from "@/tests/support/memory-fixtures";

// The worker as its own process (npm run worker), beside app processes that run none
// (MEMORY_WORKER_ENABLED=false): an enqueue here must announce itself on Redis, and the
// worker process must claim and write the jobs exactly once, then stop cleanly on SIGTERM.

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.join(ROOT, "scripts/run-memory-worker.ts");
let child: ChildProcess | null = null;

afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  getRedis()?.disconnect();
});


function createJob(userId: string, conversationId: string, content: string) {
  return enqueueMemoryWrite({
    userId,
    conversationId,
    kind: "create",
    payload: { request: { content, memoryType: "fact", sourceConversationId: conversationId } },
    correlationId: newCorrelationId(),
  });
}

describe("memory-write worker in its own process", () => {
  it("an enqueue in a process without a worker announces the job on Redis", async () => {
    expect(getMemoryWriteWorkerState().running).toBe(false);
    const received: string[] = [];
    const unsubscribe = subscribe(MEMORY_WRITE_WAKE_CHANNEL, (message) => received.push(message));
    try {
      // Let the subscription reach Redis before anything is published.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const user = await createMemoryTestUser();
      const conversation = await createMemoryTestConversation({ userId: user.id });
      const { jobId } = await createJob(user.id, conversation.id, "User collects antique maps");
      // Redis channels span its databases, so another run's announcements may arrive too; ours must.
      await waitFor(async () => received.length > 0, 5000);
      // Nothing in this process works the job off: it stays queued for a worker to claim.
      const job = await getDb().memoryWriteJob.findUniqueOrThrow({ where: { id: jobId } });
      expect(job.status).toBe("queued");
      await getDb().memoryWriteJob.delete({ where: { id: jobId } });
    } finally {
      unsubscribe();
    }
  });

  it("npm run worker writes jobs queued by another process exactly once and exits cleanly on SIGTERM", async () => {
    child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "info", MEMORY_WORKER_ENABLED: "false" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr!.on("data", (d: Buffer) => void (output = (output + d.toString()).slice(-8000)));
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on("data", (d: Buffer) => {
        output = (output + d.toString()).slice(-8000);
        if (output.includes("memory write worker process started")) resolve();
      });
      child!.on("exit", (code) => reject(new Error(`worker process exited ${code}: ${output}`)));
    });

    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    const contents = ["User plays the viola", "User lives in Bergen", "User grows chillies"];
    const jobIds: string[] = [];
    for (const content of contents) jobIds.push((await createJob(user.id, conversation.id, content)).jobId);

    const done = await waitFor(async () => {
      const rows = await getDb().memoryWriteJob.findMany({ where: { id: { in: jobIds } } });
      return rows.every((j) => j.status === "done") ? rows : null;
    }, 20_000).catch((error: Error) => {
      throw new Error(`${error.message}; worker output: ${output}`);
    });
    expect(done.every((j) => j.attempts === 1)).toBe(true);
    const memories = await getDb().memoryItem.findMany({ where: { userId: user.id } });
    expect(memories.map((m) => m.content).sort()).toEqual([...contents].sort());
    expect(await getDb().memoryWriteEvent.count({ where: { userId: user.id, operation: "create" } })).toBe(contents.length);

    const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 60_000);
});
