import { z } from "zod";
import { findJunk } from "@/lib/write-policy/find-junk";
import { findSecrets } from "@/lib/write-policy/find-secrets";
import type { SecretKind } from "@/lib/write-policy/secret-match";
import { findThirdPartySensitive } from "@/lib/write-policy/find-third-party-sensitive";
import { redactSecrets } from "@/lib/write-policy/redact-secrets";

/**
 * Why the write policy refused a memory. Stored on the `refuse` audit row (never the content
 * itself when it held a secret) and shown on Activity and the admin audit log.
 */
export const RefusalReasonSchema = z.enum([
  "secret",
  "payment_data",
  "government_id",
  "third_party_sensitive",
  "passing_state",
  "about_conversation",
  "question",
  "task_request",
  "fragment",
]);
export type RefusalReason = z.infer<typeof RefusalReasonSchema>;

export type WritePolicyVerdict =
  | { allowed: true }
  | {
      allowed: false;
      reason: RefusalReason;
      /** Plain words for the model to pass on to the user. */
      message: string;
      /** What may be shown and stored about the refused content: secrets replaced, at most 160 characters. */
      preview: string;
    };

const MESSAGES: Record<RefusalReason, string> = {
  secret: "Not saved: it contains a password, PIN, code, key or similar secret, and Mnemo never stores those.",
  payment_data: "Not saved: it contains card or bank details, and Mnemo never stores payment data.",
  government_id: "Not saved: it contains a government ID number, and Mnemo never stores those.",
  third_party_sensitive: "Not saved: it is a sensitive detail about someone else (health, sexuality, religion, legal or money matters).",
  passing_state: "Not saved: it describes a passing state or mood, not something lasting about the user.",
  about_conversation: "Not saved: it is about this conversation or the assistant, not about the user.",
  question: "Not saved: it is a question, not something the user stated.",
  task_request: "Not saved: it is a request for a task, not something lasting about the user.",
  fragment: "Not saved: it is a fragment that makes no claim on its own.",
};

const REASON_BY_SECRET: Record<SecretKind, RefusalReason> = {
  password: "secret",
  pin: "secret",
  one_time_code: "secret",
  security_answer: "secret",
  api_key: "secret",
  private_key: "secret",
  token: "secret",
  card_number: "payment_data",
  iban: "payment_data",
  bank_account: "payment_data",
  government_id: "government_id",
};

function refuse(reason: RefusalReason, content: string, context?: string, preceding?: string): WritePolicyVerdict {
  // Someone else's sensitive detail has no secret span to cut out: the preview says what it was, not what it said.
  let shown = reason === "third_party_sensitive" ? "[a sensitive detail about someone else]" : redactSecrets(content, { context, preceding });
  // A refused secret's preview keeps its words, not its values: every other string with a digit
  // goes too (the rest of a list of backup codes, a second half the detector did not tie to a label).
  if (reason === "secret" || reason === "payment_data" || reason === "government_id") shown = shown.replace(/[^\s[\]]*\d[^\s[\]]*/g, "[removed]");
  const preview = shown.replace(/\s+/g, " ").trim();
  return { allowed: false, reason, message: MESSAGES[reason], preview: preview.length > 160 ? `${preview.slice(0, 159)}…` : preview };
}

/**
 * The write policy: every path that creates memory content (save_memory from any model, a
 * proposal and its confirmation, supersede, episode summaries, imports) asks this first. Pure
 * and deterministic, well under a millisecond. Secrets and payment data are refused wherever
 * they appear; other people's sensitive facts and junk (docs/memory-taxonomy.md) are refused
 * too. Episode summaries are narratives, so only the first two checks apply to them; a write
 * with an expiry may describe a temporary state ("this week I'm working from Leeds"). The
 * context, when there is one, is the user's message the write came from: a secret value in it
 * is refused in the content even where the content has lost the words that said what it was.
 */
export function checkMemoryWrite(options: { content: string; memoryType: string; hasExpiry?: boolean; context?: string; preceding?: string }): WritePolicyVerdict {
  const { content, memoryType, context, preceding } = options;
  const [secret] = findSecrets(content, { context, preceding });
  if (secret) return refuse(REASON_BY_SECRET[secret.kind], content, context, preceding);
  if (findThirdPartySensitive(content)) return refuse("third_party_sensitive", content);
  if (memoryType === "episode") return { allowed: true };
  const junk = findJunk(content, { memoryType, hasExpiry: options.hasExpiry ?? false });
  if (junk) return refuse(junk, content);
  return { allowed: true };
}
