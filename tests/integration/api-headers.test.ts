// Response headers: no cache may keep an API answer (they all carry a user's data); the pages'
// CSP carries a fresh nonce per request (proxy.ts), with no unsafe-eval outside `next dev`;
// the fixed headers (nosniff, framing, referrer) apply everywhere; HSTS when APP_URL is https.
// tests/deploy checks the same on the built server, e2e/csp.spec.ts in Chromium.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import nextConfig from "@/next.config.js";
import { proxy, config as proxyConfig } from "@/proxy";
import { createTestUser, request, routeParams, type TestUser } from "@/tests/support/test-users";
import { loadApiRoutes, type ApiRoute } from "./api-routes";

let user: TestUser;
let routes: ApiRoute[];

beforeAll(async () => {
  [user, routes] = await Promise.all([createTestUser({ prefix: "headers", role: "admin" }), loadApiRoutes()]);
});

describe("API responses", () => {
  it("every authenticated GET answers with a cache-forbidding Cache-Control, success or error", async () => {
    for (const route of routes.filter((r) => r.allowed.includes("GET") && !r.file.startsWith("auth/") && !r.file.startsWith("health/"))) {
      const signedIn = await route.handler("GET")(request(route.path, { user }), routeParams(route.params as Record<string, string>));
      const cacheControl = signedIn.headers.get("cache-control") ?? "";
      // no-store, or the event stream's no-cache (nothing is ever reused from it).
      expect(cacheControl, `${route.path} (${signedIn.status})`).toMatch(route.file.includes("stream") ? /no-cache/ : /\bno-store\b/);
      await signedIn.body?.cancel();
      const anonymous = await route.handler("GET")(request(route.path), routeParams(route.params as Record<string, string>));
      expect(anonymous.status, route.path).toBe(401);
      expect(anonymous.headers.get("cache-control"), route.path).toBe("no-store");
    }
  });

  it("the auth routes' answers are not cached either", async () => {
    const auth = routes.find((r) => r.file.startsWith("auth/"))!;
    const session = await auth.handler("GET")(request("/api/auth/get-session", { user }), routeParams({ all: ["get-session"] } as never));
    expect(session.status).toBe(200);
    expect(session.headers.get("cache-control")).toMatch(/no-store/);
  });

  it("next.config.js: nosniff, DENY framing and the referrer policy on every path; API answers may run nothing", async () => {
    const rules = await nextConfig.headers!();
    const all = Object.fromEntries(rules.find((r) => r.source === "/:path*")!.headers.map((h) => [h.key.toLowerCase(), h.value]));
    expect(all).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    const api = rules.find((r) => r.source === "/api/:path*")!.headers;
    expect(api).toContainEqual({ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" });
  });
});

describe("the pages' Content-Security-Policy (proxy.ts)", () => {
  it("sets the same policy with a fresh nonce on the request (for Next) and the response, without unsafe-eval or unsafe-inline", () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = proxy(new NextRequest("http://localhost:3000/memories"));
      const csp = response.headers.get("content-security-policy")!;
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      nonces.add(nonce!);
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
      expect(csp).toContain("style-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
      // Next reads the nonce from the request's header: the proxy passes it on as an override.
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
    expect(nonces.size).toBe(3);
  });

  it("leaves /api and static files alone (a proxy on /api would buffer whole request bodies)", () => {
    const source = proxyConfig.matcher[0]!.source;
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    expect(matches("/memories")).toBe(true);
    expect(matches("/")).toBe(true);
    for (const path of ["/api/chat", "/api/auth/sign-in/email", "/_next/static/chunks/app.js", "/favicon.ico"]) expect(matches(path), path).toBe(false);
  });

  it("with an https APP_URL: HSTS on pages and API answers, and upgrade-insecure-requests", async () => {
    vi.resetModules();
    vi.stubEnv("APP_URL", "https://mnemo.example.com");
    try {
      const { proxy: httpsProxy } = await import("@/proxy");
      const page = httpsProxy(new NextRequest("https://mnemo.example.com/"));
      expect(page.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
      const { withApiHeaders } = await import("@/lib/api/with-route");
      expect(withApiHeaders(Response.json({})).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});

describe("what the pages' policy forbids stays out of the code", () => {
  const ROOT = path.resolve(import.meta.dirname, "../..");
  const sources = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) return sources(rel);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
    });
  const files = [...sources("app"), ...sources("components")];

  it("no React style prop (a server-rendered style attribute is blocked by style-src 'self')", () => {
    const offenders = files.filter((file) => /\sstyle=\{/.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("no inline script or eval of our own, and zod's eval probe is off in the browser", () => {
    const offenders = files.filter((file) => /dangerouslySetInnerHTML|next\/script|new Function\(|\beval\(/.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
    expect(fs.readFileSync(path.join(ROOT, "instrumentation-client.ts"), "utf8")).toMatch(/z\.config\(\{ jitless: true \}\)/);
  });
});
