#!/usr/bin/env node
// Starts Mnemo: generate the Prisma client if missing, apply migrations (embedded PGlite or
// DATABASE_URL), build once if needed, then run Next: `start` runs the standalone server the
// container image runs (.next/standalone/server.js), `dev` the dev server.
// Usage: node scripts/start.mjs [start|dev] [--port N]
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const mode = process.argv[2] === "dev" ? "dev" : "start";
const portFlag = process.argv.indexOf("--port");
const port = portFlag > 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? "3000");

if (fs.existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.APP_URL ??= `http://localhost:${port}`;
// Next's own SIGTERM handler exits at once; with this set, the app's handler (instrumentation.ts)
// first drains in-flight memory writes (bounded at 5 s), then exits.
process.env.NEXT_MANUAL_SIG_HANDLE ??= "true";

const bin = (name) => path.join(root, "node_modules", ".bin", name);
function run(label, cmd, args) {
  const t0 = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`[mnemo] ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`[mnemo] ${label} done in ${Date.now() - t0} ms`);
}

if (!fs.existsSync(path.join(root, "lib", "generated", "prisma", "client.ts"))) run("prisma generate", bin("prisma"), ["generate"]);
run("migrations", process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "migrate.ts")]);
const standalone = path.join(root, ".next", "standalone");
if (mode === "start" && !fs.existsSync(path.join(standalone, "server.js"))) run("next build", bin("next"), ["build"]);

let child;
if (mode === "start") {
  // The standalone server serves /_next/static from its own directory; the Dockerfile copies
  // it there, here a link does. It also changes into that directory: keep DATA_DIR where it was.
  const staticLink = path.join(standalone, ".next", "static");
  if (!fs.lstatSync(staticLink, { throwIfNoEntry: false })) fs.symlinkSync(path.join("..", "..", "static"), staticLink);
  // …and public/ (favicon, manifest, robots.txt) from its own directory too.
  const publicLink = path.join(standalone, "public");
  if (!fs.lstatSync(publicLink, { throwIfNoEntry: false })) fs.symlinkSync(path.join("..", "..", "public"), publicLink);
  process.env.DATA_DIR = path.resolve(root, process.env.DATA_DIR || ".data");
  process.env.PORT = port;
  // Logs are JSON lines; nothing should colour them (some libraries decide from TERM, not a TTY).
  process.env.NO_COLOR ??= "1";
  // As the image runs it: the preload sets X-Forwarded-For to the real client address
  // (the socket's peer, or what a TRUSTED_PROXIES proxy forwarded) before Next sees a request.
  const preload = pathToFileURL(path.join(root, "scripts", "trust-proxy.mjs")).href;
  child = spawn(process.execPath, ["--import", preload, path.join(standalone, "server.js")], { cwd: standalone, stdio: "inherit", env: process.env });
} else {
  child = spawn(bin("next"), [mode, "--port", port], { cwd: root, stdio: "inherit", env: process.env });
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
