import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";

// The only reader of process.env (STYLE rule 7). Parsed once; a bad value fails at start
// with a message naming the variable.

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .transform((v) => v === "true" || v === "1");
const csv = z
  .string()
  .transform((v) => v.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean));
const unit = z.coerce.number().min(0).max(1);
/** "10.0.0.5, 172.16.0.0/12, ::1": addresses or CIDR blocks. */
const proxyList = z
  .string()
  .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
  .pipe(
    z.array(
      z.string().refine((entry) => {
        const [address = "", prefix, extra] = entry.split("/");
        const family = net.isIP(address);
        if (family === 0 || extra !== undefined) return false;
        return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
      }, "must be a comma-separated list of IP addresses or CIDR blocks (10.0.0.5, 172.16.0.0/12)"),
    ),
  );

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Absent → embedded PGlite under DATA_DIR. */
    DATABASE_URL: z.string().url().optional(),
    /** Absent → in-process stand-ins for rate limits, flags and pub/sub. */
    REDIS_URL: z.string().url().optional(),
    DATA_DIR: z.string().default(".data"),
    APP_URL: z.string().url().default("http://localhost:3000"),
    BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
    ADMIN_EMAILS: csv.default([]),
    /** Sign-in/sign-up rate limiting (production only); "off" only for browser test runs. */
    AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
    /**
     * Reverse proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For is believed. The
     * start-up preload (scripts/trust-proxy.mjs) rewrites X-Forwarded-For to the one client
     * address: the socket's peer, or, when that peer is listed here, the nearest untrusted hop
     * of the chain. Unset: the socket's peer, whatever the client sent.
     */
    TRUSTED_PROXIES: proxyList.default([]),

    LLM_PROVIDER: z.enum(["local", "openai"]).optional(),
    EMBEDDING_PROVIDER: z.enum(["local", "openai"]).optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.string().url().optional(),
    OPENAI_CHAT_MODEL: z.string().default("gpt-4o-mini"),
    OPENAI_EMBEDDING_MODEL: z.string().default("text-embedding-3-small"),
    /** Size of every stored vector; 384 with the offline model, the model's own size otherwise (pgvector stores up to 16,000). */
    EMBEDDING_DIMENSIONS: z.coerce.number().int().positive().max(16_000).default(384),

    MEMORY_WRITE_RATE_PER_CONVERSATION: z.coerce.number().int().positive().default(10),
    MEMORY_WRITE_RATE_PER_HOUR: z.coerce.number().int().positive().default(25),
    MEMORY_DUPLICATE_THRESHOLD: unit.default(0.92),
    EPISODE_USER_MESSAGE_THRESHOLD: z.coerce.number().int().positive().default(8),
    EPISODE_TOTAL_MESSAGE_THRESHOLD: z.coerce.number().int().positive().default(15),
    MEMORY_WRITE_CONFIDENCE_AUTO: unit.default(0.7),
    MEMORY_WRITE_CONFIDENCE_CONFIRM: unit.default(0.5),
    /** Test-only: delays each background write, to prove the chat never waits for one. */
    MEMORY_WRITE_ARTIFICIAL_DELAY_MS: z.coerce.number().int().min(0).default(0),
    MEMORY_WORKER_ENABLED: bool.default(true),
    MEMORY_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(16),
    /** Tokens of recalled memories put in front of the model each turn (about 4 characters a token). */
    RECALL_TOKEN_BUDGET: z.coerce.number().int().min(0).max(20_000).default(600),
    /** Most memories recalled into one turn. */
    RECALL_MAX_MEMORIES: z.coerce.number().int().min(0).max(50).default(8),

    MLFLOW_TRACKING_URI: z.string().url().optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.MEMORY_WRITE_CONFIDENCE_CONFIRM > env.MEMORY_WRITE_CONFIDENCE_AUTO) {
      ctx.addIssue({
        code: "custom",
        path: ["MEMORY_WRITE_CONFIDENCE_CONFIRM"],
        message: "must not exceed MEMORY_WRITE_CONFIDENCE_AUTO",
      });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.BETTER_AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_SECRET"],
        message: "is required in production when DATABASE_URL is set (several instances must share it)",
      });
    }
    // The offline embedding's layout (lib/embeddings/embed-local.ts) is calibrated at 384 only.
    if ((env.EMBEDDING_PROVIDER ?? "local") === "local" && env.EMBEDDING_DIMENSIONS !== 384) {
      ctx.addIssue({
        code: "custom",
        path: ["EMBEDDING_DIMENSIONS"],
        message: "must be 384 with EMBEDDING_PROVIDER=local (the offline model's size); other sizes need EMBEDDING_PROVIDER=openai",
      });
    }
    // Recorded with every vector as "openai/<model>@<dimensions>" (memory_items.embedding_model, 120 characters).
    if (!/^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,99}$/.test(env.OPENAI_EMBEDDING_MODEL)) {
      ctx.addIssue({ code: "custom", path: ["OPENAI_EMBEDDING_MODEL"], message: "must be 1-100 of A-Z a-z 0-9 . _ : / @ + -" });
    }
    if (env.LLM_PROVIDER === "openai" && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
      ctx.addIssue({ code: "custom", path: ["OPENAI_API_KEY"], message: "is required when LLM_PROVIDER=openai" });
    }
  });

function loadConfig() {
  // Empty strings in .env files mean "unset", not "invalid".
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const hostedConfigured = Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL);
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    llmProvider: env.LLM_PROVIDER ?? (hostedConfigured ? "openai" : "local"),
    embeddingProvider: env.EMBEDDING_PROVIDER ?? "local",
    authSecret: env.BETTER_AUTH_SECRET ?? persistedSecret(path.resolve(env.DATA_DIR)),
    memory: {
      ratePerConversation: env.MEMORY_WRITE_RATE_PER_CONVERSATION,
      ratePerHour: env.MEMORY_WRITE_RATE_PER_HOUR,
      duplicateThreshold: env.MEMORY_DUPLICATE_THRESHOLD,
      episodeUserMessageThreshold: env.EPISODE_USER_MESSAGE_THRESHOLD,
      episodeTotalMessageThreshold: env.EPISODE_TOTAL_MESSAGE_THRESHOLD,
      confidenceAuto: env.MEMORY_WRITE_CONFIDENCE_AUTO,
      confidenceConfirm: env.MEMORY_WRITE_CONFIDENCE_CONFIRM,
      artificialDelayMs: env.MEMORY_WRITE_ARTIFICIAL_DELAY_MS,
      workerEnabled: env.MEMORY_WORKER_ENABLED,
      workerConcurrency: env.MEMORY_WORKER_CONCURRENCY,
      recallTokenBudget: env.RECALL_TOKEN_BUDGET,
      recallMaxMemories: env.RECALL_MAX_MEMORIES,
    },
  } as const;
}

/** A single-machine install has no secret configured: make one once and keep it. */
function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

/** Every variable the app reads: .env.example and docker-compose.yml are checked against it. */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape) as (keyof z.infer<typeof EnvSchema>)[];

export type AppConfig = ReturnType<typeof loadConfig>;
export const config: AppConfig = loadConfig();
