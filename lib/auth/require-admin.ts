import "server-only";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import type { SessionUser } from "@/lib/auth/session-user";

/** For admin pages: the role is checked on the server; others get the 403 page. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") forbidden();
  return user;
}
