// Several production replicas behind one PostgreSQL and one Redis, run as the container runs
// them (tests/deploy/support): a fresh database migrated by the `migrate` stage's command,
// then the `app` stage's standalone server on two ports. A memory written through one replica
// is visible through the other, its live event reaches a stream the other serves, and a
// session made on one is honoured by the other: nothing that matters lives in one process.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { randomUUID } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HealthSchema } from "@/lib/health/schemas";
import { MemoryListPageSchema } from "@/lib/memory/view-schemas";
import { MemoryEventSchema } from "@/lib/memory/schemas";
import { SystemStatusSchema } from "@/lib/ops/schemas";
import { openSse } from "@/tests/integration/sse-client";
import { readDockerfile } from "@/scripts/deploy/dockerfile-stages";
import {
  assembleAppImage,
  freePort,
  imageNode,
  runHealthcheck,
  runMigrateStage,
  startProxy,
  startReplica,
  type Replica,
} from "@/scripts/deploy/run-image-locally";

const baseUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mnemo_test";
const databaseUrl = (() => {
  const url = new URL(baseUrl);
  url.pathname = "/mnemo_deploy";
  return url.toString();
})();
const redisUrl = (() => {
  const url = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/1");
  url.pathname = "/4";
  return url.toString();
})();

// What docker-compose.yml gives every app container, pointed at this machine's services. Its
// TRUSTED_PROXIES names compose's proxy; here the test itself (and Caddy, below) stands in front
// of the replicas on this machine, so X-Forwarded-For is believed from loopback.
const composeEnv = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  BETTER_AUTH_SECRET: "deploy-secret-deploy-secret-deploy-secret-01",
  TRUSTED_PROXIES: "127.0.0.1,::1",
  LOG_LEVEL: "warn",
};

let appDir: string;
const replicas: Replica[] = [];
let a: Replica;
let b: Replica;

/** A fresh, empty database: the migrate step must build the whole schema. */
async function recreateDatabase() {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query("DROP DATABASE IF EXISTS mnemo_deploy WITH (FORCE)");
    await admin.query("CREATE DATABASE mnemo_deploy");
  } finally {
    await admin.end();
  }
}

async function start(env: Record<string, string> = {}) {
  const replica = await startReplica(appDir, { ...composeEnv, ...env });
  replicas.push(replica);
  return replica;
}

beforeAll(async () => {
  await recreateDatabase();
  const migrated = await runMigrateStage(composeEnv);
  expect(migrated.status, migrated.output).toBe(0);
  expect(migrated.output).toMatch(/applied \d+/);
  appDir = assembleAppImage();
  const port = await freePort();
  [a, b] = await Promise.all([start({ APP_URL: `http://localhost:${port}` }), start({ APP_URL: `http://localhost:${port}` })]);
}, 180_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  if (appDir) fs.rmSync(appDir, { recursive: true, force: true });
});

/** A distinct client address per caller (what the proxy would set), for the auth rate limit. */
const clientAddress = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function signUp(replica: Replica): Promise<{ cookie: string; email: string }> {
  const email = `deploy-${randomUUID()}@test.local`;
  const response = await fetch(`${replica.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: replica.url, "x-forwarded-for": clientAddress() },
    body: JSON.stringify({ email, password: "correct-horse-battery", name: "Deploy Test" }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { cookie, email };
}

async function chat(replica: Replica, cookie: string, text: string) {
  const response = await fetch(`${replica.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: replica.url },
    body: JSON.stringify({ id: randomUUID(), message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] } }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.text();
}

