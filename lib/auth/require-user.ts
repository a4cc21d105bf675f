import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/get-session-user";
import type { SessionUser } from "@/lib/auth/session-user";

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser({ headers: await headers() });
  if (!user) redirect("/sign-in");
  return user;
}
