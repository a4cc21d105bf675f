// Runs the app the way the container does: the `app` stage's files laid out from its COPY
// lines, its ENV, its CMD, one Node process per "replica".
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { assembleStage, execCommand, healthcheckCommand, readDockerfile, repoRoot, stage, stageEnv, type Stage } from "./dockerfile-stages";

export type Replica = {
  url: string;
  port: number;
  pid: number;
  output: () => string;
  /** SIGTERM, as `docker stop` sends; resolves with the exit code once the process is gone. */
  stop: () => Promise<number | null>;
};

// The official Node images' `node` user, which the Dockerfile's USER lines name.
const NODE_USER = { uid: 1000, gid: 1000 };

/**
 * Run as the image's user where this process can switch users (as root, as in CI), so a write
 * outside the directories the Dockerfile hands to `node` fails here as it would in the image.
 */
function imageUser(s: Stage): { uid: number; gid: number } | Record<string, never> {
  const user = s.instructions.findLast((i) => i.op === "USER")?.args;
  if (user !== "node") throw new Error(`stage ${s.name} runs as "${user}"; expected USER node`);
  return process.getuid?.() === 0 ? NODE_USER : {};
}

/** The Node.js binary of the image's major version (the Dockerfile's NODE_IMAGE). */
export function imageNode(): string {
  const major = /^node:(\d+)/.exec(readDockerfile().args.NODE_IMAGE ?? "")?.[1];
  if (!major) throw new Error("the Dockerfile's NODE_IMAGE is not an official node:<major> image");
  if (process.versions.node.split(".")[0] === major) return process.execPath;
  const installed = `/usr/local/lib/mnemo-image-node/v${major}/bin/node`;
  if (fs.existsSync(installed)) return installed;
  throw new Error(`the image runs Node.js ${major}, this is ${process.version}: run scripts/setup/ensure-deploy-tools.sh (as root)`);
}

const program = (command: string) => (command === "node" ? imageNode() : command);

/**
 * The image's /app, assembled once per test file: the app stage's COPY lines, then its
 * `RUN mkdir -p … && chown node:node …` (the only directories the app may write).
 */
export function assembleAppImage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mnemo-image-"));
  fs.chmodSync(dir, 0o755);
  const app = stage("app");
  assembleStage(app, dir);
  const writable = app.instructions
    .filter((i) => i.op === "RUN")
    .flatMap((i) => /chown node:node (.+)$/.exec(i.args)?.[1]?.split(/\s+/) ?? []);
  const user = imageUser(app);
  for (const relative of writable) {
    const target = path.join(dir, relative);
    fs.mkdirSync(target, { recursive: true });
    if ("uid" in user) fs.chownSync(target, user.uid, user.gid);
  }
  return dir;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The image's environment for a container, with /app standing for the assembled dir. */
function imageEnv(appDir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  const fromImage = Object.fromEntries(
    Object.entries(stageEnv(stage("app"))).map(([k, v]) => [k, v.startsWith("/app") ? path.join(appDir, path.relative("/app", v)) : v]),
  );
  // Only what a container would have: PATH and HOME, the image's ENV, compose's environment.
  return { NODE_ENV: "production", PATH: process.env.PATH, HOME: os.tmpdir(), ...fromImage, ...env };
}

/** Starts one replica and resolves once it accepts HTTP requests. */
export async function startReplica(appDir: string, env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const [command, ...args] = execCommand(stage("app"));
  const child: ChildProcess = spawn(program(command!), args, {
    ...imageUser(stage("app")),
    cwd: appDir,
    env: imageEnv(appDir, { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`replica exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(`${url}/api/auth/ok`, { signal: AbortSignal.timeout(2000) });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`replica did not start within 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  return {
    url,
    port,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Docker's HEALTHCHECK, run inside the replica's "container"; returns its exit code and output. */
export function runHealthcheck(appDir: string, replica: Replica): { status: number | null; output: string } {
  const [command, ...args] = healthcheckCommand(stage("app"));
  const result = spawnSync(program(command!), args, {
    ...imageUser(stage("app")),
    cwd: appDir,
    env: imageEnv(appDir, { PORT: String(replica.port) }),
    encoding: "utf8",
    timeout: 10_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * The `migrate` stage's command, in that stage's files: its COPY lines replayed from the build
 * context, plus the deps stage's node_modules (linked from this checkout's). Asynchronous on
 * purpose: a caller's open keep-alive connections must not sit unserviced while it runs.
 */
export async function runMigrateStage(
  env: Record<string, string>,
  /** Another command in that image (`docker compose run --rm migrate <command>`); default its CMD. */
  command: string[] = execCommand(stage("migrate")),
): Promise<{ status: number | null; output: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mnemo-migrate-"));
  try {
    assembleStage(stage("migrate"), dir);
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
    const [entry, ...args] = command;
    // As this process's user: the stage's node_modules are this checkout's, which user
    // `node` may not be able to reach.
    const child = spawn(program(entry!), args, {
      cwd: dir,
      env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: os.tmpdir(), ...stageEnv(stage("migrate")), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    const status = await new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
    clearTimeout(timer);
    return { status, output };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export type Proxy = { url: string; output: () => string; stop: () => Promise<void> };

/**
 * Runs compose's `proxy`: Caddy with the real deploy/Caddyfile, its site address from the same
 * MNEMO_SITE_ADDRESS variable compose sets (a free port here), and one edit: Docker's DNS name
 * `app` does not exist here, so the dynamic upstream becomes the given replicas.
 */
export async function startProxy(replicas: Replica[]): Promise<Proxy> {
  const port = await freePort();
  const original = fs.readFileSync(path.join(repoRoot, "deploy/Caddyfile"), "utf8");
  const caddyfile = original.replace(/dynamic a app 3000 \{[^}]*\}/, `to ${replicas.map((r) => `127.0.0.1:${r.port}`).join(" ")}`);
  if (caddyfile === original) throw new Error("deploy/Caddyfile no longer has the `dynamic a app 3000` upstream this expects");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mnemo-caddy-"));
  fs.writeFileSync(path.join(dir, "Caddyfile"), caddyfile);
  const caddy = spawn("caddy", ["run", "--config", path.join(dir, "Caddyfile"), "--adapter", "caddyfile"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir, MNEMO_SITE_ADDRESS: `:${port}` },
  });
  let output = "";
  caddy.stderr!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  const failed = new Promise<never>((_, reject) => caddy.once("error", (e) => reject(new Error(`caddy could not run (${e.message}): run scripts/setup/ensure-deploy-tools.sh`))));
  failed.catch(() => {});
  const exited = new Promise<void>((resolve) => caddy.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (caddy.exitCode !== null) throw new Error(`caddy exited: ${output}`);
    const ok = await Promise.race([fetch(`${url}/api/health`).then((r) => r.ok, () => false), failed]);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`caddy did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (caddy.exitCode === null) caddy.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
