import fs from "node:fs";
import { expect, test } from "./support/fixtures";
import { ActivityPage, AuditLogPage, ChatPage, MemoriesPage, PendingPage } from "./support/inspector-pages";
import { snap as snapPage } from "./support/screenshots";
import { signInRetrying, signUpRetrying } from "./support/inspector-users";
import { uniqueUser } from "./support/users";

// The memory inspector's acceptance, through the UI with the offline model: nothing the
// assistant remembers is hidden; users see writes live, decide proposals, trace and remove
// memories; admins audit everything.

test.describe("memory inspector", () => {
  test("a write made through the chat appears on Activity live", async ({ page, context, user: _user, snap }) => {
    const activity = new ActivityPage(page);
    await activity.goto();
    await activity.expectLive();
    await snap("activity, live and empty");

    // The chat runs in a second tab of the same session; Activity is never reloaded.
    const chatTab = await context.newPage();
    const chat = new ChatPage(chatTab);
    await chat.goto();
    await chat.sayAndWaitForSave("I'm a vegetarian");

    await expect(activity.event("create", /vegetarian/i)).toBeVisible({ timeout: 5_000 });
    await expect(activity.event("create", /vegetarian/i)).toHaveCount(1);
    await expect(activity.status).toHaveText("Live");
    await snap("activity after a chat write, without reload");
    await page.setViewportSize({ width: 375, height: 800 });
    await snap("activity at 375 px");
  });

  test("Activity shows Reconnecting… while the stream is unreachable and catches up after", async ({ page, browser, baseURL, user, snap }) => {
    // The stream endpoint fails at the network level (as when the server is unreachable); the
    // browser keeps retrying while the page says so.
    await page.route("**/api/activity/stream**", (route) => route.abort("connectionrefused"));
    const activity = new ActivityPage(page);
    await activity.goto();
    await expect(activity.status).toHaveText("Reconnecting…", { timeout: 15_000 });
    await snap("activity reconnecting");

    // Meanwhile the same user writes from another browser.
    const other = await browser.newContext({ baseURL });
    await signInRetrying(other.request, baseURL!, user);
    const chat = new ChatPage(await other.newPage());
    await chat.goto();
    await chat.sayAndWaitForSave("I'm a vegetarian");
    await other.close();

    await page.unroute("**/api/activity/stream**");
    await activity.expectLive();
    await expect(activity.event("create", /vegetarian/i)).toHaveCount(1, { timeout: 15_000 });
    await snap("activity caught up after reconnect");
  });

  test("a memory's detail page shows its source and history", async ({ page, user: _user, snap }) => {
    const chat = new ChatPage(page);
    await chat.goto();
    await chat.sayAndWaitForSave("I'm a vegetarian");

    const memories = new MemoriesPage(page);
    await memories.goto();
    await expect(memories.row(/vegetarian/i)).toHaveCount(1);
    await snap("memories list");
    await memories.row(/vegetarian/i).getByRole("link").click();
    await expect(page).toHaveURL(/\/memories\/[0-9a-f-]{36}$/);

    const why = page.getByRole("region", { name: "Why was this saved?" });
    await expect(why).toContainText("I'm a vegetarian");
    const sourceLink = why.getByRole("link", { name: "Open the source message in the chat" });
    await expect(sourceLink).toHaveAttribute("href", /^\/c\/[0-9a-f-]{36}#m-[0-9a-f-]{36}$/);
    const history = page.getByRole("list", { name: "Audit history" });
    await expect(history.locator('[data-operation="create"]')).toHaveCount(1);
    await snap("memory detail: source and history");
    await page.setViewportSize({ width: 375, height: 800 });
    await snap("memory detail at 375 px");

    const href = (await sourceLink.getAttribute("href"))!;
    await sourceLink.click();
    await expect(page.locator(`#${href.split("#")[1]}`)).toContainText("I'm a vegetarian");
    await snap("source message in the chat");
  });

  test("delete from Memories shows on Activity", async ({ page, context, user: _user, snap }) => {
    const chat = new ChatPage(page);
    await chat.goto();
    await chat.sayAndWaitForSave("I'm a vegetarian");

    const activityTab = await context.newPage();
    const activity = new ActivityPage(activityTab);
    await activity.goto();
    await activity.expectLive();

    const memories = new MemoriesPage(page);
    await memories.goto();
    await memories.deleteSelected([/vegetarian/i]);
    await expect(memories.row(/vegetarian/i)).toHaveCount(0);
    await snap("memories after bulk delete");

    await expect(activity.event("delete", /vegetarian/i)).toBeVisible({ timeout: 5_000 });
    await snapPage(activityTab, test.info(), "activity shows the delete live");

    // Deleted memories stay visible on demand, with their history.
    await memories.goto("?statuses=deleted");
    await expect(memories.row(/vegetarian/i)).toContainText("deleted");
  });

  test("confirm and reject from Pending", async ({ page, shell, user: _user, snap }) => {
    const chat = new ChatPage(page);
    await chat.goto();
    const first = await chat.sayAndWaitForProposal("I think I might be vegan.");
    const second = await chat.sayAndWaitForProposal("I'm probably going to switch to Linux.");
    await expect(first.getByRole("button", { name: "Save" })).toBeVisible();
    await expect(second.getByRole("button", { name: "Dismiss" })).toBeVisible();
    const chatUrl = page.url();

    const pending = new PendingPage(page);
    await pending.goto();
    await expect(pending.items).toHaveCount(2);
    await expect(shell.nav.getByRole("link", { name: /^Pending/ })).toContainText("2");
    await snap("pending with two proposals and the nav badge");

    await pending.item(/vegan/i).getByRole("button", { name: /^Confirm/ }).click();
    await expect(pending.item(/vegan/i).getByRole("status")).toHaveText(/Saved to memory|Already remembered/);
    await pending.item(/Linux/i).getByRole("button", { name: /^Reject/ }).click();
    await expect(pending.item(/Linux/i).getByRole("status")).toHaveText("Dismissed — not remembered.");
    await expect(pending.items.getByRole("button", { name: /^(Confirm|Reject)/ })).toHaveCount(0);
    // The navigation badge follows: nothing is pending any more.
    await expect(shell.nav.getByRole("link", { name: /^Pending/ })).toHaveText("Pending");
    await snap("pending after confirm and reject");

    // The same decision shows in the chat's cards, which can no longer be decided again.
    await page.goto(chatUrl);
    const cards = page.getByTestId("proposal-card");
    await expect(cards.filter({ hasText: /vegan/i }).getByRole("status")).toContainText(/Saved to memory|Already remembered/);
    await expect(cards.filter({ hasText: /Linux/i }).getByRole("status")).toContainText("Dismissed");
    await expect(cards.getByRole("button", { name: "Save" })).toHaveCount(0);
    await snap("chat cards show the decisions");

    const memories = new MemoriesPage(page);
    await memories.goto();
    await expect(memories.row(/vegan/i)).toHaveCount(1);
    await expect(memories.row(/Linux/i)).toHaveCount(0);
  });

  test("an admin filters the audit log by user and operation and exports CSV", async ({ page, browser, baseURL, admin: _admin, snap }) => {
    // A user writes and deletes through the UI in a context of their own.
    const writer = uniqueUser("audit");
    const userContext = await browser.newContext({ baseURL });
    const userPage = await userContext.newPage();
    await signUpRetrying(userPage.request, baseURL!, writer);
    const chat = new ChatPage(userPage);
    await chat.goto();
    await chat.sayAndWaitForSave("I'm a vegetarian");
    const memories = new MemoriesPage(userPage);
    await memories.goto();
    await memories.deleteSelected([/vegetarian/i]);
    await userContext.close();

    const audit = new AuditLogPage(page);
    await audit.goto();
    await audit.filter({ user: writer.email, operation: "delete" });
    await expect(audit.rows).toHaveCount(1);
    await expect(audit.rows.first()).toContainText(writer.email);
    await audit.rows.first().getByRole("button", { name: "Details" }).click();
    await expect(page.getByTestId("audit-event-detail")).toContainText(/vegetarian/i);
    await expect(page.getByTestId("content-diff").locator("del")).toContainText(/vegetarian/i);
    await snap("audit log filtered by user and operation, with detail");

    await audit.filter({ user: writer.email, operation: "" });
    await expect(audit.rows).toHaveCount(2);
    await expect(page.locator('[data-testid="audit-row"][data-operation="create"]')).toHaveCount(1);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^seq,id,created_at,user_id,user_email,operation/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((l) => l.includes(writer.email))).toBe(true);
    expect(csv).toMatch(/,delete,/);
    expect(csv).toMatch(/,create,/);
    await test.info().attach("audit export", { body: csv, contentType: "text/csv" });
    await page.setViewportSize({ width: 375, height: 800 });
    await snap("audit log at 375 px");
  });

  test("a non-admin is refused the audit log, page and APIs", async ({ page, user: _user, snap }) => {
    const response = await page.goto("/admin/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
    await snap("non-admin refused");
    for (const path of ["/api/admin/audit", "/api/admin/audit/export", "/api/admin/audit/00000000-0000-4000-8000-000000000000"]) {
      const api = await page.request.get(path);
      expect(api.status(), path).toBe(403);
    }
  });
});
