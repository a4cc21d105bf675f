// Just enough of a Dockerfile reader to run what the image runs without Docker (tests/deploy,
// scripts/bench/bench-deploy.ts): the stages, their ENV, COPY lines, CMD and HEALTHCHECK, with line
// continuations and comments.
import fs from "node:fs";
import path from "node:path";

export type Instruction = { op: string; args: string };
export type Stage = { name: string; from: string; instructions: Instruction[] };

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export function readDockerfile(file = path.join(repoRoot, "Dockerfile")): { args: Record<string, string>; stages: Stage[] } {
  const logical = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, op = "", rest = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { op: op.toUpperCase(), args: rest.trim() };
    if (instruction.op === "FROM") {
      const [, from = "", name = ""] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args) ?? [];
      stages.push({ name, from: from.replace(/\$\{(\w+)\}/g, (_m, key: string) => args[key] ?? ""), instructions: [] });
    } else if (stages.length === 0 && instruction.op === "ARG") {
      const [key = "", value = ""] = instruction.args.split("=");
      args[key] = value;
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { args, stages };
}

export function stage(name: string): Stage {
  const found = readDockerfile().stages.find((s) => s.name === name);
  if (!found) throw new Error(`Dockerfile has no stage "${name}"`);
  return found;
}

/** The exec-form CMD of a stage (shell form is not used: it would not forward SIGTERM). */
export function execCommand(s: Stage): string[] {
  const cmd = s.instructions.findLast((i) => i.op === "CMD");
  if (!cmd) throw new Error(`stage ${s.name} has no CMD`);
  return JSON.parse(cmd.args) as string[];
}

export function healthcheckCommand(s: Stage): string[] {
  const check = s.instructions.findLast((i) => i.op === "HEALTHCHECK");
  const json = check ? /\bCMD\s+(\[.*\])$/.exec(check.args)?.[1] : undefined;
  if (!json) throw new Error(`stage ${s.name} has no exec-form HEALTHCHECK`);
  return JSON.parse(json) as string[];
}

/** ENV instructions (KEY=value form) in order. */
export function stageEnv(s: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of s.instructions.filter((x) => x.op === "ENV")) {
    for (const [, key, value] of i.args.matchAll(/(\w+)=(\S+)/g)) env[key!] = value!;
  }
  return env;
}

/** .dockerignore's plain path entries (the only kind that matters for what the stages copy). */
function dockerIgnored(): (relative: string) => boolean {
  const entries = fs
    .readFileSync(path.join(repoRoot, ".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#") && !line.startsWith("!") && !/[*?[]/.test(line));
  return (relative) => entries.some((entry) => relative === entry || relative.startsWith(`${entry}/`));
}

/**
 * Lays out a stage's files as the image would hold them, into `dir` (standing in for its
 * WORKDIR /app), by replaying its COPY lines against this checkout: `COPY --from=build /app/x`
 * reads the build stage's /app, which is this repository after `next build`; a plain `COPY x`
 * reads the build context, the repository minus .dockerignore.
 */
export function assembleStage(s: Stage, dir: string): void {
  const ignored = dockerIgnored();
  for (const i of s.instructions.filter((x) => x.op === "COPY")) {
    const parts = i.args.split(/\s+/);
    const fromBuild = parts.some((p) => p.startsWith("--from="));
    const paths = parts.filter((p) => !p.startsWith("--"));
    const dest = paths.pop() ?? "";
    for (const src of paths) {
      const relative = fromBuild ? path.relative("/app", src) : path.normalize(src);
      const source = path.join(repoRoot, relative);
      if (!fs.existsSync(source)) throw new Error(`${src} does not exist${fromBuild ? " in the build (run next build first)" : " in the build context"}`);
      let target = path.resolve(dir, dest.startsWith("/app") ? path.relative("/app", dest) : dest);
      if (fs.statSync(source).isFile() && (dest.endsWith("/") || paths.length > 1)) target = path.join(target, path.basename(source));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // `npm start` links .next/static into the standalone dir; the image copies the real files there.
      if (fs.lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) fs.unlinkSync(target);
      fs.cpSync(source, target, {
        recursive: true,
        verbatimSymlinks: true,
        filter: (file) => fromBuild || !ignored(path.relative(repoRoot, file)),
      });
    }
  }
}
