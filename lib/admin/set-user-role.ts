import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

const OptionsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  role: z.enum(["admin", "user"]),
});

/**
 * Grants or revokes the admin role of an existing account (scripts/admin.ts). The safe way to
 * make the first admin of a deployment: sign up, then run this with shell access to it, rather
 * than listing an address in ADMIN_EMAILS that anyone could sign up with first.
 */
export async function setUserRole(options: z.input<typeof OptionsSchema>): Promise<{ id: string; email: string; role: string; changed: boolean }> {
  const { email, role } = OptionsSchema.parse(options);
  const db = getDb();
  // better-auth stores emails lower-cased; the schema lower-cases the argument to match.
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, role: true } });
  if (!user) throw new AppError("not_found", `No account with the email ${email}: sign up first, then run this again.`);
  if (user.role === role) return { ...user, changed: false };
  const updated = await db.user.update({ where: { id: user.id }, data: { role }, select: { id: true, email: true, role: true } });
  log.info("user role changed", { userId: user.id, from: user.role, to: role });
  return { ...updated, changed: true };
}
