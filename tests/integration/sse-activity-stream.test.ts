// The Activity stream served in-process: replay from a cursor, live delivery, and that a
// client going away releases its Redis subscription (no leak per connection).
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as stream } from "@/app/api/activity/stream/route";
import { MemoryEventSchema } from "@/lib/memory/schemas";
import { createTestUser, request, type TestUser } from "@/tests/support/test-users";
import { seedMemory } from "./inspector-seed";

let alice: TestUser;
const redis = new Redis(process.env.REDIS_URL!);

beforeAll(async () => {
  alice = await createTestUser({ prefix: "alice" });
});
afterAll(() => redis.disconnect());

async function subscribers(userId: string): Promise<number> {
  const [, count] = (await redis.pubsub("NUMSUB", `memory-events:${userId}`)) as [string, number];
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
