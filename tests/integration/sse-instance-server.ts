// One "app instance" for the two-instance SSE test: the real route handlers, in a Node
// process of their own (own module graph, own Prisma pool, own Redis connections), served
// over HTTP by a tiny node:http adapter instead of `next start` (which would need a build).
// Run: node --conditions=react-server --import tsx tests/integration/sse-instance-server.ts
// with PORT, DATABASE_URL, REDIS_URL and BETTER_AUTH_SECRET set. Prints "listening <port>".
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type Handler = (request: Request, args?: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function main() {
  const stream = await import("@/app/api/activity/stream/route");
  const bulkDelete = await import("@/app/api/memories/bulk-delete/route");
  const reject = await import("@/app/api/proposals/[id]/reject/route");
  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [
    { method: "GET", pattern: /^\/api\/activity\/stream$/, handler: stream.GET },
    { method: "POST", pattern: /^\/api\/memories\/bulk-delete$/, handler: bulkDelete.POST },
    { method: "POST", pattern: /^\/api\/proposals\/(?<id>[^/]+)\/reject$/, handler: reject.POST },
  ];

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    if (!route) return void res.writeHead(404).end();
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(url, {
      method: req.method,
      headers,
      body: req.method === "GET" ? undefined : Buffer.concat(chunks),
      signal: abort.signal,
    });
    const params = Promise.resolve(route.pattern.exec(url.pathname)?.groups ?? {});
    const response = await route.handler(request, { params });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.flushHeaders();
    if (!response.body) return void res.end();
    Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).on("error", () => res.end()).pipe(res);
  });
  server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    console.log(`listening ${(server.address() as AddressInfo).port}`);
  });
  process.on("SIGTERM", () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
