import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Three projects (`vitest run --project unit|integration|integration-workers`; `npm run test:unit`
// is the first, `npm run test:integration` the other two):
// - unit: pure logic beside the code and in tests/*.test.ts, no global setup and no services.
//   Its DATABASE_URL and REDIS_URL point at closed ports on purpose, so a test that reaches for
//   a service fails at once instead of quietly opening an embedded database.
// - integration: tests/integration/ against the real PostgreSQL + pgvector and Redis; the
//   global setup creates and migrates the test database once per run.
// tests/deploy needs a production build: vitest.deploy.config.ts runs it after `next build`.
const shared = {
  NODE_ENV: "test" as const,
  DATA_DIR: path.join(root, ".data", "test"),
  BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  MEMORY_WORKER_ENABLED: "false",
};

const integrationEnv = {
  ...shared,
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mnemo_test",
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/1",
};

// Tests that run a memory-write worker in another process and time what it does with the jobs.
// A worker claims any queued job in the shared outbox, not only its own test's: run in parallel
// with the other files, their workers took these tests' jobs and these took theirs, and the
// timings failed now and then; and jobs other files leave queued (they drain only their own)
// were claimed first. They run last, one at a time, in a database of their own
// (<test database>_workers, created and migrated like the other).
function withDatabaseSuffix(connectionString: string, suffix: string): string {
  const url = new URL(connectionString);
  url.pathname = `${url.pathname}${suffix}`;
  return url.toString();
}

const WORKER_FILES = [
  "tests/integration/memory-outage.test.ts",
  "tests/integration/memory-durability.test.ts",
  "tests/integration/memory-worker-process.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["**/*.test.ts"],
          exclude: ["node_modules/**", "e2e/**", "tests/integration/**", "tests/deploy/**", ".next/**", "lib/generated/**", ".data/**"],
          env: {
            ...shared,
            DATABASE_URL: "postgresql://unit-tests-use-no-database@127.0.0.1:9/none",
            REDIS_URL: "redis://127.0.0.1:9/0",
          },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: WORKER_FILES,
          globalSetup: ["tests/support/global-setup.ts"],
          // Tests share one database: every test works as its own fresh users, so files can run in parallel.
          env: integrationEnv,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration-workers",
          include: WORKER_FILES,
          globalSetup: ["tests/support/global-setup.ts"],
          env: { ...integrationEnv, DATABASE_URL: withDatabaseSuffix(integrationEnv.DATABASE_URL, "_workers") },
          // After everything else, one file at a time: see WORKER_FILES.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
