import { findSecrets } from "@/lib/write-policy/find-secrets";

/** Stands in for a secret in the text the rules read; a clause that holds it is never written. */
export const SECRET_MARK = "SECRETVALUE";

// Words that name a secret. A clause with one of these next to a number or a password-like
// word is left out even when the write policy would not recognise the value on its own
// ("the code for the garage door, 5829", "locker combo at work is 4471").
const SECRET_LABEL =
  /\b(pass ?words?|pw|pwd|passwd|pass ?codes?|pass ?phrases?|pins?|codes?|combos?|combinations?|logins?|credentials|keys?|tokens?|secrets?|ssn|sin|nino|ni (number|no)|national insurance|passport (number|no)|account (number|no)|acct|routing|sort code|iban|cvv|cvc|card (number|details)|utr|tax (id|number|reference)|licen[cs]e (number|no)|seed phrase|recovery phrase|maiden name|security (answer|question))\b/i;
const SECRET_LIKE_VALUE = /(?<![\w])(\d[\d\s-]{2,}\d|(?=[A-Za-z0-9_#!@$%&*-]*\d)(?=[A-Za-z0-9_#!@$%&*-]*[A-Za-z])[A-Za-z0-9_#!@$%&*-]{5,})(?![\w])/;

/** The message names a secret somewhere ("my passport number", "the PIN"). */
export const namesSecret = (text: string) => SECRET_LABEL.test(text) || /\b(passport|bank|card|login|security)\b/i.test(text);

/**
 * Replaces every secret the write policy would refuse (findSecrets) with SECRET_MARK, so
 * the rest of the message can still be read and its genuine facts saved.
 */
export function maskSecrets(text: string): { text: string; masked: boolean } {
  const spans = findSecrets(text);
  if (spans.length === 0) return { text, masked: false };
  let out = "";
  let at = 0;
  for (const span of spans) {
    out += `${text.slice(at, span.start)} ${SECRET_MARK} `;
    at = span.end;
  }
  return { text: out + text.slice(at), masked: true };
}

// A long number in a message that names a secret ("passport … number 533380006") is taken for its value.
const LONG_NUMBER = /(?<![\w:/.-])[A-Za-z]{0,3}\d[\d ]{5,}\d[A-Za-z]?(?![\w:/.-])/;

/** A clause that holds a secret, or names one beside a value that looks like it. */
export function holdsSecret(clauseText: string, secretContext = false): boolean {
  if (secretContext && LONG_NUMBER.test(clauseText.replace(/\b(19|20)\d\d\b/g, ""))) return true;
  if (clauseText.includes(SECRET_MARK)) return true;
  const label = SECRET_LABEL.exec(clauseText);
  if (!label) return false;
  // The value follows its label ("pin is 4471", "code for the door, 5829"); years are dates.
  const after = clauseText.slice(label.index + label[0].length).replace(/\b(19|20)\d\d\b/g, "");
  return SECRET_LIKE_VALUE.test(after);
}
