import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { checkEvalIsolation } from "@/eval/runner/check-eval-isolation";
import { runMemoryWriteEval } from "@/eval/runner/run-memory-write-eval";
import { loadMemoryWriteDataset } from "@/eval/load-memory-write-dataset";
import { getDb } from "@/lib/db/client";
import { EvalRunMetricsSchema } from "@/lib/eval/schemas";
import { listEvalRuns } from "@/lib/eval/list-eval-runs";
import { saveEvalRun } from "@/lib/eval/save-eval-run";

// The runner end to end on the 5-case smoke dataset against the real test PostgreSQL and Redis,
// with the offline model. No worker: each drain processes only the case user's own jobs, so
// test files sharing the database never see their jobs taken.

const cleanup: string[] = [];
afterAll(async () => {
  await getDb().user.deleteMany({ where: { id: { in: cleanup } } });
  await getDb().evalRun.deleteMany({ where: { dataset: "tests/integration/memory_write_smoke_dataset.json" } });
});

describe("memory-write eval runner", () => {
  it("runs every case as its own user through the chat pipeline and returns the metrics", { timeout: 120_000 }, async () => {
    const dataset = await loadMemoryWriteDataset("eval/datasets/memory_write_smoke_dataset.json");
    const seen: string[] = [];
    const report = await runMemoryWriteEval({
      dataset,
      datasetName: "tests/integration/memory_write_smoke_dataset.json",
      onCaseDone: (result) => seen.push(result.case_id),
    });

    expect(seen).toEqual(dataset.cases.map((c) => c.id));
    const metrics = EvalRunMetricsSchema.parse(report.metrics);
    expect(metrics.total_cases).toBe(5);
    expect(metrics.total_turns).toBe(5);
    expect(metrics.cross_user_writes).toBe(0);
    expect(metrics.error_cases).toBe(0);
    expect(metrics.latency_p95).toBeGreaterThanOrEqual(metrics.latency_p50);
    expect(metrics.overall_passed).toBe(metrics.extraction_precision >= 0.85 && metrics.extraction_recall >= 0.7);
    expect(report.passed).toBe(metrics.overall_passed);
    expect(report.model).toBe("Mnemo offline memory model");
    for (const result of report.cases) {
      expect(result.turn_latencies_ms).toHaveLength(1);
      expect(result.latency_ms).toBe(result.turn_latencies_ms[0]);
    }
    // The credential case must never store the secret.
    const credential = report.cases.find((c) => c.case_id === "smoke-credential-01")!;
    expect(credential.false_positive_count).toBe(0);

    // The eval users are gone (deleting them cascaded to their data).
    const leftovers = await getDb().user.count({ where: { name: { in: dataset.cases.map((c) => `Eval ${c.id}`) }, email: { endsWith: "@eval.invalid" }, createdAt: { gte: new Date(Date.now() - 120_000) } } });
    expect(leftovers).toBe(0);

    const stored = await saveEvalRun({ report });
    const runs = await listEvalRuns({ limit: 200 });
    const found = runs.find((run) => run.id === stored.id)!;
    expect(found.metrics).toEqual(report.metrics);
    expect(found.cases.map((c) => c.case_id)).toEqual(seen);
  });

  it("keeps the users with keep, each holding only its own case's memories", { timeout: 60_000 }, async () => {
    const dataset = await loadMemoryWriteDataset("eval/datasets/memory_write_smoke_dataset.json");
    const twoCases = { ...dataset, cases: dataset.cases.slice(0, 2) };
    const report = await runMemoryWriteEval({ dataset: twoCases, datasetName: "tests/integration/keep", keep: true });
    const users = await getDb().user.findMany({
      where: { email: { endsWith: "@eval.invalid" }, name: { in: ["Eval smoke-fact-01", "Eval smoke-pref-01"] } },
      orderBy: { createdAt: "desc" },
      take: 2,
      include: { memories: { select: { content: true, sourceConversation: { select: { userId: true } } } } },
    });
    cleanup.push(...users.map((user) => user.id));
    expect(users).toHaveLength(2);
    for (const user of users) {
      for (const memory of user.memories) expect(memory.sourceConversation?.userId ?? user.id).toBe(user.id);
    }
    const written = users.flatMap((user) => user.memories.map((m) => m.content)).sort();
    expect(written).toEqual(report.cases.flatMap((c) => c.actual_writes.map((w) => w.content)).sort());
  });

  it("counts a memory that crossed into another user's conversation", async () => {
    const db = getDb();
    const [alice, bob] = await Promise.all(
      ["alice", "bob"].map((name) => db.user.create({ data: { email: `iso-${name}-${randomUUID()}@eval.invalid`, name } })),
    );
    cleanup.push(alice!.id, bob!.id);
    const [aliceConversation, bobConversation] = [randomUUID(), randomUUID()];
    await db.conversation.create({ data: { id: aliceConversation, userId: alice!.id } });
    await db.conversation.create({ data: { id: bobConversation, userId: bob!.id } });
    await db.memoryItem.create({ data: { userId: alice!.id, content: "User is vegan", type: "fact", sourceConversationId: aliceConversation } });
    const owners = new Map([
      [aliceConversation, alice!.id],
      [bobConversation, bob!.id],
    ]);
    expect(await checkEvalIsolation({ conversationOwners: owners })).toEqual([]);

    await db.memoryItem.create({ data: { userId: bob!.id, content: "User is vegan", type: "fact", sourceConversationId: aliceConversation } });
    const problems = await checkEvalIsolation({ conversationOwners: owners });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`of user ${bob!.id} comes from conversation ${aliceConversation}`);
  });
});
