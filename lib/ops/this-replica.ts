import "server-only";
import os from "node:os";
import packageJson from "@/package.json";

const startedAt = new Date().toISOString();

/** This server process's identity. Under compose the hostname is the container id. */
export function thisReplica(): { id: string; hostname: string; pid: number; version: string; startedAt: string } {
  const hostname = os.hostname();
  return { id: `${hostname}:${process.pid}`, hostname, pid: process.pid, version: packageJson.version, startedAt };
}
