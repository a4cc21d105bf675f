import { redactSecrets, redactSecretsDeep } from "@/lib/write-policy/redact-secrets";

// Only what people and models wrote is redacted: ids and provider metadata stay as they are.
// The context (for an answer, its question) lends its secret values: a tool input that copied
// one without its label is redacted too; the preceding turns lend their labels: a value given in
// answer to "what's your SSN?" is redacted however it is phrased.
export function redactMessageParts(parts: unknown[], options: { context?: string; preceding?: string } = {}): unknown[] {
  return parts.map((part) => {
    if (!part || typeof part !== "object") return part;
    const p = { ...(part as Record<string, unknown>) };
    if (typeof p.text === "string") p.text = redactSecrets(p.text, options);
    for (const key of ["input", "output", "rawInput", "errorText"]) {
      if (key in p) p[key] = redactSecretsDeep(p[key], options);
    }
    return p;
  });
}
