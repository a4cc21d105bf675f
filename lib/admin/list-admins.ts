import "server-only";
import { getDb } from "@/lib/db/client";

/** Every admin account, oldest first (scripts/admin.ts list). */
export async function listAdmins(): Promise<{ id: string; email: string; createdAt: Date }[]> {
  return getDb().user.findMany({ where: { role: "admin" }, orderBy: { createdAt: "asc" }, select: { id: true, email: true, createdAt: true } });
}
