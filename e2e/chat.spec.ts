import { expect, test } from "./support/fixtures";
import { ChatPage } from "./support/inspector-pages";

// The chat as a new user meets it, with the offline model answering.

test("a new user chats, sees memories saved, confirms a proposal, recalls and forgets", async ({ page, user, snap }) => {
  void user;
  const chat = new ChatPage(page);
  await chat.goto();
  await expect(page.getByText(/Answering: Mnemo offline memory model/)).toBeVisible();
  await snap("chat-empty");

  await chat.sayAndWaitForSave("I'm a vegetarian");
  await expect(page.getByRole("article", { name: "From Mnemo" }).last()).toContainText("vegetarian");
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: "I'm a vegetarian" })).toBeVisible();
  await snap("chat-memory-saved");

  const card = await chat.sayAndWaitForProposal("I think I might move to Lisbon next year");
  await expect(card).toContainText("User might move to Lisbon next year");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved to memory.");
  await expect(card.getByRole("button", { name: "Save" })).toHaveCount(0);
  await snap("chat-proposal-confirmed");

  await chat.say("What do you remember about me?");
  const recall = page.getByRole("article", { name: "From Mnemo" }).last();
  await expect(recall).toContainText("vegetarian", { timeout: 30_000 });
  await expect(recall).toContainText("Lisbon");
  await snap("chat-recall");

  await chat.say("Forget that I'm a vegetarian");
  const forget = page.getByRole("region", { name: "Memories to forget" });
  await expect(forget).toContainText("User is a vegetarian", { timeout: 30_000 });
  await expect(forget).not.toContainText("Lisbon");
  await forget.getByRole("button", { name: "Forget" }).click();
  await expect(page.getByTestId("memory-chip").last()).toContainText("Forgotten", { timeout: 30_000 });
  await snap("chat-forgotten");

  // The recall afterwards no longer mentions it, and a reload shows the same conversation.
  await page.reload();
  await expect(page.getByRole("article", { name: "From you" })).toHaveCount(5);
  await chat.say("What do you remember about me?");
  const after = page.getByRole("article", { name: "From Mnemo" }).last();
  await expect(after).toContainText("Lisbon", { timeout: 30_000 });
  await expect(after).not.toContainText("vegetarian");
});

test("conversations can be renamed, switched and deleted", async ({ page, user, snap }) => {
  void user;
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.sayAndWaitForSave("I live in Berlin");
  const list = page.getByRole("navigation", { name: "Conversations" });
  await list.getByRole("button", { name: "Rename I live in Berlin" }).click();
  const title = list.getByLabel("Conversation title");
  await title.fill("About me");
  await title.press("Enter");
  await expect(list.getByRole("link", { name: "About me" })).toBeVisible();
  await list.getByRole("link", { name: "New chat" }).click();
  await expect(page.getByText("What should I know about you?")).toBeVisible();
  await list.getByRole("link", { name: "About me" }).click();
  await expect(page.getByRole("article", { name: "From you" })).toContainText("I live in Berlin");
  await snap("chat-conversations");
  page.once("dialog", (dialog) => void dialog.accept());
  await list.getByRole("button", { name: "Delete About me" }).click();
  await expect(list.getByRole("link", { name: "About me" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
});

test("a tab keeps one live stream, and the memory chip learns its outcome from it instead of polling", async ({ page, user, snap }) => {
  void user;
  const streams: string[] = [];
  const writeReads: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === "/api/activity/stream") streams.push(request.url());
    if (pathname.startsWith("/api/memory-writes/")) writeReads.push(pathname);
  });
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.sayAndWaitForSave("I'm a vegetarian");
  await expect(page.getByTestId("memory-chip").last()).toHaveAttribute("data-write-status", "done");
  // Longer than any polling interval: the status was read on mount and once more on the
  // stream's hint, never on a timer.
  await page.waitForTimeout(4_000);
  expect(writeReads.length).toBeLessThanOrEqual(2);
  expect(new Set(writeReads).size).toBe(1);

  // Activity, reached in the same tab, follows the same connection and shows the write.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByTestId("connection-state")).toHaveText("Live", { timeout: 15_000 });
  await expect(page.locator('[data-testid="activity-event"][data-operation="create"]').filter({ hasText: /vegetarian/i })).toHaveCount(1);
  await snap("activity on the tab's one stream");
  expect(streams).toHaveLength(1);
});
