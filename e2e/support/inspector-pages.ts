import { expect, type Locator, type Page } from "@playwright/test";

// Page objects for the memory inspector (Activity, Memories, memory detail, Pending, Audit log)
// and the slice of the chat the inspector specs drive (the chat's UI contract: textbox
// "Message", button "Send", chip data-testid="memory-chip", card data-testid="proposal-card").

export class ChatPage {
  readonly input: Locator;
  constructor(readonly page: Page) {
    this.input = page.getByRole("textbox", { name: "Message" });
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.input).toBeVisible();
  }

  /** Sends a message and waits for the memory chip of that turn to report the outcome. */
  async say(text: string) {
    const chips = this.page.getByTestId("memory-chip");
    const before = await chips.count();
    await this.input.fill(text);
    await this.page.getByRole("button", { name: "Send" }).click();
    return { chips, before };
  }

  async sayAndWaitForSave(text: string) {
    const { chips, before } = await this.say(text);
    await expect(chips.nth(before)).toContainText("Memory saved", { timeout: 30_000 });
  }

  async sayAndWaitForProposal(text: string): Promise<Locator> {
    const cards = this.page.getByTestId("proposal-card");
    const before = await cards.count();
    await this.say(text);
    const card = cards.nth(before);
    await expect(card).toBeVisible({ timeout: 30_000 });
    return card;
  }
}

export class ActivityPage {
  readonly status: Locator;
  readonly events: Locator;
  constructor(readonly page: Page) {
    this.status = page.getByTestId("connection-state");
    this.events = page.getByTestId("activity-event");
  }

  async goto() {
    await this.page.goto("/activity");
    await expect(this.page.getByRole("heading", { name: "Activity", exact: true })).toBeVisible();
  }

  async expectLive() {
    await expect(this.status).toHaveText("Live", { timeout: 15_000 });
  }

  /** Events of one operation whose text matches. */
  event(operation: string, text: string | RegExp): Locator {
    return this.page.locator(`[data-testid="activity-event"][data-operation="${operation}"]`).filter({ hasText: text });
  }
}

export class MemoriesPage {
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByTestId("memory-row");
  }

  async goto(query = "") {
    await this.page.goto(`/memories${query}`);
    await expect(this.page.getByRole("heading", { name: "Memories", exact: true })).toBeVisible();
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  async search(text: string) {
    await this.page.getByRole("searchbox", { name: "Search memories" }).fill(text);
    await this.page.getByRole("button", { name: "Apply" }).click();
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "(\\+|%20)")}`));
  }

  async deleteSelected(texts: (string | RegExp)[]) {
    for (const text of texts) await this.row(text).getByRole("checkbox").check();
    await this.page.getByRole("button", { name: `Delete selected (${texts.length})` }).click();
    const dialog = this.page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(this.page.getByRole("status").filter({ hasText: /Deleted \d+ memor/ })).toBeVisible();
  }
}

export class PendingPage {
  readonly items: Locator;
  constructor(readonly page: Page) {
    this.items = page.getByTestId("pending-proposal");
  }

  async goto() {
    await this.page.goto("/memories/pending");
    await expect(this.page.getByRole("heading", { name: "Pending memories" })).toBeVisible();
  }

  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text });
  }
}

export class AuditLogPage {
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByTestId("audit-row");
  }

  async goto() {
    await this.page.goto("/admin/audit");
    await expect(this.page.getByRole("heading", { name: "Audit log", exact: true })).toBeVisible();
  }

  async filter(values: { user?: string; operation?: string }) {
    if (values.user !== undefined) await this.page.getByLabel("User (email or id)").fill(values.user);
    if (values.operation !== undefined) await this.page.getByLabel("Operation").selectOption(values.operation);
    await this.page.getByRole("button", { name: "Apply filters" }).click();
    if (values.user) await expect(this.page).toHaveURL(/[?&]user=/);
  }
}
