// The deployment checks (npm test's "deploy" phase, after `next build`): tests/deploy/ runs the
// production build as the container image does, and validates the compose and proxy files.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/deploy/**/*.test.ts"],
    exclude: ["node_modules/**"],
    // The database these tests use is created by the tests themselves (it must start empty).
    globalSetup: [],
    testTimeout: 60_000,
  },
});
