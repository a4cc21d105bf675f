import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser } from "@/lib/auth/get-session-user";
import type { SessionUser } from "@/lib/auth/session-user";

/**
 * For pages: the signed-in user, or a redirect to sign-in. Cached per request: the layouts and
 * the page of one render all ask, and each lookup would otherwise hit the sessions table.
 */
export const requireUser = cache(async (): Promise<SessionUser> => {
  const user = await getSessionUser({ headers: await headers() });
  if (!user) redirect("/sign-in");
  return user;
});
