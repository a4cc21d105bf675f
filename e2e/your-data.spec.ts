import { expect, test } from "./support/fixtures";
import { ChatPage, MemoriesPage } from "./support/inspector-pages";
import { signInRetrying } from "./support/inspector-users";
import { DataPage, MemoryDetailPage } from "./support/pages/data-page";
import { snap as snapPage } from "./support/screenshots";
import { adminUser, signUpViaApi, uniqueUser } from "./support/users";

// "Your memory, your control" through the UI with the offline model: export a file, check and
// import it into another account (twice: the second adds nothing), import plain statements,
// edit, give an expiry to and erase a memory from its page, erase by search, delete the account.

test.describe("your data", () => {
  test("export, then check and import the file into a new account; importing it again adds nothing", async ({ page, browser, baseURL, user: _user, snap }, testInfo) => {
    const chat = new ChatPage(page);
    await chat.goto();
    await chat.sayAndWaitForSave("I prefer TypeScript for backend work.");
    const { chips, before } = await chat.say("Actually, I prefer Python over TypeScript.");
    await expect(chips.nth(before)).toContainText("Memory updated", { timeout: 30_000 });

    const data = new DataPage(page);
    await data.goto();
    await snap("your data page");
    const { download, text } = await data.download();
    expect(download.suggestedFilename()).toMatch(/^mnemo-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(text) as { format: string; version: number; memories: { content: string; status: string }[] };
    expect(file).toMatchObject({ format: "mnemo-export", version: 1 });
    expect(file.memories.map((m) => m.status).sort()).toEqual(["active", "superseded"]);
    const path = await download.path();

    // Another account, in another browser.
    const other = await browser.newContext({ baseURL });
    const otherPage = await other.newPage();
    await signUpViaApi(otherPage.request, baseURL!, uniqueUser("import"));
    const target = new DataPage(otherPage);
    await target.goto();
    await target.chooseFile(path);
    await target.runImport("Check file");
    await expect(target.importReport.getByRole("status")).toContainText("2 would be created");
    await snapPage(otherPage, testInfo, "import dry run");
    await target.runImport("Import");
    await expect(target.importReport.getByRole("status")).toContainText("2 were created");
    await target.runImport("Import");
    await expect(target.importReport.getByRole("status")).toContainText("0 were created, 0 skipped as duplicates, 2 already in your account");
    await snapPage(otherPage, testInfo, "re-import adds nothing");

    const memories = new MemoriesPage(otherPage);
    await memories.goto();
    await expect(memories.row(/Python/)).toHaveCount(1);
    await memories.row(/Python/).getByRole("link").click();
    await expect(otherPage.getByRole("region", { name: "Why was this saved?" })).toContainText("Actually, I prefer Python over TypeScript.");
    await expect(otherPage.getByRole("region", { name: "Versions" })).toContainText("TypeScript for backend");
    await snapPage(otherPage, testInfo, "imported memory keeps its source and versions");
    await other.close();
  });

  test("plain statements import with the write policy's reasons", async ({ page, user: _user, snap }) => {
    const data = new DataPage(page);
    await data.goto();
    await data.chooseFile({ name: "memories.txt", mimeType: "text/plain", buffer: Buffer.from("I live in Porto\npreference: tea over coffee\nmy PIN is 4921\n") });
    await data.runImport("Import");
    const report = data.importReport;
    await expect(report.locator('[data-outcome="created"]')).toHaveCount(2);
    await expect(report.locator('[data-outcome="refused"]')).toContainText("never stores");
    await expect(report).not.toContainText("4921");
    await snap("text import report");
  });

  test("edit, set an expiry and erase a memory from its page", async ({ page, user: _user, snap }) => {
    const chat = new ChatPage(page);
    await chat.goto();
    await chat.sayAndWaitForSave("I live in Glasgow");
    const memories = new MemoriesPage(page);
    await memories.goto();
    await memories.row(/Glasgow/).getByRole("link").click();
    const url = page.url();

    const detail = new MemoryDetailPage(page);
    await detail.edit("User lives in Leeds");
    await expect(page).not.toHaveURL(url);
    await expect(detail.content).toHaveText("User lives in Leeds");
    await expect(page.getByRole("region", { name: "Versions" })).toContainText("Glasgow");
    await expect(page.getByRole("list", { name: "Audit history" })).toContainText("user edit");
    await snap("after an edit: the new version, the old one in Versions");

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await detail.setExpiry(tomorrow);
    await expect(page.getByTestId("memory-expiry")).toContainText("Expires");
    await expect(page.getByRole("button", { name: "Clear expiry" })).toBeVisible();
    await snap("expiry set");

    await detail.erase();
    await expect(page).toHaveURL(/\/memories$/);
    await memories.goto("?statuses=active,superseded,deleted,expired");
    await expect(memories.row(/Leeds|Glasgow/)).toHaveCount(0);
    await snap("erased: no version left");
  });

  test("erase by search asks first; deleting the account signs out and leaves admins a content-free record", async ({ page, browser, baseURL, user, snap }) => {
    const chat = new ChatPage(page);
    await chat.goto();
    await chat.sayAndWaitForSave("I'm a vegetarian");
    await chat.sayAndWaitForSave("I play the cello");

    const data = new DataPage(page);
    await data.goto();
    const dialog = await data.eraseMatching("vegetarian");
    await expect(dialog.getByRole("list", { name: "Memories to erase" })).toContainText("User is a vegetarian");
    await snap("erase by search: confirmation");
    await dialog.getByRole("button", { name: "Erase 1 memory" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Erased 1 memory" })).toBeVisible();

    const session = (await (await page.request.get("/api/auth/get-session")).json()) as { user: { id: string } };
    await data.deleteAccount(user.email);
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/data/export")).status()).toBe(401);

    const adminContext = await browser.newContext({ baseURL });
    const adminPage = await adminContext.newPage();
    await signUpViaApi(adminPage.request, baseURL!, adminUser()).catch(() => signInRetrying(adminPage.request, baseURL!, adminUser()));
    await adminPage.goto("/admin/deletions");
    const row = adminPage.getByRole("row").filter({ hasText: session.user.id });
    await expect(row).toContainText("1 memories");
    await expect(adminPage.getByRole("table")).not.toContainText(user.email);
    await snapPage(adminPage, test.info(), "admin: deleted accounts");
    await adminContext.close();
  });
});
