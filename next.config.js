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
  poweredByHeader: false,
  typedRoutes: false,
};
export default nextConfig;
