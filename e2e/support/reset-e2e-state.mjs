// Run by playwright.config.ts's webServer before the app starts: a fresh e2e database and an
// empty Redis database, so every run begins from nothing. Plain Node (no tsx) to keep start-up fast.
import pg from "pg";
import Redis from "ioredis";

const dbUrl = new URL(process.env.DATABASE_URL ?? "");
const dbName = decodeURIComponent(dbUrl.pathname.slice(1));
// Refuse anything that does not look like a throwaway e2e database.
if (!/e2e/.test(dbName)) throw new Error(`refusing to drop "${dbName}": the e2e database name must contain "e2e"`);

const admin = new URL(dbUrl);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 10_000 });
await client.connect();
try {
  const ident = `"${dbName.replaceAll('"', '""')}"`;
  await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${ident}`);
} finally {
  await client.end();
}

if (process.env.REDIS_URL) {
  const redis = new Redis(process.env.REDIS_URL, { connectTimeout: 5000, maxRetriesPerRequest: 1 });
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}
console.log(`[e2e] fresh database ${dbName} on ${dbUrl.host}; redis ${process.env.REDIS_URL ?? "(none)"} flushed`);
