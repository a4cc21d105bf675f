import "server-only";
import { config } from "@/lib/config";

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

/**
 * Whether a page at `origin` may send state-changing requests here: APP_URL's origin, and on a
 * local install (APP_URL on localhost) any localhost port too, since tests and `npm start`
 * reach one database through several ports. A public install accepts only its own origin.
 * The one definition: better-auth's trustedOrigins and the route wrapper's origin check use it.
 */
export function isTrustedOrigin(origin: string): boolean {
  const own = new URL(config.APP_URL).origin;
  return origin === own || (LOCAL_ORIGIN.test(own) && LOCAL_ORIGIN.test(origin));
}

/** better-auth's `trustedOrigins(request)`: APP_URL, plus the request's origin when it is trusted. */
export function trustedOrigins(request?: Request): string[] {
  const own = new URL(config.APP_URL).origin;
  const origin = request?.headers.get("origin");
  return origin && origin !== own && isTrustedOrigin(origin) ? [own, origin] : [own];
}
