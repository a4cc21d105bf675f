import { findLabelledSecrets } from "@/lib/write-policy/find-labelled-secrets";
import { findNearbySecrets, findSiblingSecrets } from "@/lib/write-policy/find-nearby-secrets";
import { findShapedSecrets } from "@/lib/write-policy/find-shaped-secrets";
import type { SecretKind, SecretMatch } from "@/lib/write-policy/secret-match";

// Finds secrets and payment data in free text: the write policy refuses any content with one,
// and redaction replaces each span before text is stored anywhere (messages, audit previews).
// Two kinds of evidence, both general: a label that names a secret followed by a value
// ("my PIN is 4821", "wifi password: sunflower22"), and shapes that are secrets whatever
// surrounds them (card numbers that pass Luhn, IBANs that pass mod 97, keys with a known
// prefix, JWTs, PEM blocks, long random tokens, SSN / National Insurance formats).
// The rules live by kind of evidence: find-labelled-secrets (a label and its value),
// find-shaped-secrets (shapes), find-nearby-secrets (a value near its label, in a list, in
// answer to a question).

/**
 * Every secret in the text, in order, with the character span to redact. Overlaps are merged.
 * With a context (the user's message a memory or an answer came from), every secret value found
 * in the context is a secret in the text too, however the text phrases it: a model that copies
 * "mine's 482599313" out of "does the SSN box want dashes? mine's 482599313" has dropped the
 * label, not the secret.
 */
export function findSecrets(text: string, options: { context?: string; preceding?: string } = {}): SecretMatch[] {
  const found = [
    ...(options.context ? findContextSecrets(text, options.context, options.preceding) : []),
    ...findLabelledSecrets(text, { context: options.context }),
    ...findShapedSecrets(text),
    ...findNearbySecrets(text, { preceding: options.preceding }),
  ];
  return mergeSpans([...found, ...findSiblingSecrets(text, found)]);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Each secret value of the context, matched in the text with any spacing or dashes between its
// characters ("4471", "44 71", "44-71"), and not inside a longer run of letters or digits.
function findContextSecrets(text: string, context: string, preceding?: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const secret of findSecrets(context, { preceding })) {
    const span = context.slice(secret.start, secret.end);
    // The whole value, and each part of it that holds a digit: a model may copy just the
    // expiry or the security code out of "5138-2606-0586-5165\nExp. 11/2026\nSecurity code 207".
    const parts = [span, ...span.split(/[\s,;|]+/).filter((p) => /\d/.test(p))];
    for (const part of new Set(parts)) {
      const chars = part.replace(/[\s-]/g, "");
      if (chars.replace(/[^A-Za-z0-9]/g, "").length < 3) continue;
      const pattern = new RegExp(`(?<![A-Za-z0-9])${[...chars].map(escapeRegExp).join("[\\s-]*")}(?![A-Za-z0-9])`, "gi");
      for (const m of text.matchAll(pattern)) found.push({ kind: secret.kind, start: m.index!, end: m.index! + m[0].length });
    }
  }
  return found;
}

// When rules find the same span, the most specific kind names it (it sets the refusal's reason
// and the redaction's label), whichever rule ran first.
const KIND_ORDER: SecretKind[] = ["private_key", "api_key", "card_number", "iban", "bank_account", "government_id", "one_time_code", "security_answer", "pin", "password", "token"];

function mergeSpans(matches: SecretMatch[]): SecretMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const merged: SecretMatch[] = [];
  for (const m of sorted) {
    const last = merged.at(-1);
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}
