import "server-only";
import { randomUUID } from "node:crypto";
import type { MemoryWriteTestCase } from "@/eval/schemas";
import { scoreCase } from "@/eval/scorers/score-case";
import { collectCaseWrites } from "@/eval/runner/collect-case-writes";
import { sendUserTurn } from "@/eval/runner/send-user-turn";
import { getDb } from "@/lib/db/client";
import type { EvalCaseResult } from "@/lib/eval/schemas";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";

/** Options for {@link runMemoryWriteCase}. */
export type RunMemoryWriteCaseOptions = {
  testCase: MemoryWriteTestCase;
  /** Tags the eval user's e-mail so leftovers of an interrupted run can be recognised. */
  runId: string;
  turnTimeoutMs: number;
  drainTimeoutMs: number;
};

/**
 * Replays one case as a brand-new user in a brand-new conversation: every user turn goes through
 * the chat pipeline (the dataset's assistant turns are context for the author only; the real
 * assistant answers), background writes are drained after each turn, then the user's memories
 * are read back and scored. The user is returned for the isolation check and clean-up.
 */
export async function runMemoryWriteCase(
  options: RunMemoryWriteCaseOptions,
): Promise<{ result: EvalCaseResult; userId: string; conversationId: string }> {
  const { testCase } = options;
  // The dataset's user_id is a label only: sharing a user would turn a correct write in a later
  // case into a "duplicate" of an earlier one.
  const user = await getDb().user.create({
    data: {
      email: `eval-${options.runId}-${randomUUID()}@eval.invalid`,
      name: `Eval ${testCase.id}`.slice(0, 100),
      role: "user",
    },
    select: { id: true },
  });
  const conversationId = randomUUID();

  const turnLatencies: number[] = [];
  const errors: string[] = [];
  let drainMs = 0;
  const userTurns = testCase.conversation.filter((message) => message.role === "user");
  try {
    for (const [index, message] of userTurns.entries()) {
      const turn = await sendUserTurn({
        userId: user.id,
        conversationId,
        text: message.content,
        timeoutMs: options.turnTimeoutMs,
      });
      turnLatencies.push(turn.latencyMs);
      if (turn.error) errors.push(`turn ${index + 1}: ${turn.error}`);
      // Drained per turn so the next turn sees (and may correct or delete) what this one saved.
      const drainStarted = performance.now();
      const drain = await drainMemoryWrites({ userId: user.id, timeoutMs: options.drainTimeoutMs });
      drainMs += performance.now() - drainStarted;
      if (!drain.drained) errors.push(`turn ${index + 1}: ${drain.pending} memory writes still pending after ${options.drainTimeoutMs} ms`);
    }
  } catch (error) {
    errors.push(`case aborted: ${error instanceof Error ? error.message : String(error)}`);
  }

  const { actualWrites, actualDeletes } = await collectCaseWrites({ userId: user.id });
  const scored = scoreCase({
    testCase,
    actualWrites,
    actualDeletes,
    latencyMs: turnLatencies.reduce((sum, ms) => sum + ms, 0),
    ...(errors.length > 0 ? { error: errors.join("; ") } : {}),
  });
  return {
    result: { ...scored, turns: turnLatencies.length, turn_latencies_ms: turnLatencies, drain_ms: Math.round(drainMs) },
    userId: user.id,
    conversationId,
  };
}
