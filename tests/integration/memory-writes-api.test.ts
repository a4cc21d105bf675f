import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMemoryWrite } from "@/app/api/memory-writes/[id]/route";
import { MemoryWriteStatusSchema } from "@/lib/jobs/schemas";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { createTestUser, request, routeParams, type TestUser } from "@/tests/support/test-users";

// The chat's write chip polls this route with the write_id a tool returned. Other test files
// start workers that serve every user, so the job may already be running or done when read.

let alice: TestUser;
let bob: TestUser;
let writeId: string;

beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestUser({ prefix: "alice" }), createTestUser({ prefix: "bob" })]);
  const job = await enqueueMemoryWrite({
    userId: alice.id,
    kind: "create",
    payload: { request: { content: "The user keeps bees", memoryType: "fact" } },
    correlationId: randomUUID(),
  });
  writeId = job.jobId;
});

const get = (id: string, user?: TestUser) => getMemoryWrite(request(`/api/memory-writes/${id}`, { user }), routeParams({ id }));

describe("GET /api/memory-writes/:id", () => {
  it("shows the owner where their queued write stands", async () => {
    const response = await get(writeId, alice);
    expect(response.status).toBe(200);
    const status = MemoryWriteStatusSchema.parse(await response.json());
    expect(status).toMatchObject({ id: writeId, kind: "create" });
    expect(["queued", "running", "done"]).toContain(status.status);
  });

  it("is 404 for another user's write, exactly like an unknown id", async () => {
    const theirs = await get(writeId, bob);
    const unknown = await get(randomUUID(), bob);
    expect(theirs.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [(await theirs.json()).error, (await unknown.json()).error];
    expect({ code: a.code, message: a.message }).toEqual({ code: b.code, message: b.message });
  });

  it("needs a session and a uuid", async () => {
    expect((await get(writeId)).status).toBe(401);
    const bad = await get("not-a-uuid", alice);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("bad_request");
  });
});
