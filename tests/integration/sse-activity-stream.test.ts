// The Activity stream served in-process: replay from a cursor, live delivery, that a
// client going away releases its Redis subscriptions (no leak per connection), and the
// `write` hints a finished queued write sends to its owner's stream only.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as stream } from "@/app/api/activity/stream/route";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { MemoryWriteHintSchema } from "@/lib/memory/schemas";
import { MemoryEventSchema } from "@/lib/memory/schemas";
import { createTestUser, request, type TestUser } from "@/tests/support/test-users";
import { seedMemory } from "./inspector-seed";

let alice: TestUser;
let bob: TestUser;
const redis = new Redis(process.env.REDIS_URL!);

beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestUser({ prefix: "alice" }), createTestUser({ prefix: "bob" })]);
});
afterAll(() => redis.disconnect());

async function subscribers(userId: string, channel: "memory-events" | "memory-writes" = "memory-events"): Promise<number> {
  const [, count] = (await redis.pubsub("NUMSUB", `${channel}:${userId}`)) as [string, number];
  return Number(count);
}

/** Reads SSE frames from a route response until `done` says stop. */
async function readFrames(response: Response, done: (frames: string[]) => boolean, timeoutMs = 5_000): Promise<string[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const frames: string[] = [];
  let buffer = "";
  const deadline = Date.now() + timeoutMs;
  while (!done(frames)) {
    if (Date.now() > deadline) throw new Error(`timed out; frames so far: ${JSON.stringify(frames)}`);
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    const parts = buffer.split("\n\n");
    buffer = parts.pop()!;
    frames.push(...parts);
  }
  reader.releaseLock();
  return frames;
}

const memoryFrames = (frames: string[]) => frames.filter((f) => f.includes("event: memory"));
const writeFrames = (frames: string[]) => frames.filter((f) => f.includes("event: write"));

/** Opens the stream as `user` and keeps reading its frames in the background until aborted. */
async function follow(user: TestUser) {
  const abort = new AbortController();
  const response = await stream(new Request(request("/api/activity/stream", { user }), { signal: abort.signal }));
  expect(response.status).toBe(200);
  const frames: string[] = [];
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        const parts = buffer.split("\n\n");
        buffer = parts.pop()!;
        frames.push(...parts);
      }
    } catch {
      // aborted
    }
  })();
  return {
    frames,
    close: async () => {
      abort.abort();
      await reading;
    },
  };
}

describe("GET /api/activity/stream (in-process)", () => {
  it("replays after the cursor, then delivers live, and releases its subscription when the client leaves", async () => {
    const first = await seedMemory(alice.id, "The user grows tomatoes");
    const abort = new AbortController();
    const response = await stream(
      new Request(request("/api/activity/stream?after=0", { user: alice }), { signal: abort.signal }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toContain("no-transform");

    const replay = await readFrames(response, (f) => f.some((x) => x.includes("event: ready")));
    // `ready` names where the stream starts: here the cursor it was opened with.
    expect(replay.find((f) => f.includes("event: ready"))).toContain('data: {"from":"0"}');
    expect(memoryFrames(replay).map((f) => MemoryEventSchema.parse(JSON.parse(f.split("data: ")[1]!)).memoryItemId)).toEqual([first]);
    await expect.poll(() => subscribers(alice.id), { timeout: 3_000 }).toBeGreaterThanOrEqual(1);

    const second = await seedMemory(alice.id, "The user keeps bees");
    const live = await readFrames(response, (f) => memoryFrames(f).length >= 1);
    const event = MemoryEventSchema.parse(JSON.parse(memoryFrames(live)[0]!.split("data: ")[1]!));
    expect(event).toMatchObject({ memoryItemId: second, operation: "create", userId: alice.id });
    expect(memoryFrames(live)[0]).toContain(`id: ${event.seq}\n`);

    abort.abort();
    await expect.poll(() => subscribers(alice.id), { timeout: 3_000 }).toBe(0);
  });
});

describe("write hints on the stream", () => {
  it("tells the owner's stream that a queued write finished, and no one else's", async () => {
    const [aliceStream, bobStream] = await Promise.all([follow(alice), follow(bob)]);
    try {
      await expect.poll(() => aliceStream.frames.some((f) => f.includes("event: ready")), { timeout: 5_000 }).toBe(true);
      await expect.poll(() => bobStream.frames.some((f) => f.includes("event: ready")), { timeout: 5_000 }).toBe(true);
      await expect.poll(() => subscribers(alice.id, "memory-writes"), { timeout: 3_000 }).toBeGreaterThanOrEqual(1);
      // Opened "from now": `ready` names Alice's newest event at that moment.
      expect(aliceStream.frames.find((f) => f.includes("event: ready"))).toMatch(/^data: \{"from":"\d+"\}$/m);

      const { jobId } = await enqueueMemoryWrite({
        userId: alice.id,
        kind: "create",
        payload: { request: { content: "The user sails on weekends", memoryType: "preference" } },
        correlationId: randomUUID(),
      });
      expect(await drainMemoryWrites({ userId: alice.id, timeoutMs: 10_000 })).toEqual({ drained: true, pending: 0 });

      await expect.poll(() => writeFrames(aliceStream.frames).length, { timeout: 3_000 }).toBe(1);
      const [frame] = writeFrames(aliceStream.frames);
      // A hint, not history: no id line, so it never moves the browser's Last-Event-ID.
      expect(frame).not.toMatch(/^id:/m);
      expect(MemoryWriteHintSchema.parse(JSON.parse(frame!.split("data: ")[1]!))).toEqual({ writeId: jobId, status: "done" });
      // The audit row of the same write still arrives as the resumable memory event.
      await expect.poll(() => memoryFrames(aliceStream.frames).length, { timeout: 3_000 }).toBe(1);
      expect(memoryFrames(aliceStream.frames)[0]).toMatch(/^id: \d+$/m);

      // Bob's stream is live (its own heartbeat aside) and heard nothing of Alice's write.
      await new Promise((r) => setTimeout(r, 500));
      expect(writeFrames(bobStream.frames)).toEqual([]);
      expect(memoryFrames(bobStream.frames)).toEqual([]);
    } finally {
      await Promise.all([aliceStream.close(), bobStream.close()]);
    }
    await expect.poll(() => subscribers(alice.id, "memory-writes"), { timeout: 3_000 }).toBe(0);
  });
});
