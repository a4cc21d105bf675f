// The Activity feed across app instances: two processes on different ports share Postgres and
// Redis; a write handled by instance A reaches a stream served by instance B through Redis
// pub/sub, and a reconnect with Last-Event-ID receives exactly the events it missed, from
// the durable audit table. Each instance runs the real route handlers in its own Node process
// (see sse-instance-server.ts): own module graph, own database pool, own Redis connections.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryEventSchema } from "@/lib/memory/schemas";
import { createTestUser, type TestUser } from "@/tests/support/test-users";
import { seedMemory, seedProposal } from "./inspector-seed";
import { openSse } from "./sse-client";

const root = path.resolve(import.meta.dirname, "../..");
const children: ChildProcess[] = [];

function startInstance(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(root, "tests/integration/sse-instance-server.ts")],
      { cwd: root, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    children.push(child);
    let output = "";
    const timer = setTimeout(() => reject(new Error(`instance did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.SSE_DEBUG) process.stderr.write(chunk);
    });
    child.on("exit", (code) => reject(new Error(`instance exited with ${code}: ${output}`)));
  });
}

let a: string;
let b: string;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  [a, b, alice, bob] = await Promise.all([startInstance(), startInstance(), createTestUser({ prefix: "alice" }), createTestUser({ prefix: "bob" })]);
}, 120_000);

afterAll(() => {
  for (const child of children) child.kill("SIGTERM");
});

const parse = (data: string) => MemoryEventSchema.parse(JSON.parse(data));

async function post(base: string, user: TestUser, pathname: string, body?: unknown) {
  const response = await fetch(`${base}${pathname}`, {
    method: "POST",
    headers: { cookie: user.cookie, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

describe("activity stream across two instances", () => {
  it("delivers a write made on A to B's stream within a second, never to another user, and resumes exactly with Last-Event-ID", async () => {
    const [m1, m2, m3] = [
      await seedMemory(alice.id, "The user is a vegetarian"),
      await seedMemory(alice.id, "The user lives in Porto"),
      await seedMemory(alice.id, "The user plays chess on Sundays"),
    ];
    const proposal = await seedProposal(alice.id, "The user likes sci-fi novels");
    // Each instance's first write opens its Redis command connection; the regression test below
    // covers that cold first publish, so this one measures warm instances only.
    const warmUps = [await seedMemory(alice.id, "The user has a bike"), await seedMemory(alice.id, "The user has a kayak")];
    await post(a, alice, "/api/memories/bulk-delete", { ids: [warmUps[0]] });
    await post(b, alice, "/api/memories/bulk-delete", { ids: [warmUps[1]] });

    // Streams "from now on": the seeded events above are history, not live.
    const onB = await openSse(`${b}/api/activity/stream`, { cookie: alice.cookie });
    const bobOnB = await openSse(`${b}/api/activity/stream`, { cookie: bob.cookie });
    expect(onB.status).toBe(200);
    await Promise.all([onB.waitFor("ready", 1), bobOnB.waitFor("ready", 1)]);
    expect(onB.events.filter((e) => e.event === "memory")).toEqual([]);
    // Past the stream's one early re-read, so only a Redis push can deliver the next event in time.
    await new Promise((r) => setTimeout(r, 1_300));

    const startedAt = Date.now();
    await post(a, alice, "/api/memories/bulk-delete", { ids: [m1] });
    const [live] = await onB.waitFor("memory", 1, 1_000);
    const elapsed = Date.now() - startedAt;
    const first = parse(live!.data);
    expect(first).toMatchObject({ operation: "delete", memoryItemId: m1, userId: alice.id });
    expect(live!.id).toBe(first.seq);
    expect(elapsed).toBeLessThan(1_000);
    onB.close();

    // Missed while disconnected: two writes through A.
    await post(a, alice, "/api/memories/bulk-delete", { ids: [m2] });
    await post(a, alice, `/api/proposals/${proposal}/reject`);

    // The browser's EventSource reconnects with the last id it saw; here to the other instance.
    const resumed = await openSse(`${a}/api/activity/stream`, { cookie: alice.cookie, "last-event-id": live!.id! });
    const missed = (await resumed.waitFor("memory", 2)).map((e) => parse(e.data));
    expect(missed.map((e) => [e.operation, e.memoryItemId])).toEqual([
      ["delete", m2],
      ["reject", proposal],
    ]);
    expect(BigInt(missed[0]!.seq)).toBeGreaterThan(BigInt(first.seq));

    // And it is live again: a write on B arrives on A's stream, once.
    await post(b, alice, "/api/memories/bulk-delete", { ids: [m3] });
    const after = (await resumed.waitFor("memory", 3, 1_500)).map((e) => parse(e.data));
    expect(after[2]).toMatchObject({ operation: "delete", memoryItemId: m3 });
    await new Promise((r) => setTimeout(r, 1_200)); // past the stream's settle re-read
    expect(resumed.events.filter((e) => e.event === "memory")).toHaveLength(3);
    expect(new Set(resumed.events.filter((e) => e.event === "memory").map((e) => e.id)).size).toBe(3);

    // Bob's stream on B saw none of it.
    expect(bobOnB.events.filter((e) => e.event === "memory")).toEqual([]);
    resumed.close();
    bobOnB.close();
  });

  // Regression: publish() once ran before the command connection's first connect and fell
  // back to local delivery, so a fresh instance's first write never reached other instances.
  it("a fresh instance's very first write reaches another instance's stream within a second", async () => {
    const c = await startInstance();
    const id = await seedMemory(bob.id, "Bob likes hiking");
    const stream = await openSse(`${b}/api/activity/stream`, { cookie: bob.cookie });
    await stream.waitFor("ready", 1);
    await new Promise((r) => setTimeout(r, 1_300));
    try {
      await post(c, bob, "/api/memories/bulk-delete", { ids: [id] });
      const [event] = await stream.waitFor("memory", 1, 1_000);
      expect(parse(event!.data)).toMatchObject({ operation: "delete", memoryItemId: id, userId: bob.id });
    } finally {
      stream.close();
    }
  });

  it("needs a session and a numeric Last-Event-ID", async () => {
    expect((await fetch(`${b}/api/activity/stream`)).status).toBe(401);
    const bad = await fetch(`${b}/api/activity/stream`, { headers: { cookie: alice.cookie, "last-event-id": "x1" } });
    expect(bad.status).toBe(400);
  });
});
