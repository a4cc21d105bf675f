import { defineConfig } from "@playwright/test";

// Browser tests run the *built* app (`next build` first; scripts/test.sh does) on a fixed port,
// against a database and a Redis database of their own that are wiped at every start.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;

/** The e2e database lives on the same server as the vitest one, under another name. */
function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mnemo_test");
  url.pathname = "/mnemo_e2e";
  return url.toString();
}

/** Redis database 2 of the test server (vitest uses 1, developers' apps 0). */
function e2eRedisUrl(): string {
  if (process.env.E2E_REDIS_URL) return process.env.E2E_REDIS_URL;
  const url = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/1");
  url.pathname = "/2";
  return url.toString();
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // Two cores: one app server plus two browsers is as much as the machine carries well.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  globalTimeout: 20 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["html", { open: "never", outputFolder: "playwright-report" }],
    // Read by scripts/test.sh for the closing test count.
    ["json", { outputFile: ".data/test-reports/playwright.json" }],
  ],
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    headless: true,
    screenshot: "on",
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      // Playwright cannot download its own browser here: Debian's Chromium is used instead.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Without the background-networking flags Chromium floods the closed network with refused connections.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    // scripts/start.mjs applies the migrations, then runs the standalone server the image runs.
    command: `node e2e/support/reset-e2e-state.mjs && node scripts/start.mjs start --port ${PORT}`,
    url: `${BASE_URL}/api/auth/ok`,
    timeout: 180_000,
    // Opt-in only: a server left running would keep an old database.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: e2eDatabaseUrl(),
      REDIS_URL: e2eRedisUrl(),
      DATA_DIR: ".data/e2e",
      APP_URL: BASE_URL,
      BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
      ADMIN_EMAILS: "admin@e2e.test",
      // better-auth's sign-in/sign-up limit (3 per 10 s per client) would throttle a suite that
      // signs up a fresh user per test from one address. Read by lib/config.ts when supported.
      AUTH_RATE_LIMIT: "off",
      // Always the offline model, whatever keys the machine's environment holds (empty = unset).
      LLM_PROVIDER: "local",
      EMBEDDING_PROVIDER: "local",
      OPENAI_API_KEY: "",
      OPENAI_BASE_URL: "",
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    },
  },
});
