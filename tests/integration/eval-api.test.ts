import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/admin/evals/route";
import { getDb } from "@/lib/db/client";
import type { EvalRunReport } from "@/lib/eval/schemas";
import { saveEvalRun } from "@/lib/eval/save-eval-run";
import { createTestUser, request, type TestUser } from "@/tests/support/test-users";

const DATASET = "tests/integration/eval-api_memory_write.json";
let admin: TestUser;
let member: TestUser;
let runId: string;

const report: EvalRunReport = {
  dataset: DATASET,
  model: "Mnemo offline memory model",
  params: { min_precision: 0.85, min_recall: 0.7, turn_timeout_ms: 60000, drain_timeout_ms: 30000, worker: false, kept_users: false },
  metrics: {
    total_cases: 1, extraction_precision: 1, extraction_recall: 0.5, false_positive_rate: 0, latency_p50: 12, latency_p95: 12,
    error_cases: 0, overall_passed: false, cross_user_writes: 0, total_turns: 1, turn_latency_p50: 12, turn_latency_p95: 12,
    false_positive_count: 0, delete_precision: 1, delete_recall: 1,
  },
  cases: [{
    case_id: "multi-01", precision: 1, recall: 0.5, false_positive_count: 0, delete_precision: 1, delete_recall: 1, latency_ms: 12,
    actual_writes: [{ content: "User is a software engineer", type: "fact" }], actual_deletes: [], turns: 1, turn_latencies_ms: [12], drain_ms: 2,
  }],
  passed: false,
  gate_failures: ["extraction recall 0.500 < 0.7"],
};

beforeAll(async () => {
  [admin, member] = await Promise.all([createTestUser({ role: "admin", prefix: "eval-admin" }), createTestUser({ prefix: "eval-member" })]);
  runId = (await saveEvalRun({ report })).id;
});
afterAll(async () => {
  await getDb().evalRun.deleteMany({ where: { dataset: DATASET } });
  await getDb().user.deleteMany({ where: { id: { in: [admin.id, member.id] } } });
});

describe("GET /api/admin/evals", () => {
  it("needs a session", async () => {
    expect((await GET(request("/api/admin/evals"))).status).toBe(401);
  });

  it("refuses a signed-in non-admin with 403", async () => {
    const response = await GET(request("/api/admin/evals", { user: member }));
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  });

  it("returns stored runs, newest first, with metrics and per-case results to an admin", async () => {
    const response = await GET(request("/api/admin/evals?limit=200", { user: admin }));
    expect(response.status).toBe(200);
    const { runs } = await response.json();
    const run = runs.find((r: { id: string }) => r.id === runId);
    expect(run).toMatchObject({ dataset: DATASET, passed: false, metrics: { extraction_recall: 0.5 }, cases: [{ case_id: "multi-01" }] });
    const times = runs.map((r: { createdAt: string }) => Date.parse(r.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("rejects a bad limit with 400", async () => {
    expect((await GET(request("/api/admin/evals?limit=0", { user: admin }))).status).toBe(400);
  });
});
