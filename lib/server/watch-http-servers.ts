import "server-only";
import http from "node:http";
import { getServerDrain } from "@/lib/server/server-drain";

const INSTALLED = Symbol.for("mnemo.watch-http-servers");

/**
 * Reports every request of every HTTP server in this process to the drain state, so a stop can
 * close Next's server and wait for its responses. Next creates and starts its server before
 * instrumentation runs and exposes no handle, so this wraps http.Server's `emit` for "request"
 * events (the way APM agents observe servers); servers created earlier are covered because the
 * method is looked up at each emit. Idempotent.
 */
export function watchHttpServers(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") getServerDrain().track(this, args[1] as http.ServerResponse);
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