async function memories(replica: Replica, cookie: string) {
  const response = await fetch(`${replica.url}/api/memories`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return MemoryListPageSchema.parse(await response.json()).items;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A process's resident memory, from /proc. */
function rssKiB(pid: number): number {
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
}

/**
 * Starts a POST with Transfer-Encoding: chunked (no Content-Length) over a raw socket, writes
 * `sendBytes` of it as fast as the server takes them, then waits (never finishing the body) for
 * the server to answer and hang up. Resolves with the answer and whether the server closed.
 */
function chunkedUpload(replica: Replica, path: string, sendBytes: number, cookie?: string) {
  return new Promise<{ head: string; body: string; closedByServer: boolean }>((resolve) => {
    const socket = net.connect(replica.port, "127.0.0.1");
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
    let received = "";
    let sent = 0;
    let closed = false;
    let closedByServer = false;
    const timer = setTimeout(() => socket.destroy(), 20_000);
    socket.on("data", (data) => void (received += data.toString("latin1")));
    socket.on("end", () => void (closedByServer = true));
    // A reset is the server hanging up too (it had unread bytes of ours when it closed).
    socket.on("error", (error: NodeJS.ErrnoException) => void (closedByServer ||= error.code === "ECONNRESET" || error.code === "EPIPE"));
    socket.on("close", () => {
      closed = true;
      clearTimeout(timer);
      const [head = "", body = ""] = received.split("\r\n\r\n");
      resolve({ head, body, closedByServer });
    });
    socket.on("connect", async () => {
      const auth = cookie ? `Cookie: ${cookie}\r\nOrigin: ${replica.url}\r\n` : "";
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${replica.port}\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      while (!closed && received === "" && sent < sendBytes) {
        sent += chunk.length;
        if (!socket.write(frame)) await new Promise((r) => (socket.once("drain", r), socket.once("close", r)));
      }
    });
  });
}

async function health(replica: Replica) {
  const response = await fetch(`${replica.url}/api/health`);
  return { status: response.status, body: HealthSchema.parse(await response.json()) };
}

describe("production replicas sharing PostgreSQL and Redis", () => {
  it("runs as the image does: its Node.js major version, as the unprivileged node user", () => {
    const [major] = /^node:(\d+)/.exec(readDockerfile().args.NODE_IMAGE!)!.slice(1);
    for (const replica of [a, b]) {
      expect(fs.realpathSync(`/proc/${replica.pid}/exe`)).toBe(fs.realpathSync(imageNode()));
      const uid = /^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${replica.pid}/status`, "utf8"))![1];
      // Only root can switch users; CI runs as root.
      if (process.getuid!() === 0) expect(uid).toBe("1000");
    }
    const version = spawnSync(imageNode(), ["--version"], { encoding: "utf8" }).stdout;
    expect(version).toMatch(new RegExp(`^v${major}\\.`));
  });

  it("serves the built pages and their static assets from the image layout", async () => {
    const page = await fetch(`${a.url}/sign-in`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const asset = /\/_next\/static\/[^"]+\.(?:css|js)/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    expect((await fetch(`${b.url}${asset}`)).status).toBe(200);
  });

  it("a memory saved through replica A is listed by replica B, and its live event reaches B's stream", async () => {
    const alice = await signUp(a);
    const bob = await signUp(b);
    // A session made on A is honoured by B: sessions live in PostgreSQL, the secret is shared.
    const streamOnB = await openSse(`${b.url}/api/activity/stream`, { cookie: alice.cookie });
    const bobStreamOnB = await openSse(`${b.url}/api/activity/stream`, { cookie: bob.cookie });
    expect(streamOnB.status).toBe(200);
    await Promise.all([streamOnB.waitFor("ready", 1), bobStreamOnB.waitFor("ready", 1)]);

    await chat(a, alice.cookie, "I am a vegetarian.");
    const [event] = await streamOnB.waitFor("memory", 1, 10_000);
    expect(MemoryEventSchema.parse(JSON.parse(event!.data))).toMatchObject({ operation: "create" });

    const listed = await eventually(() => memories(b, alice.cookie), (items) => items.length > 0);
    expect(listed.map((m) => m.content).join(" ")).toMatch(/vegetarian/i);
    // Bob, served by the same replica, sees none of it.
    expect(await memories(b, bob.cookie)).toEqual([]);
    expect(bobStreamOnB.events.filter((e) => e.event === "memory")).toEqual([]);
    streamOnB.close();
    bobStreamOnB.close();
  });

  it("limits sign-in attempts per client across replicas, not per replica", async () => {
    const { email } = await signUp(a);
    const address = clientAddress();
    const statuses = [];
    // better-auth allows 3 sign-in attempts per 10 s per address; balanced A, B, A, B.
    for (const replica of [a, b, a, b]) {
      const response = await fetch(`${replica.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: replica.url, "x-forwarded-for": address },
        body: JSON.stringify({ email, password: "wrong-password-123" }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("a client talking to a replica directly cannot choose its sign-in rate-limit key by forging X-Forwarded-For", async () => {
    // No TRUSTED_PROXIES: the preload (the image's CMD) replaces the header with the peer's address.
    const direct = await start({ TRUSTED_PROXIES: "" });
    expect(direct.output()).toMatch(/"msg":"TRUSTED_PROXIES is unset/);
    const { email } = await signUp(a);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${direct.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: direct.url, "x-forwarded-for": clientAddress() },
        body: JSON.stringify({ email, password: "wrong-password-123" }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(await direct.stop()).toBe(0);
  });

  it("cuts a chunked upload without Content-Length at the limit and hangs up, without reading the rest", async () => {
    // The client sends 4 MB of a declared-nothing body and then waits: a server that read (or
    // buffered, or drained) the whole body would wait for the rest and never answer.
    // The chat route checks the session before it reads a byte of the body, so the upload is a
    // signed-in user's; signed out, the same upload gets its 401 at once and the hang-up.
    const { cookie } = await signUp(a);
    // The server's hang-up can reset the socket before the client has read the answer (a race in
    // the kernel, not in the app): try again, a few times, to read the answer itself.
    const uploadAndRead = async (path: string, session?: string) => {
      let result = await chunkedUpload(a, path, 4 * 1024 * 1024, session);
      for (let i = 0; i < 3 && result.head === "" && result.closedByServer; i++) result = await chunkedUpload(a, path, 4 * 1024 * 1024, session);
      return result;
    };
    const signedOut = await uploadAndRead("/api/chat");
    expect(signedOut.head).toMatch(/^HTTP\/1\.1 401 /);
    expect(signedOut.head).toMatch(/^connection: close$/im);
    expect(signedOut.closedByServer).toBe(true);
    for (const [path, session] of [["/api/chat", cookie], ["/api/auth/sign-in/email", undefined]] as const) {
      const result = await uploadAndRead(path, session);
      expect(result.head, path).toMatch(/^HTTP\/1\.1 413 /);
      expect(result.head, path).toMatch(/^connection: close$/im);
      expect(result.body, path).toContain('"code":"payload_too_large"');
      expect(result.closedByServer, path).toBe(true);
    }
    // Four at once at sign-in (better-auth used to read each whole): memory stays flat.
    const rssBefore = rssKiB(a.pid);
    const results = await Promise.all(Array.from({ length: 4 }, () => chunkedUpload(a, "/api/auth/sign-in/email", 4 * 1024 * 1024)));
    for (const result of results) {
      expect(result.closedByServer).toBe(true);
      // Under load the server's hang-up can reset the socket before the client has read the 413.
      if (result.head) expect(result.head).toMatch(/^HTTP\/1\.1 413 /);
    }
    expect(rssKiB(a.pid) - rssBefore).toBeLessThan(64 * 1024);
  });

  it("serves its security headers: the pages' nonce CSP, nosniff, no framing, the referrer policy, no-store on the API", async () => {
    const page = await fetch(`${a.url}/sign-in`);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    const html = await page.text();
    expect(html).toContain(`nonce="${/'nonce-([^']+)'/.exec(csp)![1]}"`);
    const api = await fetch(`${a.url}/api/memories`);
    expect(api.status).toBe(401);
    expect(api.headers.get("cache-control")).toBe("no-store");
    expect(api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
    for (const response of [page, api, await fetch(`${a.url}${asset}`), await fetch(`${a.url}/no-such-page`)]) {
      expect(response.headers.get("x-content-type-options"), response.url).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), response.url).toBe("DENY");
      expect(response.headers.get("referrer-policy"), response.url).toBe("strict-origin-when-cross-origin");
      // Plain http here: no HSTS (see the public-URL replica below).
      expect(response.headers.get("strict-transport-security"), response.url).toBeNull();
    }
    const undefinedMethod = await fetch(`${a.url}/api/memories`, { method: "PUT" });
    expect(undefinedMethod.status).toBe(405);
    expect(undefinedMethod.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await undefinedMethod.json()).toMatchObject({ error: { code: "method_not_allowed" } });
  });

  it("behind a public APP_URL accepts sign-ups only from that origin, not from any localhost page", async () => {
    const publicReplica = await start({ APP_URL: "https://mnemo.example.com" });
    const attempt = (origin: string) =>
      fetch(`${publicReplica.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, "x-forwarded-for": clientAddress() },
        body: JSON.stringify({ email: `origin-${randomUUID()}@test.local`, password: "correct-horse-battery", name: "Origin" }),
      });
    expect((await attempt("http://localhost:5173")).status).toBe(403);
    expect((await attempt("https://evil.example")).status).toBe(403);
    expect((await attempt("https://mnemo.example.com")).status).toBe(200);
    // Served over https: HSTS on pages and API answers, and the app's own routes refuse other origins too.
    const hsts = "max-age=31536000; includeSubDomains";
    expect((await fetch(`${publicReplica.url}/sign-in`)).headers.get("strict-transport-security")).toBe(hsts);
    expect((await fetch(`${publicReplica.url}/api/memories`)).headers.get("strict-transport-security")).toBe(hsts);
    const forged = await fetch(`${publicReplica.url}/api/memories/bulk-delete`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "https://evil.example" },
      body: JSON.stringify({ ids: [randomUUID()] }),
    });
    expect(forged.status).toBe(403);
    expect(await publicReplica.stop()).toBe(0);
  });

  it("reports healthy on every replica, and Docker's HEALTHCHECK command agrees", async () => {
    for (const replica of [a, b]) {
      expect(await health(replica)).toEqual({
        status: 200,
        body: { db: "ok", redis: "ok", model: "local/mnemo-local-memory-agent", embeddings: expect.stringMatching(/^local\/mnemo-blend-v1@384/) },
      });
      const check = runHealthcheck(appDir, replica);
      expect(check.status, check.output).toBe(0);
    }
  });

  it("with Redis down a replica stays healthy (redis: down) and still saves memories", async () => {
    const degraded = await start({ REDIS_URL: `redis://127.0.0.1:${await freePort()}/0` });
    expect(await health(degraded)).toMatchObject({ status: 200, body: { db: "ok", redis: "down" } });
    expect(runHealthcheck(appDir, degraded).status).toBe(0);
    const carol = await signUp(degraded);
    await chat(degraded, carol.cookie, "I live in Lisbon.");
    const listed = await eventually(() => memories(degraded, carol.cookie), (items) => items.length > 0);
    expect(listed.map((m) => m.content).join(" ")).toMatch(/Lisbon/);
    await degraded.stop();
  });

  it("with the database unreachable a replica answers 503 and the HEALTHCHECK fails", async () => {
    const url = new URL(databaseUrl);
    url.port = String(await freePort());
    const broken = await start({ DATABASE_URL: url.toString() });
    const { status, body } = await health(broken);
    expect(status).toBe(503);
    expect(body).toMatchObject({ db: "down", redis: "ok" });
    const check = runHealthcheck(appDir, broken);
    expect(check.status).toBe(1);
    expect(check.output).toMatch(/^503 /);
    await broken.stop();
  });

  it("on SIGTERM (docker stop) a replica finishes its in-flight memory write and exits 0 within the grace period", async () => {
    // Each background write takes 1.5 s here, so the stop arrives while it is in flight.
    const stopping = await start({ MEMORY_WRITE_ARTIFICIAL_DELAY_MS: "1500", LOG_LEVEL: "info" });
    const erin = await signUp(stopping);
    const stream = await openSse(`${stopping.url}/api/activity/stream`, { cookie: erin.cookie });
    await stream.waitFor("ready", 1);
    await chat(stopping, erin.cookie, "I play the cello.");
    const startedAt = Date.now();
    const exited = stopping.stop();
    // The live stream is ended at once (its browser reconnects elsewhere), not cut at exit.
    await stream.ended;
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    const code = await exited;
    expect(code, stopping.output()).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(6_500);
    expect(stopping.output()).toMatch(/memory write worker stopped/);
    expect(stopping.output()).toMatch(/"msg":"server stopped".*"requestsCut":0/);
    // Nothing was lost: the write is there, read through another replica.
    const listed = await eventually(() => memories(a, erin.cookie), (items) => items.length > 0, 5_000);
    expect(listed.map((m) => m.content).join(" ")).toMatch(/cello/);
  });

  it("an operator makes an existing account admin (and back) with scripts/admin.ts in the migrate image", async () => {
    const frank = await signUp(a);
    const audit = async () => (await fetch(`${b.url}/api/admin/audit`, { headers: { cookie: frank.cookie } })).status;
    expect(await audit()).toBe(403);
    const admin = (...args: string[]) => runMigrateStage(composeEnv, ["node", "--conditions=react-server", "--import", "tsx", "scripts/admin.ts", ...args]);

    const granted = await admin("grant", frank.email.toUpperCase());
    expect(granted.status, granted.output).toBe(0);
    expect(granted.output).toContain(`${frank.email} now is an admin`);
    expect(await audit()).toBe(200);
    expect((await admin("list")).output).toContain(frank.email);

    const revoked = await admin("revoke", frank.email);
    expect(revoked.output).toContain("is no longer an admin");
    expect(await audit()).toBe(403);

    const unknown = await admin("grant", "nobody@test.local");
    expect(unknown.status).toBe(1);
    expect(unknown.output).toMatch(/No account with the email nobody@test\.local/);
  });

  it("an admin sees every live replica on /api/admin/system, whichever serves it; a stopped one leaves the list", async () => {
    const ops = await signUp(a);
    const granted = await runMigrateStage(composeEnv, ["node", "--conditions=react-server", "--import", "tsx", "scripts/admin.ts", "grant", ops.email]);
    expect(granted.status, granted.output).toBe(0);
    const extra = await start();
    const idOf = (replica: Replica) => `${os.hostname()}:${replica.pid}`;
    const listedBy = async (replica: Replica) => {
      const response = await fetch(`${replica.url}/api/admin/system`, { headers: { cookie: ops.cookie } });
      expect(response.status).toBe(200);
      return SystemStatusSchema.parse(await response.json()).replicas;
    };
    const seen = await eventually(() => listedBy(b), (r) => r.items.some((i) => i.id === idOf(extra)), 5_000);
    expect(seen.source).toBe("redis");
    expect(seen.items[0]!.id).toBe(idOf(b));
    expect(seen.items.map((i) => i.id)).toEqual(expect.arrayContaining([idOf(a), idOf(b), idOf(extra)]));

    expect(await extra.stop()).toBe(0);
    const after = await listedBy(a);
    expect(after.items.map((i) => i.id)).not.toContain(idOf(extra));
    expect(after.items.map((i) => i.id)).toEqual(expect.arrayContaining([idOf(a), idOf(b)]));
  });

  it("the migrate step is idempotent: a second run (another deploy) changes nothing", async () => {
    const again = await runMigrateStage(composeEnv);
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(/already up to date/);
  });
});

describe("behind the compose proxy (deploy/Caddyfile, run by Caddy)", () => {
  let proxyUrl: string;
  let spare: Replica;
  let stopProxy: () => Promise<void>;

  beforeAll(async () => {
    spare = await start();
    const proxy = await startProxy([a, spare]);
    proxyUrl = proxy.url;
    stopProxy = proxy.stop;
  }, 90_000);

  afterAll(async () => {
    await stopProxy?.();
  });

  it("streams the Activity feed unbuffered: a write through the proxy reaches a stream through the proxy", async () => {
    const dana = await signUp({ ...a, url: proxyUrl });
    const stream = await openSse(`${proxyUrl}/api/activity/stream`, { cookie: dana.cookie });
    expect(stream.status).toBe(200);
    await stream.waitFor("ready", 1, 5_000);
    await chat({ ...a, url: proxyUrl }, dana.cookie, "I am learning Japanese.");
    const [event] = await stream.waitFor("memory", 1, 10_000);
    expect(MemoryEventSchema.parse(JSON.parse(event!.data))).toMatchObject({ operation: "create" });
    stream.close();
  });

  it("overwrites a client's X-Forwarded-For, so a client cannot dodge the sign-in limit by forging it", async () => {
    const { email } = await signUp(a);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${proxyUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: proxyUrl, "x-forwarded-for": clientAddress() },
        body: JSON.stringify({ email, password: "wrong-password-123" }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("loses no request when a replica is stopped under load (chat turns and page loads through the proxy)", async () => {
    const users = await Promise.all([signUp({ ...a, url: proxyUrl }), signUp({ ...a, url: proxyUrl })]);
    const failures: string[] = [];
    let sent = 0;
    let stopped = false;
    const load = users.map(async (user, u) => {
      for (let i = 0; !stopped || i < 10; i++) {
        sent += 1;
        const turn = await fetch(`${proxyUrl}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: user.cookie, origin: proxyUrl },
          body: JSON.stringify({ id: randomUUID(), message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: `I collect stamps from country ${u}-${i}.` }] } }),
        });
        const body = await turn.text();
        if (turn.status !== 200 || !body.includes('"type":"finish"')) failures.push(`chat ${turn.status} ${body.slice(0, 120)}`);
        const page = await fetch(`${proxyUrl}/memories`, { headers: { cookie: user.cookie } });
        if (page.status !== 200) failures.push(`page ${page.status}`);
        await page.text();
      }
    });
    await new Promise((r) => setTimeout(r, 400));
    const code = await spare.stop();
    stopped = true;
    await Promise.all(load);
    expect(code).toBe(0);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(20);
    // And afterwards everything is served by the remaining replica.
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${proxyUrl}/api/health`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  });
});
