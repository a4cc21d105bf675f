import "server-only";
import { isTrustedOrigin } from "@/lib/auth/trusted-origins";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request that another site's page made the browser send (CSRF: the
 * victim's cookie rides along). Browsers name the sending page in Origin, and say same-origin,
 * same-site or cross-site in Sec-Fetch-Site; a request with neither comes from a client that is
 * not a browser, which holds no victim's cookie, and passes. GET, HEAD and OPTIONS change
 * nothing and are never refused. The trusted origins are better-auth's (lib/auth/trusted-origins).
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (origin !== null && origin !== "null") {
    if (isTrustedOrigin(origin)) return;
    throw new AppError("forbidden", `Cross-origin request refused: ${origin.slice(0, 200)} is not this app's origin.`);
  }
  // "null" is an opaque origin (a sandboxed frame, a data: URL); believed only when the
  // browser itself says the request is same-origin, as better-auth does.
  const sameOrigin = site === "same-origin" || (origin === null && (site === null || site === "none"));
  if (!sameOrigin) throw new AppError("forbidden", "Cross-origin request refused: it was not sent by this app's own pages.");
}
