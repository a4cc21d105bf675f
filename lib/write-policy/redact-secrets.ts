import { findSecrets } from "@/lib/write-policy/find-secrets";
import type { SecretKind } from "@/lib/write-policy/secret-match";

const LABEL: Record<SecretKind, string> = {
  password: "password",
  pin: "PIN",
  one_time_code: "one-time code",
  security_answer: "security answer",
  api_key: "API key",
  private_key: "private key",
  token: "token",
  card_number: "card number",
  iban: "IBAN",
  bank_account: "bank details",
  government_id: "ID number",
};

/**
 * The text with every secret replaced by a bracketed label ("my PIN is [PIN removed]"). With a
 * context (the user's message), the secret values in it are removed from the text too.
 */
export function redactSecrets(text: string, options: { context?: string; preceding?: string } = {}): string {
  const secrets = findSecrets(text, options);
  if (secrets.length === 0) return text;
  let out = "";
  let at = 0;
  for (const s of secrets) {
    out += `${text.slice(at, s.start)}[${LABEL[s.kind]} removed]`;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Redacts every string inside a JSON-like value (message parts, tool inputs and outputs). */
export function redactSecretsDeep<T>(value: T, options: { context?: string; preceding?: string } = {}): T {
  if (typeof value === "string") return redactSecrets(value, options) as T;
  if (Array.isArray(value)) return value.map((v) => redactSecretsDeep(v, options)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSecretsDeep(v, options)])) as T;
  }
  return value;
}
