import { test as base, expect } from "@playwright/test";
import { AdminAuditPage } from "./pages/admin-audit-page";
import { AppShell } from "./pages/app-shell";
import { SignInPage } from "./pages/sign-in-page";
import { SignUpPage } from "./pages/sign-up-page";
import { snap } from "./screenshots";
import { adminUser, signUpViaApi, uniqueUser, type TestUser } from "./users";

type Fixtures = {
  signUpPage: SignUpPage;
  signInPage: SignInPage;
  shell: AppShell;
  auditPage: AdminAuditPage;
  /** Attaches a full-page screenshot of `page` to the report. */
  snap: (name: string) => Promise<void>;
  /** A fresh ordinary user, signed in through the API in this test's browser context. */
  user: TestUser;
  /** The admin (admin@e2e.test), signed in through the API in this test's browser context. */
  admin: TestUser;
};

export const test = base.extend<Fixtures>({
  signUpPage: async ({ page }, use) => use(new SignUpPage(page)),
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  shell: async ({ page }, use) => use(new AppShell(page)),
  auditPage: async ({ page }, use) => use(new AdminAuditPage(page)),
  snap: async ({ page }, use, testInfo) => use((name) => snap(page, testInfo, name)),
  user: async ({ page, baseURL }, use) => {
    const user = uniqueUser();
    await signUpViaApi(page.request, baseURL!, user);
    await use(user);
  },
  admin: async ({ page, baseURL }, use) => {
    const admin = adminUser();
    await signUpViaApi(page.request, baseURL!, admin);
    await use(admin);
  },
});

export { expect };
