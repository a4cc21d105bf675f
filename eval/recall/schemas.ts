import { z } from "zod";

/**
 * The recall dataset (eval/datasets/recall_*.json): users with the memories Mnemo would hold
 * and the questions they ask in a new conversation, plus pairs of statements that must stay
 * apart (contrast) or be found as the same memory (paraphrase) by the duplicate check.
 */
export const RecallMemorySchema = z.strictObject({
  id: z.string().min(1),
  content: z.string().min(1).max(2000),
  type: z.enum(["fact", "preference", "decision", "note"]),
});

export const RecallQuestionSchema = z.strictObject({
  id: z.string().min(1),
  text: z.string().min(1),
  /** Empty when nothing in memory answers the question. */
  expected_memory_ids: z.array(z.string()),
  kind: z.enum(["direct", "indirect", "lexical", "none"]),
});

export const RecallUserSchema = z
  .strictObject({
    id: z.string().min(1),
    memories: z.array(RecallMemorySchema).min(1),
    questions: z.array(RecallQuestionSchema),
  })
  .superRefine((user, ctx) => {
    const ids = new Set(user.memories.map((m) => m.id));
    user.questions.forEach((q, qi) =>
      q.expected_memory_ids.forEach((id, i) => {
        if (!ids.has(id)) ctx.addIssue({ code: "custom", message: `unknown memory id ${id}`, path: ["questions", qi, "expected_memory_ids", i] });
      }),
    );
  });

export const StatementPairSchema = z.strictObject({
  id: z.string().min(1),
  a: z.string().min(1),
  b: z.string().min(1),
  kind: z.string().optional(),
});

export const RecallDatasetSchema = z.strictObject({
  version: z.string().min(1),
  description: z.string().min(1),
  users: z.array(RecallUserSchema),
  contrast_pairs: z.array(StatementPairSchema),
  paraphrase_pairs: z.array(StatementPairSchema),
});
export type RecallDataset = z.infer<typeof RecallDatasetSchema>;
export type RecallUser = z.infer<typeof RecallUserSchema>;
export type StatementPair = z.infer<typeof StatementPairSchema>;
