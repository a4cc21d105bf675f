import net from "node:net";

/**
 * A TCP proxy in front of a server (PostgreSQL, Redis) that a test can cut and restore: `down()`
 * resets every open connection and refuses new ones, as a crashed or unreachable server would;
 * `up()` forwards again. Lets a test take a dependency away from one process without touching
 * the shared server other tests use.
 */
export async function startTcpFaultProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let isDown = false;
  const server = net.createServer((client) => {
    if (isDown) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    down() {
      isDown = true;
      for (const s of sockets) s.resetAndDestroy();
    },
    up() {
      isDown = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
