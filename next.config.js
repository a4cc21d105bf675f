// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // These packages load WebAssembly, native sockets or data files relative to their own
  // module path, which breaks when bundled; Node resolves them at run time instead.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "pg",
    "ioredis",
    "compromise",
  ],
  // The container image (Dockerfile) ships only the traced server and its node_modules.
  output: "standalone",
  // No next/image here, so sharp's 20 MB of native binaries would only weigh the image down.
  outputFileTracingExcludes: { "*": ["node_modules/@img/**", "node_modules/sharp/**"] },
  // The offline embedding's word vectors are read from disk at run time (lib/embeddings/load-word-table.ts).
  outputFileTracingIncludes: { "*": ["lib/embeddings/word-vectors/*.bin"] },
  poweredByHeader: false,
  // Fixed for every response, pages, API and static files alike. The pages' CSP (with its
  // per-request nonce) and HSTS (only when APP_URL is https) are set at run time: proxy.ts
  // for pages, lib/api/with-route.ts for the API.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // JSON, event streams and CSV: nothing in them may run, load anything, or be framed.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
  // forbidden() in admin pages renders app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
  typedRoutes: false,
};
export default nextConfig;
