import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** "Your data" (/data): export, import (check and import), erase by search or all, delete the account. */
export class DataPage {
  readonly importReport: Locator;
  constructor(readonly page: Page) {
    this.importReport = page.getByTestId("import-report");
  }

  async goto() {
    await this.page.goto("/data");
    await expect(this.page.getByRole("heading", { name: "Your data", exact: true })).toBeVisible();
  }

  /** Clicks "Download your data" and returns the downloaded file's text. */
  async download(): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: "Download your data" }).click()]);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    return { download, text: await readFile(path, "utf8") };
  }

  async chooseFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByLabel("File to import").setInputFiles(file);
  }

  /** "Check file" (dry run) or "Import"; waits for the report. */
  async runImport(kind: "Check file" | "Import") {
    await this.page.getByRole("button", { name: kind, exact: true }).click();
    await expect(this.importReport.getByRole("status")).toContainText(kind === "Check file" ? "Dry run" : "Imported.");
  }

  async eraseMatching(query: string) {
    await this.page.getByRole("searchbox", { name: "Erase memories matching" }).fill(query);
    await this.page.getByRole("button", { name: "Find memories to erase" }).click();
    const dialog = this.page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async deleteAccount(email: string) {
    await this.page.getByRole("button", { name: "Delete my account…" }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel(/Type your email address/).fill(email);
    await dialog.getByRole("button", { name: "Delete my account" }).click();
  }
}

/** A memory's own page: edit, expiry, erase. */
export class MemoryDetailPage {
  readonly content: Locator;
  constructor(readonly page: Page) {
    this.content = page.locator("#memory-content");
  }

  async edit(text: string) {
    await this.page.getByRole("button", { name: "Edit memory" }).click();
    await this.page.getByLabel("Memory text").fill(text);
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
  }

  async setExpiry(day: string) {
    await this.page.getByLabel("Expiry date").fill(day);
    await this.page.getByRole("button", { name: "Set expiry" }).click();
  }

  async erase() {
    await this.page.getByRole("button", { name: "Erase for good" }).click();
    const dialog = this.page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Erase for good" }).click();
  }
}
