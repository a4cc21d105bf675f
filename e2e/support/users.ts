import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

export type TestUser = { name: string; email: string; password: string };

/** The one admin: ADMIN_EMAILS=admin@e2e.test in playwright.config.ts makes this address an admin at sign-up. */
export const ADMIN_EMAIL = "admin@e2e.test";
const PASSWORD = "correct-horse-battery-9";

/** A user no other test (or earlier run) has used: `u-<random>@e2e.test`. */
export function uniqueUser(prefix = "u"): TestUser {
  const id = randomBytes(5).toString("hex");
  return { name: `E2E ${prefix} ${id}`, email: `${prefix}-${id}@e2e.test`, password: PASSWORD };
}

export function adminUser(): TestUser {
  return { name: "E2E Admin", email: ADMIN_EMAIL, password: PASSWORD };
}

/**
 * better-auth allows 3 sign-in / sign-up requests per 10 s per client. The e2e server is started
 * with that limit off (AUTH_RATE_LIMIT in playwright.config.ts); should it be on anyway, wait as
 * the 429 says and try again rather than fail.
 */
async function postRespectingRateLimit(request: APIRequestContext, baseURL: string, path: string, data: object): Promise<APIResponse> {
  for (let attempt = 1; ; attempt++) {
    const res = await request.post(path, { data, headers: { origin: new URL(baseURL).origin } });
    if (res.status() !== 429 || attempt === 4) return res;
    const seconds = Number(res.headers()["x-retry-after"] ?? res.headers()["retry-after"] ?? 10);
    await new Promise((resolve) => setTimeout(resolve, (Math.min(Math.max(seconds, 1), 15) + 0.5) * 1000));
  }
}

/**
 * Creates the account through better-auth's API. With a page's `request` (page.request) the
 * session cookie lands in that page's browser context, so the page is then signed in.
 * An account that already exists (the admin, shared by tests in parallel workers and retries)
 * is signed in instead.
 */
export async function signUpViaApi(request: APIRequestContext, baseURL: string, user: TestUser): Promise<void> {
  const res = await postRespectingRateLimit(request, baseURL, "/api/auth/sign-up/email", user);
  if (res.ok()) return;
  const signUpError = `${res.status()} ${await res.text()}`;
  const signIn = await postRespectingRateLimit(request, baseURL, "/api/auth/sign-in/email", { email: user.email, password: user.password });
  if (!signIn.ok()) {
    throw new Error(`could not sign up ${user.email} (${signUpError}) nor sign in (${signIn.status()} ${await signIn.text()})`);
  }
}

export async function signInViaApi(request: APIRequestContext, baseURL: string, user: Pick<TestUser, "email" | "password">) {
  const res = await postRespectingRateLimit(request, baseURL, "/api/auth/sign-in/email", { email: user.email, password: user.password });
  expect(res.ok(), `sign-in of ${user.email}: ${res.status()} ${await res.text()}`).toBe(true);
}
