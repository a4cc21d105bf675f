import { redactSecrets, redactSecretsDeep } from "@/lib/write-policy/redact-secrets";

// Only what people and models wrote is redacted: ids and provider metadata stay as they are.
export function redactMessageParts(parts: unknown[]): unknown[] {
  return parts.map((part) => {
    if (!part || typeof part !== "object") return part;
    const p = { ...(part as Record<string, unknown>) };
    if (typeof p.text === "string") p.text = redactSecrets(p.text);
    for (const key of ["input", "output", "rawInput", "errorText"]) {
      if (key in p) p[key] = redactSecretsDeep(p[key]);
    }
    return p;
  });
}
