// docker-compose.yml, deploy/Caddyfile, .env.example and the Dockerfile's shape, checked with the
// real tools where they run without a Docker engine: `docker compose config` (Compose v2 parses,
// interpolates and validates against the Compose spec) and `caddy validate` / `caddy adapt`.
// scripts/setup/ensure-deploy-tools.sh installs both on a Debian machine.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENV_VARIABLES } from "@/lib/config";
import nextConfig from "@/next.config.js";
import { readDockerfile, repoRoot } from "@/scripts/deploy/dockerfile-stages";

const missingTool = (name: string) => `${name} is not installed: run \`bash scripts/setup/ensure-deploy-tools.sh\` (as root) first`;

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, { cwd: options.cwd ?? repoRoot, encoding: "utf8", env: options.env ?? process.env });
  return { status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "", error: result.error };
}

/** `docker compose` (the v2 CLI plugin) or the standalone v2 `docker-compose`. */
function composeCommand(): string[] {
  if (run("docker", ["compose", "version"]).status === 0) return ["docker", "compose"];
  const standalone = run("docker-compose", ["version"]);
  if (standalone.status === 0 && /version v?2\./.test(standalone.stdout)) return ["docker-compose"];
  throw new Error(missingTool("Docker Compose v2"));
}

// A copy of the deployment files as an operator has them after `cp .env.example .env`.
const project = fs.mkdtempSync(path.join(os.tmpdir(), "mnemo-compose-"));
fs.copyFileSync(path.join(repoRoot, "docker-compose.yml"), path.join(project, "docker-compose.yml"));
fs.cpSync(path.join(repoRoot, "deploy"), path.join(project, "deploy"), { recursive: true });
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

function composeConfig(values: Record<string, string>, profiles: string[] = []) {
  const example = fs.readFileSync(path.join(repoRoot, ".env.example"), "utf8");
  const filled = Object.entries(values).reduce((text, [key, value]) => text.replace(new RegExp(`^${key}=.*$`, "m"), `${key}=${value}`), example);
  fs.writeFileSync(path.join(project, ".env"), filled);
  const [command, ...args] = composeCommand();
  // Only .env may feed interpolation: none of this process's own DATABASE_URL and friends.
  const env = { NODE_ENV: "test", PATH: process.env.PATH, HOME: os.tmpdir() } as const;
  return run(command!, [...args, ...profiles.flatMap((p) => ["--profile", p]), "config", "--format", "json"], { cwd: project, env });
}

type ComposeService = {
  image?: string;
  networks?: Record<string, { ipv4_address?: string } | null>;
  build?: { context: string; target?: string };
  command?: string[] | null;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: { target: number; published: string; protocol?: string }[];
  volumes?: { type: string; source: string; target: string; read_only?: boolean }[];
  restart?: string;
  init?: boolean;
  cap_drop?: string[];
  security_opt?: string[];
  logging?: { driver: string; options?: Record<string, string> };
};

const secrets = { POSTGRES_PASSWORD: "pw0123456789abcdef", BETTER_AUTH_SECRET: "0123456789abcdef0123456789abcdef-secret" };

