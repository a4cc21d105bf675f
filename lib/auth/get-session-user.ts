import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { SessionUserSchema, type SessionUser } from "@/lib/auth/session-user";

/** The session's user, or null when signed out. Reads only the session cookie. */
export async function getSessionUser(options: { headers: Headers }): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers: options.headers });
  if (!session) return null;
  const parsed = SessionUserSchema.safeParse({ ...session.user, role: (session.user as { role?: string }).role ?? "user" });
  return parsed.success ? parsed.data : null;
}
