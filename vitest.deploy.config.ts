// The deployment checks (npm test's "deploy" phase, after `next build`): tests/deploy/ runs the
// production build as the container image does, and validates the compose and proxy files.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// The base config's projects are replaced by this one set of files.
const { projects: _projects, ...baseTest } = base.test ?? {};

export default defineConfig({
  ...base,
  test: {
    ...baseTest,
    include: ["tests/deploy/**/*.test.ts"],
    exclude: ["node_modules/**"],
    // The database these tests use is created by the tests themselves (it must start empty).
    globalSetup: [],
    testTimeout: 60_000,
    env: {
      NODE_ENV: "test",
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mnemo_test",
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/1",
      DATA_DIR: ".data/test",
      BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
      MEMORY_WORKER_ENABLED: "false",
    },
  },
});
