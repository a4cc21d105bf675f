import { z } from "zod";

// What the memory page sends to change a memory (PATCH /api/memories/:id) and what it gets
// back. Not server-only: the page's forms and hooks parse the same shapes.

/** The types a user may give a memory (episodes are the system's own summaries). */
export const EditableMemoryTypeSchema = z.enum(["fact", "preference", "decision", "note"]);
export type EditableMemoryType = z.infer<typeof EditableMemoryTypeSchema>;

/**
 * PATCH /api/memories/:id body: either an edit (a new `content` and/or `type`: a new version
 * supersedes the memory) or an expiry change (`expiresAt`, an ISO date-time with offset, or
 * null to clear it: changed in place), one at a time.
 */
export const MemoryPatchBodySchema = z
  .strictObject({
    content: z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters").optional(),
    type: EditableMemoryTypeSchema.optional(),
    expiresAt: z.iso.datetime({ offset: true, error: "must be an ISO date-time with offset (2026-05-01T12:00:00Z)" }).nullable().optional(),
  })
  .superRefine((body, ctx) => {
    const edits = body.content !== undefined || body.type !== undefined;
    if (edits && body.expiresAt !== undefined) {
      ctx.addIssue({ code: "custom", message: "send either an edit (content, type) or an expiry (expiresAt), not both" });
    } else if (!edits && body.expiresAt === undefined) {
      ctx.addIssue({ code: "custom", message: "give a new content, type or expiresAt" });
    }
  });
export type MemoryPatchBody = z.infer<typeof MemoryPatchBodySchema>;

export const MemoryPatchResultSchema = z.object({
  /** edited: a new version replaced it; unchanged: nothing to do; expiry_updated: its expiry changed (or already was so). */
  action: z.enum(["edited", "unchanged", "expiry_updated"]),
  /** The memory that now holds the claim (the new version after an edit). */
  memoryId: z.string().uuid(),
  expiresAt: z.string().nullable().optional(),
});
export type MemoryPatchResult = z.infer<typeof MemoryPatchResultSchema>;
