import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { getServerDrain, ServerDrain } from "@/lib/server/server-drain";
import { watchHttpServers } from "@/lib/server/watch-http-servers";

// Real HTTP servers on loopback, observed the way Next's is: through watchHttpServers().
const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
  (globalThis as Record<symbol, unknown>)[Symbol.for("mnemo.server-drain")] = undefined;
});

/** A server whose /slow responses take `ms`, sent in two halves; `started` resolves on the first. */
async function serve(ms = 300): Promise<{ url: string; started: Promise<void> }> {
  watchHttpServers();
  let onStarted = () => {};
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const server = http.createServer((req, res) => {
    if (req.url !== "/slow") return void res.end("fast");
    res.write("first half ");
    onStarted();
    setTimeout(() => res.end("second half"), ms);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, started };
}

describe("server drain", () => {
  it("lets a response in flight finish, refuses new connections, and reports idle", async () => {
    const { url, started: received } = await serve(300);
    const slow = fetch(`${url}/slow`).then((r) => r.text());
    await received;
    expect(getServerDrain().inFlight).toBe(1);

    const started = performance.now();
    const result = await getServerDrain().drain({ timeoutMs: 5_000 });
    expect(result).toEqual({ idle: true, inFlight: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    expect(await slow).toBe("first half second half");
    await expect(fetch(`${url}/`, { headers: { connection: "close" } })).rejects.toThrow();
  });

  it("ends long-lived streams when draining starts, and at once for ones opened later", async () => {
    const drain = new ServerDrain();
    const ended: string[] = [];
    drain.onDrain(() => ended.push("stream 1"));
    const unsubscribe = drain.onDrain(() => ended.push("stream 2, closed before"));
    unsubscribe();
    await drain.drain({ timeoutMs: 1_000 });
    expect(ended).toEqual(["stream 1"]);
    drain.onDrain(() => ended.push("late stream"));
    expect(ended).toEqual(["stream 1", "late stream"]);
  });

  it("gives up at the deadline and says how many responses it would cut", async () => {
    const { url, started } = await serve(2_000);
    const slow = fetch(`${url}/slow`).then((r) => r.text(), () => "cut");
    await started;
    expect(await getServerDrain().drain({ timeoutMs: 100 })).toEqual({ idle: false, inFlight: 1 });
    expect(await slow).toBe("first half second half");
  });

  it("counts a response the client abandoned as done", async () => {
    const { url, started } = await serve(5_000);
    const abort = new AbortController();
    void fetch(`${url}/slow`, { signal: abort.signal }).then((r) => r.text()).catch(() => {});
    await started;
    expect(getServerDrain().inFlight).toBe(1);
    abort.abort();
    await new Promise((r) => setTimeout(r, 100));
    expect(getServerDrain().inFlight).toBe(0);
  });
});
