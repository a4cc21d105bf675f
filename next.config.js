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
  poweredByHeader: false,
  // forbidden() in admin pages renders app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
  typedRoutes: false,
};
export default nextConfig;
