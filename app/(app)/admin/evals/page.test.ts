import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StoredEvalRun } from "@/lib/eval/schemas";

const runs: StoredEvalRun[] = [];
const requireAdmin = vi.fn(async () => ({ id: "admin", email: "a@test.local", name: "A", role: "admin" }));
vi.mock("@/lib/auth/require-admin", () => ({ requireAdmin }));
vi.mock("@/lib/eval/list-eval-runs", () => ({ listEvalRuns: async () => runs }));

const { default: EvalsPage } = await import("@/app/(app)/admin/evals/page");

const run = (id: string, dataset: string, minute: number, recall: number): StoredEvalRun => ({
  id,
  dataset,
  model: "Mnemo offline memory model",
  params: { min_precision: 0.85, min_recall: 0.7, turn_timeout_ms: 60000, drain_timeout_ms: 30000, worker: true, kept_users: false },
  metrics: {
    total_cases: 1, extraction_precision: 1, extraction_recall: recall, false_positive_rate: 0, latency_p50: 10, latency_p95: 20,
    error_cases: 0, overall_passed: recall >= 0.7, cross_user_writes: 0, total_turns: 1, turn_latency_p50: 10, turn_latency_p95: 10,
    false_positive_count: 0, delete_precision: 1, delete_recall: 1,
  },
  cases: [{
    case_id: `${id}-case`, precision: 1, recall, false_positive_count: 0, delete_precision: 1, delete_recall: 1, latency_ms: 10,
    actual_writes: [], actual_deletes: [], turns: 1, turn_latencies_ms: [10], drain_ms: 1,
  }],
  passed: recall >= 0.7,
  createdAt: new Date(`2026-11-24T01:${String(minute).padStart(2, "0")}:00Z`),
});

const render = async (search: Record<string, string> = {}) =>
  renderToStaticMarkup(await EvalsPage({ searchParams: Promise.resolve(search) }));

beforeEach(() => {
  runs.splice(0);
  requireAdmin.mockClear();
});

describe("/admin/evals page", () => {
  it("checks the admin role on the server and explains how to record a first run", async () => {
    const html = await render();
    expect(requireAdmin).toHaveBeenCalledOnce();
    expect(html).toContain("No eval runs yet");
  });

  it("shows the newest run of the newest dataset with its per-case table, and other datasets as links", async () => {
    runs.push(run("new", "eval/memory_write_golden_dataset.json", 50, 0.9), run("old", "eval/memory_write_golden_dataset.json", 40, 0.5), run("smoke", "eval/datasets/memory_write_smoke_dataset.json", 30, 1));
    const html = await render();
    expect(html).toContain("new-case");
    expect(html).not.toContain("old-case");
    expect(html).toContain("gate passed");
    expect(html.match(/<polyline/g)).toHaveLength(2);
    expect(html).toContain("eval/datasets/memory_write_smoke_dataset.json");
  });

  it("opens an older run or another dataset from the query string", async () => {
    runs.push(run("new", "eval/memory_write_golden_dataset.json", 50, 0.9), run("old", "eval/memory_write_golden_dataset.json", 40, 0.5), run("smoke", "eval/datasets/memory_write_smoke_dataset.json", 30, 1));
    expect(await render({ dataset: "eval/memory_write_golden_dataset.json", run: "old" })).toContain("old-case");
    expect(await render({ dataset: "eval/datasets/memory_write_smoke_dataset.json" })).toContain("smoke-case");
  });
});
