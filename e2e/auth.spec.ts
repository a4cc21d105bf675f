import { expect, test } from "./support/fixtures";
import { signUpViaApi, uniqueUser } from "./support/users";

// The foundation's acceptance: accounts, sessions and the admin-only audit log, through the UI.

test.describe("accounts", () => {
  test("sign up lands on the chat page; sign out; sign in again", async ({ page, signUpPage, signInPage, shell, snap }) => {
    const user = uniqueUser();

    await test.step("signed out, / redirects to /sign-in", async () => {
      await page.goto("/");
      await signInPage.expectLoaded();
    });

    await test.step("sign up", async () => {
      await signUpPage.goto();
      await snap("sign-up form");
      await signUpPage.signUp(user);
      await shell.expectOnChat();
      await shell.expectSignedInAs(user.email);
      for (const name of ["Chat", "Memories", "Activity"] as const) await expect(shell.link(name)).toBeVisible();
      await expect(shell.link("Audit log")).toHaveCount(0);
      await snap("chat page after sign-up");
    });

    await test.step("sign out", async () => {
      await shell.signOut();
      await signInPage.expectLoaded();
      await page.goto("/");
      await signInPage.expectLoaded();
      await snap("signed out");
    });

    await test.step("sign in again", async () => {
      await signInPage.signIn(user);
      await shell.expectOnChat();
      await shell.expectSignedInAs(user.email);
      await snap("chat page after sign-in");
    });
  });

  test("a wrong password shows a clear error and does not sign in", async ({ page, browser, baseURL, signInPage, snap }) => {
    // The account is made in a separate context so this page starts signed out.
    const user = uniqueUser();
    const other = await browser.newContext({ baseURL });
    await signUpViaApi(other.request, baseURL!, user);
    await other.close();

    await signInPage.goto();
    await signInPage.signIn({ email: user.email, password: `${user.password}-wrong` });
    await expect(signInPage.error).toBeVisible();
    await expect(signInPage.error).toContainText(/invalid|incorrect|wrong/i);
    await expect(page).toHaveURL(/\/sign-in(\?|$)/);
    await snap("wrong password error");

    // The same for an address with no account: no hint about which part was wrong.
    await signInPage.signIn({ email: uniqueUser().email, password: user.password });
    await expect(signInPage.error).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in(\?|$)/);
  });
});

test.describe("audit log access", () => {
  test("a non-admin gets the 403 page and no Audit log link", async ({ page, user, shell, auditPage, snap }) => {
    await page.goto("/");
    await shell.expectSignedInAs(user.email);
    await expect(shell.link("Memories")).toBeVisible();
    await expect(shell.link("Audit log")).toHaveCount(0);

    const response = await auditPage.goto();
    expect(response?.status()).toBe(403);
    await auditPage.expectAccessDenied();
    await snap("non-admin on /admin/audit");
  });

  test("the admin sees the Audit log link and the page", async ({ page, admin, shell, auditPage, snap }) => {
    await page.goto("/");
    await shell.expectSignedInAs(admin.email);
    await expect(shell.link("Audit log")).toBeVisible();
    await snap("admin navigation");

    await shell.link("Audit log").click();
    await expect(page).toHaveURL(/\/admin\/audit(\?|$)/);
    await auditPage.expectAuditLog();
    await snap("admin audit log");
  });
});
