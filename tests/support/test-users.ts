import { randomUUID } from "node:crypto";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";

export type TestUser = { id: string; email: string; cookie: string };

/**
 * A fresh user with a real better-auth session (sign-up through the auth library, not a
 * forged row), so route tests exercise the same session lookup as the browser.
 */
export async function createTestUser(options: { role?: "user" | "admin"; prefix?: string } = {}): Promise<TestUser> {
  const email = `${options.prefix ?? "t"}-${randomUUID()}@test.local`;
  const response = await getAuth().api.signUpEmail({
    body: { email, password: "correct-horse-battery", name: "Test User" },
    asResponse: true,
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (options.role === "admin") await getDb().user.update({ where: { id: user.id }, data: { role: "admin" } });
  return { id: user.id, email, cookie };
}

/** A Request to a route handler, as the signed-in user (or anonymous without a cookie). */
export function request(
  path: string,
  options: { user?: TestUser; method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(options.headers);
  if (options.user) headers.set("cookie", options.user.cookie);
  if (options.body !== undefined || options.rawBody !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost:3000${path}`, {
    method: options.method ?? (options.body !== undefined || options.rawBody !== undefined ? "POST" : "GET"),
    headers,
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
}

/** The route-handler second argument Next passes: params as a promise. */
export const routeParams = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
