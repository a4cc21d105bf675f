import { expect, type APIRequestContext } from "@playwright/test";
import type { TestUser } from "./users";

// better-auth limits sign-up and sign-in to a few per 10 s per client in production mode;
// specs that create a second session wait out a 429 instead of failing on it.
async function postRetrying(request: APIRequestContext, baseURL: string, path: string, data: unknown) {
  for (let attempt = 0; ; attempt++) {
    const res = await request.post(path, { data, headers: { origin: new URL(baseURL).origin } });
    if (res.status() !== 429 || attempt >= 6) return res;
    await new Promise((r) => setTimeout(r, 3_000));
  }
}

export async function signUpRetrying(request: APIRequestContext, baseURL: string, user: TestUser) {
  const res = await postRetrying(request, baseURL, "/api/auth/sign-up/email", user);
  expect(res.ok(), `sign-up of ${user.email}: ${res.status()} ${await res.text()}`).toBe(true);
}

export async function signInRetrying(request: APIRequestContext, baseURL: string, user: Pick<TestUser, "email" | "password">) {
  const res = await postRetrying(request, baseURL, "/api/auth/sign-in/email", { email: user.email, password: user.password });
  expect(res.ok(), `sign-in of ${user.email}: ${res.status()} ${await res.text()}`).toBe(true);
}
