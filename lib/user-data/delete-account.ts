import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { runAccountDeletion } from "@/lib/user-data/run-account-deletion";
import type { AccountDeletionResult } from "@/lib/user-data/schemas";

const OptionsSchema = z.object({ userId: z.string().uuid(), confirmEmail: z.string() });

/**
 * The signed-in user deletes their account: every memory, audit text, queued write,
 * conversation and message, then the account and its sessions (runAccountDeletion). They
 * confirm by typing the account's email address (validation_failed otherwise). Safe to retry.
 */
export async function deleteAccount(options: { userId: string; confirmEmail: string }): Promise<AccountDeletionResult> {
  const { userId, confirmEmail } = OptionsSchema.parse(options);
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new AppError("not_found", "That account does not exist.");
  if (confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError("validation_failed", "Type this account's email address exactly to confirm its deletion.");
  }
  const { counts } = await runAccountDeletion({ userId });
  return { deleted: true, counts };
}
