import "server-only";
import { config } from "@/lib/config";

// The response headers that depend on how the app is deployed (APP_URL, NODE_ENV), so they are
// set per request: next.config.js's headers() are fixed at build time, and the same image serves
// plain http on localhost and https behind a domain. The fixed ones are in next.config.js.

const https = () => new URL(config.APP_URL).protocol === "https:";

/** Strict-Transport-Security when APP_URL is https (browsers ignore it over http anyway). */
export function transportSecurityHeaders(): Record<string, string> {
  return https() ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {};
}

/**
 * The pages' Content-Security-Policy: scripts only from this origin and only with this
 * request's nonce (Next puts it on its own scripts; 'strict-dynamic' lets those load their
 * chunks), no inline styles, no framing, no plugins, fetch/EventSource to this origin only.
 * `next dev` needs eval (React's dev build) and inline styles (its overlay); production neither.
 */
export function contentSecurityPolicy(nonce: string): string {
  const dev = config.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https() ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
