import type { Page, TestInfo } from "@playwright/test";

/**
 * Saves a full-page screenshot in the test's output folder (test-results/…/NN-name.png) and
 * attaches it to the report under a readable name.
 */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const index = String(testInfo.attachments.filter((a) => a.contentType === "image/png").length + 1).padStart(2, "0");
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const path = testInfo.outputPath(`${index}-${slug}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
