import { expect, type Locator, type Page } from "@playwright/test";
import { formAlert } from "../locators";

/** `/sign-in`: labels "Email" and "Password", button "Sign in", errors in role="alert". */
export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in" });
    this.error = formAlert(page);
  }

  async goto() {
    await this.page.goto("/sign-in");
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/sign-in(\?|$)/);
    await expect(this.submit).toBeVisible();
  }

  async signIn(credentials: { email: string; password: string }) {
    await this.email.fill(credentials.email);
    await this.password.fill(credentials.password);
    await this.submit.click();
  }
}
