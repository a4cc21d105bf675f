import type { Page, Response } from "@playwright/test";
import { expect, test as base } from "./support/fixtures";
import { ChatPage } from "./support/inspector-pages";
import { uniqueUser } from "./support/users";

// The Content-Security-Policy in a real browser: every page the app serves renders, hydrates and
// works (forms, the streamed chat, the live Activity feed, client-side navigation) with no CSP
// violation at all, and every HTML document carries a policy whose nonce is on its scripts.

type Violation = { url?: string; directive?: string; blocked?: string; disposition?: string; sample?: string; console?: string };

const test = base.extend<{ cspViolations: Violation[]; documents: Response[] }>({
  // Collected from the DOM's securitypolicyviolation event (survives navigations through
  // exposeFunction) and from the console; any at all fails the test.
  cspViolations: [
    async ({ page }, use, testInfo) => {
      const violations: Violation[] = [];
      await page.exposeFunction("__cspViolation", (v: Violation) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          (window as unknown as { __cspViolation: (v: Violation) => void }).__cspViolation({
            url: location.pathname,
            directive: e.effectiveDirective,
            blocked: e.blockedURI,
            disposition: e.disposition,
            sample: e.sample,
          }),
        );
      });
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push({ console: message.text() });
      });
      await use(violations);
      if (violations.length) await testInfo.attach("csp-violations", { body: JSON.stringify(violations, null, 2), contentType: "application/json" });
      expect(violations, "CSP violations").toEqual([]);
    },
    { auto: true },
  ],
  documents: async ({ page }, use) => {
    const documents: Response[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "document") documents.push(response);
    });
    await use(documents);
  },
});

/**
 * Each HTML document the browser loaded so far: an enforced policy without eval, and the fixed
 * headers; then each page fetched once more (same cookies) to see its scripts carry that
 * response's own nonce, and that the server's HTML has no inline style attribute.
 */
async function expectDocumentsProtected(page: Page, documents: Response[]) {
  expect(documents.length).toBeGreaterThan(0);
  const paths = new Set<string>();
  for (const response of documents.splice(0)) {
    const where = `${response.status()} ${new URL(response.url()).pathname}`;
    if (response.status() >= 300 && response.status() < 400) continue;
    expectPolicy(response.headers(), where);
    paths.add(new URL(response.url()).pathname);
  }
  for (const path of paths) {
    const response = await page.request.get(path);
    const csp = expectPolicy(response.headers(), path);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await response.text();
    expect(html, path).toContain(`nonce="${nonce}"`);
    expect(html, path).not.toMatch(/<[^>]+\sstyle="/);
  }
}

function expectPolicy(headers: Record<string, string>, where: string): string {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).not.toMatch(/unsafe-eval|unsafe-inline/);
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  return csp;
}

async function visit(page: Page, path: string, heading: RegExp | string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
}

test("signed out: sign-in, sign-up and the 404 page render and work under the policy", async ({ page, documents, signUpPage, shell, snap }) => {
  await visit(page, "/sign-in", /sign in/i);
  const notFound = await page.goto("/no-such-page");
  expect(notFound?.status()).toBe(404);
  await expectDocumentsProtected(page, documents);

  // The sign-up form posts from the hydrated page (a same-origin fetch the policy must allow).
  const user = uniqueUser("csp");
  await signUpPage.goto();
  await signUpPage.signUp(user);
  await shell.expectOnChat();
  await shell.expectSignedInAs(user.email);
  await snap("csp-signed-up");
  await expectDocumentsProtected(page, documents);
});

test("signed in: chat (streamed), Memories, Pending, Activity (live) and client-side navigation", async ({ page, user, documents, shell, snap }) => {
  void user;
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.sayAndWaitForSave("I play the oboe");
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  await snap("csp-chat");

  // Client-side navigations: RSC fetches and chunks loaded through 'strict-dynamic'.
  await shell.link("Memories").click();
  await expect(page.getByRole("heading", { name: "Memories", exact: true })).toBeVisible();
  const memory = page.getByRole("link", { name: /oboe/ }).first();
  await memory.click();
  await expect(page).toHaveURL(/\/memories\/[0-9a-f-]{36}$/);
  await shell.link("Activity").click();
  await expect(page.getByTestId("connection-state")).toHaveText("Live", { timeout: 15_000 });

  await visit(page, "/memories/pending", /memories/i);
  await visit(page, "/activity", "Activity");
  await expect(page.getByTestId("connection-state")).toHaveText("Live", { timeout: 15_000 });
  await snap("csp-activity");
  await expectDocumentsProtected(page, documents);
});

test("admin: the audit log, evals and system pages", async ({ page, admin, documents, snap }) => {
  void admin;
  await visit(page, "/admin/audit", "Audit log");
  await visit(page, "/admin/evals", /eval/i);
  await snap("csp-admin-evals");
  await visit(page, "/admin/system", /system/i);
  await expectDocumentsProtected(page, documents);
});
