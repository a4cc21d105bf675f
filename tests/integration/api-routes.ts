// Every route module under app/api, found on disk (not listed by hand), so a route added later
// is checked by the tests that use this without anyone remembering to add it.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API = path.join(ROOT, "app/api");

export const BODY_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
export const METHODS = ["GET", ...BODY_METHODS] as const;
export type Method = (typeof METHODS)[number];
type Handler = (request: Request, context?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type ApiRoute = {
  /** e.g. "conversations/[id]/route.ts" */
  file: string;
  /** A concrete URL path for it: [id] → a fresh uuid, [...all] → sign-out. */
  path: string;
  params: Record<string, string | string[]>;
  module: Record<string, unknown>;
  /** The methods the route really serves, from its OPTIONS answer's Allow header. */
  allowed: Method[];
  handler: (method: Method | "OPTIONS") => Handler;
};

function routeFiles(dir = API): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(API, full)] : [];
  });
}

export async function loadApiRoutes(): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  for (const file of routeFiles().sort()) {
    const params: Record<string, string | string[]> = {};
    const segments = path.dirname(file).split(path.sep).map((segment) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (catchAll) return (params[catchAll[1]!] = ["sign-out"]).join("/");
      const dynamic = /^\[(\w+)\]$/.exec(segment);
      if (dynamic) return (params[dynamic[1]!] = randomUUID());
      return segment;
    });
    const module = (await import(path.join(API, file))) as Record<string, unknown>;
    const handler = (method: Method | "OPTIONS") => {
      const fn = module[method];
      if (typeof fn !== "function") throw new Error(`${file} does not export ${method}`);
      return fn as Handler;
    };
    const options = await handler("OPTIONS")(new Request(`http://localhost:3000/api/${segments.join("/")}`, { method: "OPTIONS" }));
    const allowed = (options.headers.get("allow") ?? "").split(",").map((m) => m.trim()).filter((m): m is Method => (METHODS as readonly string[]).includes(m));
    routes.push({ file, path: `/api/${segments.join("/")}`, params, module, allowed, handler });
  }
  return routes;
}
