import { expect, test } from "./support/fixtures";

// The deployment at a glance, for admins: dependencies, live replicas, the memory-write
// outbox and the schema, read from the running server (with its Redis and PostgreSQL).

test("an admin opens System from the navigation and sees the deployment's state", async ({ page, admin: _admin, shell, snap }) => {
  await page.goto("/");
  await shell.link("System").click();
  await expect(page).toHaveURL(/\/admin\/system$/);
  await expect(page.getByRole("heading", { level: 1, name: "System" })).toBeVisible();

  const dependencies = page.getByRole("region", { name: "Dependencies" });
  await expect(dependencies.getByText("Database")).toBeVisible();
  await expect(dependencies.getByText("ok", { exact: true }).first()).toBeVisible();
  await expect(dependencies.getByText("local/mnemo-local-memory-agent")).toBeVisible();

  const replicas = page.getByRole("region", { name: /^Replicas \(\d+ live\)$/ });
  await expect(replicas.getByTestId("replica-row").first()).toContainText("(this page)");

  const queue = page.getByRole("region", { name: "Memory writes (background outbox)" });
  await expect(queue.getByText("Failed, last 24 h")).toBeVisible();
  const schema = page.getByRole("region", { name: "Database schema" });
  await expect(schema.getByText(/^\d{14}_/)).toBeVisible();

  await snap("system status");
  await page.getByRole("link", { name: "Refresh" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "System" })).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await snap("system status at 375 px");
});

test("a non-admin is refused System, page and API, and does not see it in the navigation", async ({ page, user: _user, shell }) => {
  await page.goto("/");
  await expect(shell.nav).toBeVisible();
  await expect(shell.link("System")).toHaveCount(0);
  const response = await page.goto("/admin/system");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  expect((await page.request.get("/api/admin/system")).status()).toBe(403);
});
