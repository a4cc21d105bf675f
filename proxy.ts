import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, transportSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before every page (not /api, not static files): a fresh nonce per request, and the CSP
 * that allows only scripts carrying it. Next reads the nonce from the *request*'s CSP header
 * and puts it on the scripts it renders, so the policy is set on the request and the response.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(transportSecurityHeaders())) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Not /api: a proxy that matches a POST makes Next read and buffer the whole body before
      // the route runs, defeating the routes' streaming body limit. API responses get their
      // headers from next.config.js and the route wrapper instead.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      // Prefetches of the RSC payload need no policy of their own.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
