import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    // tests/deploy needs a production build: vitest.deploy.config.ts runs it after `next build`.
    exclude: ["node_modules/**", "e2e/**", "tests/deploy/**", ".next/**", "lib/generated/**", ".data/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Tests share one database: every test works as its own fresh users, so files can run in parallel.
    env: {
      NODE_ENV: "test",
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mnemo_test",
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/1",
      DATA_DIR: path.join(root, ".data", "test"),
      BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
      MEMORY_WORKER_ENABLED: "false",
    },
  },
});