describe("docker-compose.yml", () => {
  const result = composeConfig(secrets);
  const config = result.status === 0 ? (JSON.parse(result.stdout) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> }) : null;
  const services = config?.services ?? {};

  it("is valid Compose with the required settings filled in from .env", () => {
    expect(result.status, result.stderr).toBe(0);
    expect(Object.keys(services).sort()).toEqual(["app", "db", "migrate", "proxy", "redis"]);
  });

  it("derives APP_URL from the published port unless it is set, and serves HTTPS for a site name", () => {
    const moved = composeConfig({ ...secrets, MNEMO_HTTP_PORT: "9000", MNEMO_SITE_ADDRESS: "mnemo.example.com" });
    expect(moved.status, moved.stderr).toBe(0);
    const config = JSON.parse(moved.stdout) as { services: Record<string, ComposeService> };
    expect(config.services.app!.environment?.APP_URL).toBe("http://localhost:9000");
    expect(config.services.proxy!.environment).toEqual({ MNEMO_SITE_ADDRESS: "mnemo.example.com" });
  });

  it("refuses to start without the database password or the auth secret, naming them", () => {
    const noPassword = composeConfig({ BETTER_AUTH_SECRET: secrets.BETTER_AUTH_SECRET });
    expect(noPassword.status).not.toBe(0);
    expect(noPassword.stderr).toMatch(/POSTGRES_PASSWORD/);
    const noSecret = composeConfig({ POSTGRES_PASSWORD: secrets.POSTGRES_PASSWORD });
    expect(noSecret.status).not.toBe(0);
    expect(noSecret.stderr).toMatch(/BETTER_AUTH_SECRET/);
  });

  it("db: the pgvector PostgreSQL image on a named volume, with a readiness check", () => {
    const db = services.db!;
    expect(db.image).toMatch(/^pgvector\/pgvector:\d+\.\d+\.\d+-pg\d+$/);
    expect(db.volumes).toContainEqual(expect.objectContaining({ type: "volume", source: "db-data", target: "/var/lib/postgresql/data" }));
    // Over TCP (-h): the first-boot init server listens on its socket only.
    expect(db.healthcheck?.test.join(" ")).toMatch(/pg_isready -h 127\.0\.0\.1/);
    expect(db.ports ?? []).toEqual([]);
  });

  it("redis: the official image with AOF persistence on a named volume, with a check", () => {
    const redis = services.redis!;
    expect(redis.image).toMatch(/^redis:\d/);
    expect(redis.command?.join(" ")).toMatch(/--appendonly yes/);
    expect(redis.volumes).toContainEqual(expect.objectContaining({ type: "volume", source: "redis-data", target: "/data" }));
    expect(redis.healthcheck?.test.join(" ")).toMatch(/redis-cli ping/);
    expect(redis.ports ?? []).toEqual([]);
  });

  it("migrate runs once, after the database is healthy; app starts only after it succeeded", () => {
    const { migrate, app } = services;
    expect(migrate!.build?.target).toBe("migrate");
    expect(migrate!.restart).toBe("no");
    expect(migrate!.depends_on?.db?.condition).toBe("service_healthy");
    expect(app!.build?.target).toBe("app");
    expect(app!.depends_on).toMatchObject({
      migrate: { condition: "service_completed_successfully" },
      db: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    });
    expect(app!.healthcheck?.test).toEqual(["CMD", "node", "healthcheck.mjs"]);
  });

  it("app publishes no host port, so `--scale app=N` works; the proxy publishes one and waits for a healthy app", () => {
    expect(services.app!.ports ?? []).toEqual([]);
    const proxy = services.proxy!;
    expect(proxy.ports).toEqual([
      expect.objectContaining({ target: 80, published: "8080", protocol: "tcp" }),
      expect.objectContaining({ target: 443, published: "8443", protocol: "tcp" }),
      expect.objectContaining({ target: 443, published: "8443", protocol: "udp" }),
    ]);
    expect(proxy.environment).toEqual({ MNEMO_SITE_ADDRESS: ":80" });
    expect(proxy.depends_on?.app?.condition).toBe("service_healthy");
    expect(proxy.volumes).toContainEqual(expect.objectContaining({ target: "/etc/caddy/Caddyfile", read_only: true }));
    // The Caddyfile is tested with the local caddy: the image must be the same minor version.
    const local = /^v?(\d+\.\d+)\./.exec(run("caddy", ["version"]).stdout)?.[1];
    expect(proxy.image).toBe(`caddy:${local}-alpine`);
    expect(Object.keys(config?.volumes ?? {}).sort()).toEqual(["caddy-data", "db-data", "redis-data"]);
  });

  it("the app believes X-Forwarded-For only from the proxy: TRUSTED_PROXIES is the proxy's fixed address", () => {
    const proxyAddress = services.proxy!.networks?.default?.ipv4_address;
    expect(proxyAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(services.app!.environment?.TRUSTED_PROXIES).toBe(proxyAddress);
  });

  it("runs app and migrate without capabilities, under an init, and rotates every service's logs", () => {
    for (const name of ["app", "migrate"]) {
      expect(services[name], name).toMatchObject({ init: true, cap_drop: ["ALL"], security_opt: ["no-new-privileges:true"] });
    }
    for (const [name, service] of Object.entries(services)) {
      expect(service.logging, name).toEqual({ driver: "json-file", options: { "max-size": "10m", "max-file": "3" } });
    }
  });

  it("the worker profile adds a worker service: the tools image running npm run worker, hardened, with every app setting", () => {
    const withWorker = composeConfig({ ...secrets, MEMORY_WORKER_ENABLED: "false" }, ["worker"]);
    expect(withWorker.status, withWorker.stderr).toBe(0);
    const all = (JSON.parse(withWorker.stdout) as { services: Record<string, ComposeService> }).services;
    expect(Object.keys(all).sort()).toEqual(["app", "db", "migrate", "proxy", "redis", "worker"]);
    const worker = all.worker!;
    expect(worker.image).toBe(all.migrate!.image);
    expect(worker.command).toEqual(["node", "--conditions=react-server", "--import", "tsx", "scripts/run-memory-worker.ts"]);
    expect(worker).toMatchObject({ init: true, cap_drop: ["ALL"], security_opt: ["no-new-privileges:true"], restart: "unless-stopped" });
    expect(worker.depends_on?.migrate?.condition).toBe("service_completed_successfully");
    // The app replicas run none when asked; the worker always runs one.
    expect(all.app!.environment?.MEMORY_WORKER_ENABLED).toBe("false");
    expect(worker.environment?.MEMORY_WORKER_ENABLED).toBe("true");
    expect(Object.keys(worker.environment ?? {}).sort()).toEqual(Object.keys(all.app!.environment ?? {}).sort());
  });

  it("passes every app setting through to app and migrate, with the database and Redis on the compose network", () => {
    // Set by the image (NODE_ENV, DATA_DIR) or test-only (the artificial delay).
    const notPassed = ["NODE_ENV", "DATA_DIR", "MEMORY_WRITE_ARTIFICIAL_DELAY_MS"];
    for (const name of ["app", "migrate"]) {
      const env = services[name]!.environment ?? {};
      expect(Object.keys(env).sort(), name).toEqual(ENV_VARIABLES.filter((v) => !notPassed.includes(v)).sort());
      expect(env.DATABASE_URL).toBe(`postgresql://mnemo:${secrets.POSTGRES_PASSWORD}@db:5432/mnemo`);
      expect(env.REDIS_URL).toBe("redis://redis:6379/0");
      expect(env.BETTER_AUTH_SECRET).toBe(secrets.BETTER_AUTH_SECRET);
      expect(env.APP_URL).toBe("http://localhost:8080");
    }
  });
});

