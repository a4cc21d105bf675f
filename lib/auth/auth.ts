import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { consumeAuthRateLimit } from "@/lib/redis/rate-limit-auth";

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

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
      // Rate limits key on this header; a client can forge it unless the proxy in front overwrites it.
      ipAddress: { ipAddressHeaders: [config.AUTH_IP_HEADER] },
    },
    // A local install (APP_URL on localhost) accepts whichever localhost port it is reached on
    // (tests run several instances); a public one accepts only its own origin.
    trustedOrigins: (request) => {
      const origin = request?.headers.get("origin");
      return LOCAL_ORIGIN.test(new URL(config.APP_URL).origin) && origin && LOCAL_ORIGIN.test(origin) ? [config.APP_URL, origin] : [config.APP_URL];
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

type Auth = ReturnType<typeof createAuth>;
const KEY = Symbol.for("mnemo.auth");
const g = globalThis as unknown as Record<symbol, Auth | undefined>;

export function getAuth(): Auth {
  g[KEY] ??= createAuth();
  return g[KEY];
}
