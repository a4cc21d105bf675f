import type { Page, TestInfo } from "@playwright/test";

/** Attaches a full-page screenshot to the test's report under a readable name. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
}
