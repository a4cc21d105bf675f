// What the secret finders (find-secrets and the files it composes) report: a kind and the
// character span to redact.
export type SecretKind =
  | "password"
  | "pin"
  | "one_time_code"
  | "security_answer"
  | "api_key"
  | "private_key"
  | "token"
  | "card_number"
  | "iban"
  | "bank_account"
  | "government_id";

export type SecretMatch = { kind: SecretKind; start: number; end: number };
