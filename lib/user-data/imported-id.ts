import "server-only";
import { createHash } from "node:crypto";

// Fixed for Mnemo's imports (RFC 9562 name-based ids need a namespace of their own).
const NAMESPACE = Buffer.from("6f1c2a8e5b3d4e7a9c0b1d2e3f405162", "hex");

/**
 * The id an imported row gets in this account: a UUIDv5 of the account and the row's identity
 * in the file ("memory:mnemo:<id>", "conversation:<id>" …). The same file imported twice into
 * one account names the same rows, so the second import finds them and creates nothing; two
 * accounts importing one file get different ids.
 */
export function importedId(options: { userId: string; key: string }): string {
  const hash = createHash("sha1").update(NAMESPACE).update(`${options.userId.toLowerCase()}\n${options.key}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
