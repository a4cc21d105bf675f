export type CredentialKind = "password" | "api-key" | "card-number" | "iban" | "national-id" | "private-key";

// Words that introduce a secret. Patterns below catch the secrets themselves even without them.
const SECRET_WORDS =
  /\b(pass ?words?|passwd|passcodes?|pin (code|number)s?|my pin|api[ _-]?keys?|secret[ _-]?keys?|access[ _-]?tokens?|auth[ _-]?tokens?|bearer tokens?|private[ _-]?keys?|credentials?|login details|logins? (is|are|for)|sign-?in details|username and password|passphrases?|door codes?|alarm codes?|safe combination|security (answers?|questions?)|maiden name|security codes?|cvv|cvc|seed phrase|recovery phrase|2fa codes?|otp)\b/i;
const SECRET_VALUE =
  /\b(sk-[A-Za-z0-9_-]{16,}|sk_(live|test)_[A-Za-z0-9]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|xox[abp]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})/;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/;
const NATIONAL_ID = /\b(\d{3}-\d{2}-\d{4}|social security number|ssn|passport number)\b/i;
// A password by its shape: upper and lower case, a digit and a symbol in one word ("Tr0ub4dor&3").
const PASSWORD_SHAPE = /(?<!\S)(?!\S*:\/\/)(?=\S*[a-z])(?=\S*[A-Z])(?=\S*\d)(?=\S*[^\w\s.,'"()@-])\S{8,}/;
const DIGIT_RUN = /\b(?:\d[ -]?){13,19}\b/g;

/** Luhn checksum: tells a card number from an order id or a phone number. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Finds credentials and payment data in a piece of user text. Memory must never hold them,
 * so a sentence that mentions one is dropped whole. These are fixed formats, which is why
 * this is pattern matching rather than language analysis.
 */
export function detectCredential(text: string): CredentialKind | null {
  if (PRIVATE_KEY.test(text)) return "private-key";
  if (SECRET_VALUE.test(text)) return "api-key";
  for (const match of text.match(DIGIT_RUN) ?? []) {
    const digits = match.replace(/\D/g, "");
    if (digits.length >= 13 && passesLuhn(digits)) return "card-number";
  }
  if (IBAN.test(text) || /\biban\b/i.test(text)) return "iban";
  if (NATIONAL_ID.test(text)) return "national-id";
  if (/\b(credit|debit) card\b/i.test(text) && /\d{4}/.test(text)) return "card-number";
  if (PASSWORD_SHAPE.test(text)) return "password";
  if (SECRET_WORDS.test(text)) return /api|token|key/i.test(text) ? "api-key" : "password";
  return null;
}
