// Preloaded before Next's standalone server creates its HTTP server (`node --import
// ./trust-proxy.mjs server.js`: the image's CMD and `npm start`). Route handlers cannot see the
// socket, so this rewrites X-Forwarded-For on every request to ONE address, the client's:
// the TCP peer, or, only when the peer is a configured proxy (TRUSTED_PROXIES, comma-separated
// IPs/CIDRs, validated again by lib/config.ts), the right-most address of the forwarded chain
// that is not itself a trusted proxy. A client talking to the app directly can never choose its
// own address (the sign-in rate limit's key) by sending the header itself.
import http from "node:http";
import net from "node:net";

const trusted = new net.BlockList();
const entries = (process.env.TRUSTED_PROXIES ?? "").split(",").map((s) => s.trim()).filter(Boolean);
for (const entry of entries) {
  const [address = "", prefix] = entry.split("/");
  const family = net.isIPv6(address) ? "ipv6" : net.isIPv4(address) ? "ipv4" : null;
  if (!family) throw new Error(`TRUSTED_PROXIES: not an IP address or CIDR block: ${entry}`);
  if (prefix === undefined) trusted.addAddress(address, family);
  else trusted.addSubnet(address, Number(prefix), family);
}

const unmap = (ip) => (ip?.startsWith("::ffff:") && net.isIPv4(ip.slice(7)) ? ip.slice(7) : ip);
const isTrusted = (ip) => {
  const family = net.isIPv4(ip) ? "ipv4" : net.isIPv6(ip) ? "ipv6" : null;
  return family !== null && trusted.check(ip, family);
};

/** The client's address, from the socket's peer and the X-Forwarded-For it sent. */
export function clientAddress(remote, forwardedFor) {
  const peer = unmap(remote);
  if (!peer || !isTrusted(peer)) return peer ?? "";
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => unmap(s.trim()))
    .filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!net.isIP(chain[i])) return peer; // garbage in the chain: the proxy itself is all we know
    if (!isTrusted(chain[i])) return chain[i];
  }
  return chain[0] ?? peer;
}

// lib/auth/auth.ts checks this mark and warns in production when the preload is missing.
const KEY = Symbol.for("mnemo.trust-proxy");
const proto = http.Server.prototype;
if (!proto[KEY]) {
  proto[KEY] = true;
  const emit = proto.emit;
  proto.emit = function (event, req, ...rest) {
    if (event === "request" || event === "upgrade") {
      req.headers["x-forwarded-for"] = clientAddress(req.socket?.remoteAddress, req.headers["x-forwarded-for"]);
    }
    return emit.call(this, event, req, ...rest);
  };
  if (process.env.NODE_ENV === "production" && entries.length === 0 && !["error", "silent"].includes(process.env.LOG_LEVEL ?? "")) {
    const msg =
      "TRUSTED_PROXIES is unset: client addresses (sign-in rate limits) are the connecting peers; behind a reverse proxy every client then shares the proxy's address: set TRUSTED_PROXIES to it";
    process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level: "warn", msg }) + "\n");
  }
}
