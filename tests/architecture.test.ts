// The layout rules of docs/CONTRIBUTING.md, checked on every test run: dependencies point down
// (app → lib/<domain> → lib/db), eval/ and scripts/ import lib/ and never the reverse, no
// module imports itself back through a cycle, and no two top-level folders of lib/ import
// each other. Imports are read with a regex: every import in this codebase is a static
// `from "…"` or `import("…")` with an "@/" or relative specifier.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "hooks", "lib", "eval", "scripts", "tests", "e2e"];
const SKIP = new Set(["node_modules", "generated", ".next", ".data"]);
const GENERATED = /^@\/lib\/generated\//;

function listSources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return listSources(rel);
    return /\.(ts|tsx|mjs)$/.test(name) ? [rel] : [];
  });
}

const files = SOURCE_DIRS.flatMap(listSources);
const known = new Set(files);

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, path.join(base, "index.ts")]) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/** Root-level modules and data files (package.json, next.config.js, proxy.ts) are imported too. */
const existsAtRoot = (base: string) => ["", ".ts", ".js", ".mjs", ".json"].some((ext) => existsSync(path.join(root, base + ext)));

const IMPORT = /(?:from\s+|import\s*\(\s*|^import\s+)["']([^"']+)["']/gm;
const imports = new Map<string, string[]>(
  files.map((file) => {
    const text = readFileSync(path.join(root, file), "utf8");
    const targets = [...text.matchAll(IMPORT)].map((m) => resolve(file, m[1]!)).filter((t): t is string => t !== null);
    return [file, [...new Set(targets)]];
  }),
);

/** lib's top-level unit: lib/memory/x.ts → "lib/memory", lib/config.ts → "lib/config". */
const libUnit = (file: string) => file.split("/").slice(0, 2).join("/").replace(/\.(ts|tsx)$/, "");

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  }
  return null;
}

describe("architecture", () => {
  it("reads every source file's imports", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(imports.get("app/api/chat/route.ts")).toContain("lib/api/with-route.ts");
  });

  it("resolves every @/ import to a file (a moved module must take its importers along)", () => {
    const unresolved = files.flatMap((file) => {
      const text = readFileSync(path.join(root, file), "utf8");
      return [...text.matchAll(IMPORT)]
        .map((m) => m[1]!)
        .filter((spec) => spec.startsWith("@/") && !GENERATED.test(spec) && resolve(file, spec) === null && !existsAtRoot(spec.slice(2)))
        .map((spec) => `${file} → ${spec}`);
    });
    expect(unresolved).toEqual([]);
  });

  it("has no import cycle between modules", () => {
    const graph = new Map([...imports].map(([file, targets]) => [file, new Set(targets)]));
    expect(findCycle(graph)?.join(" → ") ?? null).toBeNull();
  });

  it("has no import cycle between lib's folders", () => {
    const graph = new Map<string, Set<string>>();
    for (const [file, targets] of imports) {
      if (!file.startsWith("lib/")) continue;
      const from = libUnit(file);
      if (!graph.has(from)) graph.set(from, new Set());
      for (const target of targets) {
        if (target.startsWith("lib/") && libUnit(target) !== from) graph.get(from)!.add(libUnit(target));
      }
    }
    expect(findCycle(graph)?.join(" → ") ?? null).toBeNull();
  });

  it("keeps lib/ free of imports from app, components, eval, scripts and tests", () => {
    const upward = [...imports]
      .filter(([file]) => file.startsWith("lib/") && !file.endsWith(".test.ts"))
      .flatMap(([file, targets]) => targets.filter((t) => !t.startsWith("lib/")).map((t) => `${file} → ${t}`));
    expect(upward).toEqual([]);
  });

  it("keeps lib/db below the domains: it imports only itself, the generated client, config, log and errors", () => {
    const allowed = ["lib/db/", "lib/generated/", "lib/config.ts", "lib/log.ts", "lib/errors.ts"];
    const upward = [...imports]
      .filter(([file]) => file.startsWith("lib/db/"))
      .flatMap(([file, targets]) => targets.filter((t) => !allowed.some((a) => t.startsWith(a))).map((t) => `${file} → ${t}`));
    expect(upward).toEqual([]);
  });

  it("keeps the offline model fenced: only its entry points are imported from outside lib/ai/local-model", () => {
    const entryPoints = new Set(["lib/ai/local-model/create-local-memory-model.ts"]);
    const reachIn = [...imports]
      .filter(([file]) => !file.startsWith("lib/ai/local-model/"))
      .flatMap(([file, targets]) =>
        targets.filter((t) => t.startsWith("lib/ai/local-model/") && !entryPoints.has(t)).map((t) => `${file} → ${t}`),
      );
    expect(reachIn).toEqual([]);
  });
});
