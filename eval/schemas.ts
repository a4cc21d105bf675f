import { z } from "zod";

/**
 * Schemas for the memory-write evaluation: the golden dataset format (the spec's
 * MemoryWriteTestCase), what the runner observed per case, and the aggregate metrics.
 * Datasets are parsed strictly so a typo in a field name fails loudly instead of being ignored.
 */

export const MemoryTypeSchema = z.enum(["fact", "preference", "decision", "note", "episode"]);
export type MemoryType = z.infer<typeof MemoryTypeSchema>;

export const ConversationMessageSchema = z.strictObject({
  role: z.enum(["user", "assistant"]),
  content: z.string().min(1, "message content must not be empty"),
});
export type ConversationMessage = z.infer<typeof ConversationMessageSchema>;

// Keywords are compared case-insensitively, but requiring lowercase in the file keeps datasets
// uniform and reminds authors that keywords are the user's own words, not display text.
const KeywordSchema = z
  .string()
  .trim()
  .min(1, "keyword must not be empty")
  .refine((keyword) => keyword === keyword.toLowerCase(), { message: "keywords must be lowercase" });

export const ExpectedWriteSchema = z.strictObject({
  content_keywords: z.array(KeywordSchema).min(1, "an expected write needs at least one keyword"),
  type: MemoryTypeSchema,
  should_write: z.boolean(),
});
export type ExpectedWrite = z.infer<typeof ExpectedWriteSchema>;

export const MemoryWriteTestCaseSchema = z
  .strictObject({
    id: z.string().min(1),
    conversation: z.array(ConversationMessageSchema).min(1, "a conversation needs at least one message"),
    user_id: z.string().min(1).default("eval-user"),
    expected_writes: z.array(ExpectedWriteSchema),
    /** Each entry is one or more space-separated keywords; all must appear in one deleted memory. */
    expected_deletes: z.array(KeywordSchema),
    rubric: z.string().min(1),
  })
  .refine((testCase) => testCase.conversation.some((message) => message.role === "user"), {
    message: "a conversation needs at least one user message",
    path: ["conversation"],
  });
export type MemoryWriteTestCase = z.infer<typeof MemoryWriteTestCaseSchema>;

export const MemoryWriteDatasetSchema = z
  .strictObject({
    version: z.string().min(1),
    description: z.string().min(1),
    cases: z.array(MemoryWriteTestCaseSchema).min(1, "a dataset needs at least one case"),
  })
  .superRefine((dataset, ctx) => {
    const seen = new Set<string>();
    dataset.cases.forEach((testCase, index) => {
      if (seen.has(testCase.id)) {
        ctx.addIssue({ code: "custom", message: `duplicate case id "${testCase.id}"`, path: ["cases", index, "id"] });
      }
      seen.add(testCase.id);
    });
  });
export type MemoryWriteDataset = z.infer<typeof MemoryWriteDatasetSchema>;

// What the runner observed per case and the aggregate metrics live in lib/eval/schemas.ts, beside
// the stored runs that /admin/evals reads (eval/ imports lib/, never the reverse).
