import "server-only";
import http from "node:http";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { z } from "zod";
import { trustedOrigins } from "@/lib/auth/trusted-origins";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { consumeAuthRateLimit } from "@/lib/redis/rate-limit-auth";

/** What sign-up and update-user accept as a display name. */
const NameSchema = z.string().max(100, "Name is at most 100 characters.").optional();

/** better-auth's own messages go through the app's logger: one JSON line each, no colours. */
function authLog(level: "debug" | "info" | "warn" | "error", message: string, ...args: unknown[]) {
  const error = args.find((a) => a instanceof Error);
  const rest = args.filter((a) => !(a instanceof Error));
  log[level](message, { source: "better-auth", ...(error ? { error } : {}), ...(rest.length ? { args: rest } : {}) });
}

function createAuth() {
  return betterAuth({
    appName: "Mnemo",
    baseURL: config.APP_URL,
    secret: config.authSecret,
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    user: {
      additionalFields: {
        // input: false — a client can never choose its own role.
        role: { type: "string", required: false, defaultValue: "user", input: false },
      },
    },
    session: { cookieCache: { enabled: false } },
    advanced: {
      database: { generateId: "uuid" },
      // Rate limits key on the client's address. scripts/trust-proxy.mjs (preloaded by the
      // image and `npm start`) rewrites X-Forwarded-For to exactly that address: the socket's
      // peer, or what a TRUSTED_PROXIES proxy forwarded; a client cannot choose its own key.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    trustedOrigins: (request) => trustedOrigins(request),
    logger: { level: "warn", log: authLog },
    // Errors that are not better-auth's own (the database unreachable …) are thrown to the auth
    // route's wrapper, which logs them once and answers JSON (503 for an outage), instead of
    // better-call printing them and answering an empty 500. Its own errors stay JSON responses.
    onAPIError: { throw: true },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-up/email" && ctx.path !== "/update-user") return;
        const name = NameSchema.safeParse((ctx.body as { name?: unknown } | undefined)?.name);
        if (!name.success) throw new APIError("BAD_REQUEST", { code: "INVALID_NAME", message: name.error.issues[0]!.message });
      }),
    },
    rateLimit: {
      enabled: config.NODE_ENV === "production" && config.AUTH_RATE_LIMIT === "on",
      window: 60,
      max: 300,
      // Shared by every replica through Redis (better-auth's default store is per process).
      customStorage: { consume: (key, rule) => consumeAuthRateLimit(key, rule) },
    },
    databaseHooks: {
      user: {
        create: {
          // Admins are bootstrapped from ADMIN_EMAILS; nobody can sign up as one otherwise.
          before: async (user) => ({
            data: { ...user, role: config.ADMIN_EMAILS.includes(user.email.toLowerCase()) ? "admin" : "user" },
          }),
        },
      },
    },
    plugins: [nextCookies()],
  });
}

// Set by scripts/trust-proxy.mjs. Without it, X-Forwarded-For is whatever the client sent.
const TRUST_PROXY = Symbol.for("mnemo.trust-proxy");

function warnIfClientAddressUnverified() {
  if (config.NODE_ENV !== "production" || (http.Server.prototype as unknown as Record<symbol, unknown>)[TRUST_PROXY]) return;
  log.warn("client addresses are unverified: start the server with `node --import ./trust-proxy.mjs server.js` (as the image and npm start do), or sign-in rate limits key on a client-chosen X-Forwarded-For");
}

type Auth = ReturnType<typeof createAuth>;
const KEY = Symbol.for("mnemo.auth");
const g = globalThis as unknown as Record<symbol, Auth | undefined>;

export function getAuth(): Auth {
  if (!g[KEY]) {
    warnIfClientAddressUnverified();
    g[KEY] = createAuth();
  }
  return g[KEY];
}
