import { expect, type Locator, type Page } from "@playwright/test";

/** The signed-in layout: the "Main" navigation and the header with the user's email and "Sign out". */
export class AppShell {
  readonly nav: Locator;
  readonly header: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.header = page.getByRole("banner");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
  }

  link(name: "Chat" | "Memories" | "Activity" | "Audit log" | "System"): Locator {
    return this.nav.getByRole("link", { name, exact: true });
  }

  /** The chat page at `/`: a heading or a textbox labelled "Message". */
  async expectOnChat() {
    await expect(this.page).toHaveURL(/^[^?#]*\/\/[^/]+\/(\?.*)?$/);
    await expect(this.nav).toBeVisible();
    await expect(this.page.getByRole("textbox", { name: "Message" }).or(this.page.getByRole("heading", { name: "Message" })).first()).toBeVisible();
  }

  async expectSignedInAs(email: string) {
    await expect(this.nav).toBeVisible();
    await expect(this.page.getByText(email, { exact: true }).first()).toBeVisible();
    await expect(this.signOutButton).toBeVisible();
  }

  async signOut() {
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/sign-in(\?|$)/);
  }
}
