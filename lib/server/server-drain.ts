import "server-only";
import type { Server, ServerResponse } from "node:http";

/**
 * This process's HTTP drain, for a graceful stop (docker stop, a scale-down, an upgrade).
 * Next's own graceful close is off (NEXT_MANUAL_SIG_HANDLE, so memory writes can drain
 * first) and Next gives the app no handle on its server, so watchHttpServers() reports each
 * request's server and response here. Draining then does what Next would: stop accepting
 * connections, let requests in flight finish (pages and streamed chat replies alike), close
 * idle keep-alive connections. Long-lived streams (the Activity feed) register to be ended when
 * draining starts; their browsers reconnect to another replica and resume from the last event.
 */
export class ServerDrain {
  draining = false;
  inFlight = 0;
  private servers = new Set<Server>();
  private idleWaiters = new Set<() => void>();
  private drainListeners = new Set<() => void>();

  /** Counts a response until it has been sent or abandoned. */
  track(server: Server, response: ServerResponse): void {
    if (!this.servers.has(server)) {
      this.servers.add(server);
      if (this.draining) this.closeServer(server);
    }
    this.inFlight += 1;
    response.once("close", () => {
      this.inFlight -= 1;
      // A keep-alive connection that just went idle would otherwise take one more request.
      if (this.draining) server.closeIdleConnections();
      if (this.inFlight === 0) for (const wake of this.idleWaiters) wake();
    });
  }

  /** Runs `listener` when draining starts (at once if it has). Returns an unsubscribe. */
  onDrain(listener: () => void): () => void {
    if (this.draining) {
      listener();
      return () => {};
    }
    this.drainListeners.add(listener);
    return () => this.drainListeners.delete(listener);
  }

  /** Starts draining; resolves once no request is in flight, or at the deadline, saying which. */
  async drain(options: { timeoutMs: number }): Promise<{ idle: boolean; inFlight: number }> {
    if (!this.draining) {
      this.draining = true;
      for (const server of this.servers) this.closeServer(server);
      for (const listener of [...this.drainListeners]) listener();
      this.drainListeners.clear();
    }
    if (this.inFlight > 0) {
      let wake = () => {};
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => {
          wake = resolve;
          this.idleWaiters.add(wake);
        }),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, options.timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      this.idleWaiters.delete(wake);
    }
    return { idle: this.inFlight === 0, inFlight: this.inFlight };
  }

  private closeServer(server: Server) {
    // New connections are refused from here on (the proxy retries them on another replica);
    // close() also drops the idle keep-alive ones.
    server.close();
    server.closeIdleConnections();
  }
}

const KEY = Symbol.for("mnemo.server-drain");
const g = globalThis as unknown as Record<symbol, ServerDrain | undefined>;

/** The process-wide drain state (shared across module instances via globalThis). */
export function getServerDrain(): ServerDrain {
  g[KEY] ??= new ServerDrain();
  return g[KEY];
}