describe(".env.example", () => {
  const text = fs.readFileSync(path.join(repoRoot, ".env.example"), "utf8");
  const entries = new Map([...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));

  it("lists every variable the app reads and every one docker-compose.yml interpolates", () => {
    const compose = fs.readFileSync(path.join(repoRoot, "docker-compose.yml"), "utf8");
    const interpolated = new Set([...compose.matchAll(/\$\{(\w+)/g)].map((m) => m[1]!));
    expect([...ENV_VARIABLES].filter((v) => !entries.has(v))).toEqual([]);
    expect([...interpolated].filter((v) => !entries.has(v))).toEqual([]);
  });

  it("commits no secret: passwords, the auth secret and API keys are empty", () => {
    for (const key of ["POSTGRES_PASSWORD", "BETTER_AUTH_SECRET", "OPENAI_API_KEY"]) expect(entries.get(key), key).toBe("");
    expect(fs.readFileSync(path.join(repoRoot, ".dockerignore"), "utf8")).toMatch(/^\.env$/m);
  });
});

describe("deploy/Caddyfile", () => {
  function caddy(args: string[], siteAddress?: string) {
    const { MNEMO_SITE_ADDRESS: _ignored, ...env } = process.env;
    const result = run("caddy", args, { env: siteAddress === undefined ? env : { ...env, MNEMO_SITE_ADDRESS: siteAddress } });
    if (result.error) throw new Error(missingTool("caddy"));
    return result;
  }
  type Server = { listen: string[]; automatic_https?: { disable?: boolean } };
  const servers = (siteAddress?: string) => {
    const result = caddy(["adapt", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"], siteAddress);
    expect(result.status, result.stderr).toBe(0);
    return Object.values((JSON.parse(result.stdout) as { apps: { http: { servers: Record<string, Server> } } }).apps.http.servers);
  };

  it("is a valid Caddy configuration", () => {
    const result = caddy(["validate", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"]);
    expect(result.status, result.stderr).toBe(0);
  });

  it("balances across every replica of `app` by DNS and streams responses unbuffered", () => {
    const result = caddy(["adapt", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"]);
    expect(result.status, result.stderr).toBe(0);
    const handler = JSON.stringify(JSON.parse(result.stdout));
    expect(handler).toContain('"dynamic_upstreams":{"name":"app","port":"3000"');
    expect(handler).toContain('"source":"a"');
    expect(handler).toContain('"flush_interval":-1');
    expect(handler).toMatch(/"selection_policy":\{"policy":"round_robin"\}/);
    // Idle upstream connections are dropped before Node's 5 s keep-alive closes them.
    expect(handler).toContain('"keep_alive":{"idle_timeout":4000000000}');
  });

  it("serves plain HTTP on :80 by default, and HTTPS with automatic certificates for a site name", () => {
    expect(servers().map((s) => s.listen)).toEqual([[":80"]]);
    const https = servers("mnemo.example.com");
    expect(https.map((s) => s.listen)).toEqual([[":443"]]);
    expect(https[0]!.automatic_https?.disable).not.toBe(true);
  });
});

describe("Dockerfile", () => {
  const { stages } = readDockerfile();
  const byName = new Map(stages.map((s) => [s.name, s]));
  const ops = (name: string, op: string) => byName.get(name)?.instructions.filter((i) => i.op === op).map((i) => i.args) ?? [];

  it("is multi-stage, ending in the app stage (the default target) on a slim Node base", () => {
    expect(stages.map((s) => s.name)).toEqual(["deps", "build", "migrate", "app"]);
    // A supported Node LTS line (20 ended in April 2026).
    expect(stages.at(-1)!.from).toMatch(/^node:(22|24)-[\w.-]*slim$/);
  });

  it("generates the Prisma client and builds Next's standalone output", () => {
    expect(ops("build", "RUN").join(" && ")).toMatch(/prisma generate.*next build/);
    expect(nextConfig.output).toBe("standalone");
    expect(ops("app", "COPY").join("\n")).toMatch(/--from=build \/app\/\.next\/standalone/);
  });

  it("runs the app and the migration as a non-root user, with a HEALTHCHECK on /api/health", () => {
    for (const name of ["app", "migrate"]) {
      const user = ops(name, "USER").at(-1);
      expect(user, name).toBeTruthy();
      expect(user).not.toMatch(/^(root|0)$/);
    }
    expect(ops("app", "HEALTHCHECK").join(" ")).toMatch(/CMD \["node", "healthcheck\.mjs"\]/);
    expect(fs.readFileSync(path.join(repoRoot, "scripts/healthcheck.mjs"), "utf8")).toContain("/api/health");
  });

  it("copies into the migrate stage only build-context files that exist", () => {
    for (const args of ops("migrate", "COPY").filter((a) => !a.startsWith("--from="))) {
      const sources = args.split(/\s+/).slice(0, -1);
      for (const source of sources) expect(fs.existsSync(path.join(repoRoot, source)), source).toBe(true);
    }
  });
});
