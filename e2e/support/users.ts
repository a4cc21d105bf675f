import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

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
 * Creates the account through better-auth's API. With a page's `request` (page.request) the
 * session cookie lands in that page's browser context, so the page is then signed in.
 * An account that already exists (the admin, on a retried test) is signed in instead.
 */
export async function signUpViaApi(request: APIRequestContext, baseURL: string, user: TestUser): Promise<void> {
  const headers = { origin: new URL(baseURL).origin };
  const res = await request.post("/api/auth/sign-up/email", { data: user, headers });
  if (res.ok()) return;
  const body = await res.text();
  if (res.status() === 422 || /already exists/i.test(body)) {
    await signInViaApi(request, baseURL, user);
    return;
  }
  throw new Error(`sign-up of ${user.email} failed: ${res.status()} ${body}`);
}

export async function signInViaApi(request: APIRequestContext, baseURL: string, user: Pick<TestUser, "email" | "password">) {
  const res = await request.post("/api/auth/sign-in/email", {
    data: { email: user.email, password: user.password },
    headers: { origin: new URL(baseURL).origin },
  });
  expect(res.ok(), `sign-in of ${user.email}: ${res.status()} ${await res.text()}`).toBe(true);
}
