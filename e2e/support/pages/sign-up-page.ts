import type { Locator, Page } from "@playwright/test";
import { formAlert } from "../locators";

/** `/sign-up`: the account form (labels "Name", "Email", "Password"; button "Create account"). */
export class SignUpPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Name", { exact: true });
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Create account" });
    this.error = formAlert(page);
  }

  async goto() {
    await this.page.goto("/sign-up");
  }

  async signUp(user: { name: string; email: string; password: string }) {
    await this.name.fill(user.name);
    await this.email.fill(user.email);
    await this.password.fill(user.password);
    await this.submit.click();
  }
}
