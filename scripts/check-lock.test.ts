import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findLockDrift, matchesPlatform } from "./check-lock.mjs";

type Lock = { name?: string; packages: Record<string, Record<string, unknown>> };

const root = path.join(import.meta.dirname, "..");
const linux = { os: "linux", cpu: "x64", libc: "glibc" };
const never = () => {
  throw new Error("the registry was asked about a package the lock already has");
};

function fixture() {
  const manifest = {
    name: "app",
    dependencies: { next: "16.4.6" },
    devDependencies: { tailwindcss: "^4.3.0" },
  };
  const lock: Lock = {
    name: "app",
    packages: {
      "": { name: "app", dependencies: { next: "16.4.6" }, devDependencies: { tailwindcss: "^4.3.0" } },
      "node_modules/next": {
        version: "16.4.6",
        dependencies: { "styled-jsx": "5.1.6" },
        optionalDependencies: { "@next/swc-linux-x64-gnu": "16.4.6", "@next/swc-darwin-arm64": "16.4.6" },
      },
      "node_modules/next/node_modules/styled-jsx": { version: "5.1.6" },
      "node_modules/@next/swc-linux-x64-gnu": { version: "16.4.6", os: ["linux"], cpu: ["x64"], libc: ["glibc"], optional: true },
      "node_modules/@next/swc-darwin-arm64": { version: "16.4.6", os: ["darwin"], cpu: ["arm64"], optional: true },
      "node_modules/tailwindcss": { version: "4.3.5", dev: true },
    },
  };
  return { manifest, lock };
}

describe("findLockDrift", () => {
  it("accepts the committed package.json and lock without asking the registry anything", async () => {
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
    const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
    const result = await findLockDrift({ manifest, lock, platform: linux, describeMissing: never });
    expect(result).toEqual({ problems: [], toleratedMissing: [] });
  });

  it("accepts a complete fixture lock", async () => {
    const { manifest, lock } = fixture();
    expect(await findLockDrift({ manifest, lock, platform: linux, describeMissing: never })).toEqual({
      problems: [],
      toleratedMissing: [],
    });
  });

  it("fails when package.json changes a version the lock still pins", async () => {
    const { manifest, lock } = fixture();
    manifest.dependencies.next = "16.5.0";
    const { problems } = await findLockDrift({ manifest, lock, platform: linux, describeMissing: never });
    expect(problems).toEqual(['next is "16.5.0" in package.json but "16.4.6" in the lock']);
  });

  it("fails when package.json adds or removes a dependency", async () => {
    const added = fixture();
    (added.manifest.dependencies as Record<string, string>).zod = "4.6.7";
    expect((await findLockDrift({ ...added, platform: linux, describeMissing: never })).problems).toEqual([
      "zod@4.6.7 is in package.json's dependencies but not in the lock",
    ]);

    const removed = fixture();
    delete (removed.manifest as { devDependencies?: unknown }).devDependencies;
    expect((await findLockDrift({ ...removed, platform: linux, describeMissing: never })).problems).toEqual([
      "tailwindcss is in the lock's devDependencies but no longer in package.json",
    ]);
  });

  it("fails when a dependency moves between dependencies and devDependencies", async () => {
    const { manifest, lock } = fixture();
    (manifest.dependencies as Record<string, string>).tailwindcss = "^4.3.0";
    delete (manifest as { devDependencies?: unknown }).devDependencies;
    const { problems } = await findLockDrift({ manifest, lock, platform: linux, describeMissing: never });
    expect(problems).toEqual(["tailwindcss is in package.json's dependencies but the lock's devDependencies"]);
  });

  it("fails when a package's required dependency is missing from the lock", async () => {
    const { manifest, lock } = fixture();
    delete lock.packages["node_modules/next/node_modules/styled-jsx"];
    const { problems } = await findLockDrift({ manifest, lock, platform: linux, describeMissing: never });
    expect(problems).toEqual(["styled-jsx@5.1.6 (needed by node_modules/next) is not in the lock"]);
  });

  it("tolerates another platform's optional binary missing from the lock, whether or not the registry serves it", async () => {
    for (const served of [true, false]) {
      const { manifest, lock } = fixture();
      delete lock.packages["node_modules/@next/swc-darwin-arm64"];
      const result = await findLockDrift({
        manifest,
        lock,
        platform: linux,
        describeMissing: async () => (served ? { served, os: ["darwin"], cpu: ["arm64"] } : { served }),
      });
      expect(result).toEqual({ problems: [], toleratedMissing: ["@next/swc-darwin-arm64@16.4.6"] });
    }
  });

  it("fails when this platform's optional binary is missing and the registry serves it", async () => {
    const { manifest, lock } = fixture();
    delete lock.packages["node_modules/@next/swc-linux-x64-gnu"];
    const { problems } = await findLockDrift({
      manifest,
      lock,
      platform: linux,
      describeMissing: async () => ({ served: true, os: ["linux"], cpu: ["x64"], libc: ["glibc"] }),
    });
    expect(problems).toEqual([
      "@next/swc-linux-x64-gnu@16.4.6 (optional, needed by node_modules/next) installs on linux/x64 but is not in the lock",
    ]);
  });

  it("rejects a lock without a packages section", async () => {
    const { manifest } = fixture();
    const { problems } = await findLockDrift({ manifest, lock: { lockfileVersion: 1 }, platform: linux, describeMissing: never });
    expect(problems[0]).toMatch(/no "packages" section/);
  });
});

describe("matchesPlatform", () => {
  it("follows npm's os/cpu/libc rules, including negations", () => {
    expect(matchesPlatform({}, linux)).toBe(true);
    expect(matchesPlatform({ os: ["linux"], cpu: ["x64"] }, linux)).toBe(true);
    expect(matchesPlatform({ os: ["darwin"] }, linux)).toBe(false);
    expect(matchesPlatform({ cpu: ["arm64"] }, linux)).toBe(false);
    expect(matchesPlatform({ os: ["!win32"] }, linux)).toBe(true);
    expect(matchesPlatform({ os: ["!linux"] }, linux)).toBe(false);
    expect(matchesPlatform({ libc: ["musl"] }, linux)).toBe(false);
    expect(matchesPlatform({ cpu: ["wasm32"] }, linux)).toBe(false);
  });
});
