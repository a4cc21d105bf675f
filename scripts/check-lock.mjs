#!/usr/bin/env node
// Checks that package-lock.json still describes package.json, for this platform. Run by
// scripts/install-deps.sh before it installs anything, and by a unit test against fixtures.
//
// What it checks, and why:
//  1. Every dependency package.json declares (dependencies, devDependencies,
//     optionalDependencies) is recorded with the same spec in the lock's root entry, and no
//     other: that is the drift `npm ci` exists to catch (someone edited package.json and did
//     not commit the lock).
//  2. Every package in the lock finds each of its required dependencies in the lock (by
//     Node's resolution: its own node_modules, then each parent's), and each optional
//     dependency that this platform would install. A lock that lacks one of those would make
//     npm resolve something new on install.
//  3. An optional dependency missing from the lock is NOT drift when it is meant for another
//     platform (another os, cpu or libc) or when the registry does not serve it at all. Those
//     are the native-binary packages (@next/swc-darwin-*, @tailwindcss/oxide-win32-* …) that
//     the npm registry has served on some days and answered 404 for on others; a lock written
//     on a 404 day lacks them, and that must not turn CI red on the day they come back. The
//     committed lock lists every platform (so `npm ci` accepts it either way), and this check
//     only asks the registry about a missing optional package when there is one.
// Exit 0: no drift for this platform. Exit 1: drift, with each problem on its own line.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies"];

/** The root-level specs package.json declares, as one name → spec map per field. */
function declaredSpecs(manifest) {
  const specs = new Map();
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, spec] of Object.entries(manifest[field] ?? {})) specs.set(name, { field, spec });
  }
  return specs;
}

/** Where Node would find `name` when required from the package installed at `from`. */
function resolveInLock(packages, from, name) {
  let dir = from;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const parent = dir.lastIndexOf("/node_modules/");
    dir = parent === -1 ? "" : dir.slice(0, parent);
  }
}

/** True when a package with these os/cpu/libc fields installs on `platform` (npm's own rule: a list of allowed values, `!x` excludes x). */
export function matchesPlatform(fields, platform) {
  const allowed = (list, value) => {
    if (!list || list.length === 0 || value === undefined) return true;
    const excluded = list.filter((v) => v.startsWith("!")).map((v) => v.slice(1));
    const included = list.filter((v) => !v.startsWith("!"));
    if (excluded.includes(value)) return false;
    return included.length === 0 || included.includes(value);
  };
  return allowed(fields.os, platform.os) && allowed(fields.cpu, platform.cpu) && allowed(fields.libc, platform.libc);
}

/**
 * Compares a package.json with its lock. `describeMissing(name, spec)` is asked only about an
 * optional dependency missing from the lock; it answers `{ served: false }` when the registry
 * does not serve it, or `{ served: true, os, cpu, libc }`.
 * Returns `{ problems, toleratedMissing }`: problems are drift; toleratedMissing lists other
 * platforms' (or unserved) optional packages the lock lacks.
 */
export async function findLockDrift({ manifest, lock, platform, describeMissing }) {
  const problems = [];
  const toleratedMissing = [];
  const packages = lock.packages;
  if (!packages || !packages[""]) {
    return { problems: ["package-lock.json has no \"packages\" section (lockfileVersion 2 or 3 is required)"], toleratedMissing };
  }
  if (lock.name !== undefined && manifest.name !== undefined && lock.name !== manifest.name) {
    problems.push(`the lock is for "${lock.name}", package.json is "${manifest.name}"`);
  }

  const declared = declaredSpecs(manifest);
  const locked = declaredSpecs(packages[""]);
  for (const [name, { field, spec }] of declared) {
    const inLock = locked.get(name);
    if (!inLock) problems.push(`${name}@${spec} is in package.json's ${field} but not in the lock`);
    else if (inLock.spec !== spec) problems.push(`${name} is "${spec}" in package.json but "${inLock.spec}" in the lock`);
    else if (inLock.field !== field) problems.push(`${name} is in package.json's ${field} but the lock's ${inLock.field}`);
  }
  for (const [name, { field }] of locked) {
    if (!declared.has(name)) problems.push(`${name} is in the lock's ${field} but no longer in package.json`);
  }

  const missingOptional = new Map();
  for (const [location, entry] of Object.entries(packages)) {
    if (entry.link) continue;
    const required = { ...(entry.dependencies ?? {}), ...(location === "" ? entry.devDependencies ?? {} : {}) };
    for (const [name, spec] of Object.entries(required)) {
      if (entry.optionalDependencies?.[name]) continue;
      if (!resolveInLock(packages, location, name)) {
        problems.push(`${name}@${spec} (needed by ${location || "the root project"}) is not in the lock`);
      }
    }
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      if (!resolveInLock(packages, location, name)) missingOptional.set(`${name}@${spec}`, { name, spec, by: location || "the root project" });
    }
  }

  const missing = [...missingOptional.values()];
  const descriptions = await Promise.all(missing.map(({ name, spec }) => describeMissing(name, spec)));
  for (const [i, { name, spec, by }] of missing.entries()) {
    const described = descriptions[i];
    if (!described.served || !matchesPlatform(described, platform)) {
      toleratedMissing.push(`${name}@${spec}`);
    } else {
      problems.push(`${name}@${spec} (optional, needed by ${by}) installs on ${platform.os}/${platform.cpu} but is not in the lock`);
    }
  }
  return { problems, toleratedMissing };
}

/** This machine's platform as npm sees it. */
export function currentPlatform() {
  const report = process.report?.getReport?.();
  const libc = process.platform === "linux" ? (report?.header?.glibcVersionRuntime ? "glibc" : "musl") : undefined;
  return { os: process.platform, cpu: process.arch, libc };
}

/** Asks the registry (through npm, so its configuration applies) for a package's platform fields. */
function describeFromRegistry(name, spec) {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["view", `${name}@${spec}`, "os", "cpu", "libc", "--json"],
      { timeout: 30_000 },
      (error, stdout) => {
        if (error) return resolve({ served: false });
        try {
          const parsed = stdout.trim() ? JSON.parse(stdout) : {};
          const info = Array.isArray(parsed) ? parsed.at(-1) : parsed;
          resolve({ served: true, os: info?.os, cpu: info?.cpu, libc: info?.libc });
        } catch {
          resolve({ served: false });
        }
      },
    );
  });
}

async function main() {
  const dir = path.resolve(process.argv[2] ?? ".");
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const lock = JSON.parse(readFileSync(path.join(dir, "package-lock.json"), "utf8"));
  const { problems, toleratedMissing } = await findLockDrift({
    manifest,
    lock,
    platform: currentPlatform(),
    describeMissing: describeFromRegistry,
  });
  if (toleratedMissing.length > 0) {
    console.log(`[check-lock] the lock lacks ${toleratedMissing.length} optional package(s) for other platforms (fine here): ${toleratedMissing.slice(0, 4).join(", ")}${toleratedMissing.length > 4 ? " …" : ""}`);
  }
  if (problems.length > 0) {
    console.error("[check-lock] package.json and package-lock.json disagree:");
    for (const problem of problems) console.error(`  - ${problem}`);
    console.error("[check-lock] run `npm install` and commit package-lock.json.");
    process.exit(1);
  }
  console.log(`[check-lock] package-lock.json matches package.json (${Object.keys(lock.packages).length - 1} packages)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
