import type { Locator, Page } from "@playwright/test";

/**
 * A form's error message (role="alert"). Next's route announcer is also role="alert";
 * it is the one element with that id, so it is left out.
 */
export function formAlert(page: Page): Locator {
  return page.getByRole("alert").and(page.locator(":not(#__next-route-announcer__)"));
}
