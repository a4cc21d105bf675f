import { expect, type Page } from "@playwright/test";

/** `/admin/audit`: the audit log for admins; everyone else gets Next's forbidden() page. */
export class AdminAuditPage {
  constructor(readonly page: Page) {}

  async goto() {
    return this.page.goto("/admin/audit");
  }

  async expectAuditLog() {
    await expect(this.page.getByRole("heading", { name: "Audit log", exact: true })).toBeVisible();
  }

  async expectAccessDenied() {
    await expect(this.page.getByRole("heading", { name: "Access denied" })).toBeVisible();
    await expect(this.page.getByRole("heading", { name: "Audit log", exact: true })).toHaveCount(0);
  }
}
