import { passesAbaCheck, passesIbanCheck, passesLuhn } from "@/lib/write-policy/checksums";
import type { SecretKind, SecretMatch } from "@/lib/write-policy/secret-match";

// Secrets found by their shape, whatever surrounds them: card numbers that pass Luhn (with the
// rest of the card after them), IBANs that pass mod 97, keys with a known prefix, JWTs, PEM
// blocks, id formats, configuration keys that name a secret, wallet phrases, random tokens.

// Shapes that are secrets wherever they appear.
const SHAPES: { kind: SecretKind; regex: RegExp; check?: (m: string) => boolean }[] = [
  { kind: "private_key", regex: /-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----|$)/g },
  { kind: "token", regex: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  {
    kind: "api_key",
    regex:
      /\b(?:sk-(?:proj-|ant-|live-)?[A-Za-z0-9_-]{16,}|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}|(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[A-Za-z0-9_-]{30,}|hf_[A-Za-z0-9]{20,}|npm_[A-Za-z0-9]{30,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|shpat_[a-f0-9]{20,}|dop_v1_[a-f0-9]{40,})/g,
  },
  { kind: "token", regex: /\bBearer\s+[A-Za-z0-9_\-.=+/]{12,}/g },
  // Bot tokens: Telegram's (bot id, a colon, 35 characters) and Discord's (three dotted base64 parts).
  { kind: "token", regex: /\b\d{8,10}:[A-Za-z0-9_-]{30,40}\b/g },
  { kind: "token", regex: /\b[MNO][A-Za-z\d_-]{23,27}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,40}\b/g },
  { kind: "private_key", regex: /\b(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+)\s+AAAA[A-Za-z0-9+/=]{40,}/g },
  // 13-19 digits, optionally grouped by spaces or dashes; Luhn decides.
  { kind: "card_number", regex: /(?<![\d+])\d(?:[ -]?\d){12,18}(?!\d)/g, check: (m) => passesLuhn(m.replace(/[ -]/g, "")) },
  // An IBAN may run into the next word ("GB63 BUKB 2020 1525 1269 88 every month"): see ibanSpan.
  { kind: "iban", regex: /\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}\b/g, check: (m) => ibanSpan(m) !== null },
  // US SSN in its dashed form (never a valid date or phone shape), UK National Insurance number.
  { kind: "government_id", regex: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g },
  { kind: "government_id", regex: /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g },
  // A UK sort code followed by an 8-digit account number ("60-83-71 / 07596211").
  { kind: "bank_account", regex: /(?<![\d-])\d{2}-\d{2}-\d{2}\s*(?:[/,&|]|and)?\s*\d{8}(?!\d)/g },
  // A password on a command line: mysql's -pPASSWORD (no space), --password=… / --password ….
  { kind: "password", regex: /(?<=\b(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\n]*?\s-p)[^\s-][^\s]*/g },
  { kind: "password", regex: /(?<=--pass(?:word)?[= ])[^\s-][^\s]*/g },
  // The password in a URL's user info (postgres://user:password@host, https://u:p@host).
  { kind: "password", regex: /(?<=\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+(?=@)/gi },
  // A US SSN written with spaces (3-2-4: phone numbers group 3-3-4).
  { kind: "government_id", regex: /(?<![\d-])(?!000|666|9\d\d)\d{3} (?!00)\d{2} (?!0000)\d{4}(?![\d-])/g },
  // A Brazilian CPF in its written form (529.982.247-25).
  { kind: "government_id", regex: /(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d-])/g },
  // A Singapore NRIC / FIN: S, T, F, G or M, seven digits, a check letter.
  { kind: "government_id", regex: /\b[STFGM]\d{7}[A-Z]\b/g },
  // An Indian PAN: five letters (the fourth says who holds it), four digits, a check letter.
  { kind: "government_id", regex: /\b[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z]\b/g },
  // A US Medicare Beneficiary Identifier (1EG4-TE5-MK73): its letters exclude S, L, O, I, B and Z.
  { kind: "government_id", regex: /\b[1-9][AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y\d]\d-?[AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y\d]\d-?[AC-HJKMNP-RT-Yac-hjkmnp-rt-y]{2}\d{2}\b/g },
  // An authenticator secret in groups of four base32 characters (K26N B7FS B3SI 2O46 …).
  // Random groups: most hold a digit, and the letters are all of one case (words are not).
  {
    kind: "one_time_code",
    regex: /\b(?:[A-Za-z2-7]{4}[ -]){3,}[A-Za-z2-7]{4}\b/g,
    check: (m) => m.split(/[ -]/).filter((g) => /\d/.test(g)).length >= 3 && !(/[a-z]/.test(m) && /[A-Z]/.test(m)),
  },
  // Dashed groups of capitals and digits (gift cards, product keys): most groups mix the two.
  {
    kind: "token",
    regex: /\b(?:[A-Z0-9]{4,6}-){2,}[A-Z0-9]{4,6}\b/g,
    check: (m) => m.split("-").filter((g) => /\d/.test(g) && /[A-Z]/.test(g)).length >= 2,
  },
  // Two or more dashed groups, each of letters and digits in one case (recovery and backup codes:
  // "x8k2-m4p9", "Q7N3-T6V1"); words and model names ("covid-19", "A320-B737") do not have two
  // letters and a digit in every group.
  {
    kind: "one_time_code",
    regex: /(?<![\w-])[A-Za-z0-9]{4,6}(?:-[A-Za-z0-9]{4,6})+(?![\w-])/g,
    check: (m) => m.split("-").every((g) => /\d/.test(g) && /[A-Za-z].*[A-Za-z]/.test(g)) && !(/[a-z]/.test(m) && /[A-Z]/.test(m)),
  },
  // A service mapped to one unbroken value with an arrow, as in a list of logins ("Spotify →
  // moonlight_sonata", "Netflix -> Hunter#22"): a value with a digit, a symbol or an underscore is
  // that login's password ("Leeds → York" is a route, "v1 -> v2" has no service name).
  { kind: "password", regex: /(?<=\b[A-Z][\w.&+-]*\s*(?:→|->|=>)\s*)(?=[^\s,;]*[\d_!@#$%^&*])[^\s,;]{6,64}(?<![.!?])/g },
  // 9-digit ABA routing numbers only when they pass the check and sit next to an account word.
];

// Configuration written as key and value (.env lines, YAML, JSON): POSTGRES_PASSWORD: x,
// "apiKey": "x", db.secret=x. The key names a secret when one of its parts does.
const KEY_VALUE = /["']?\b([A-Za-z][A-Za-z0-9_.-]*)["']?\s*[:=]\s*["']?([^\s"',;}]{3,})/g;
const SECRET_KEY_PARTS = new Set(["password", "passwd", "pwd", "pass", "secret", "token", "apikey", "passphrase", "pin", "credentials", "privatekey"]);
function findKeyValueSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  const pattern = new RegExp(KEY_VALUE.source, "g");
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index + m[0].length - m[2]!.length;
    // The value may itself start a key ("config: DISCORD_TOKEN=…"): look again from there.
    pattern.lastIndex = start;
    const parts = m[1]!.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase().split(/[_.-]/);
    const last = parts.at(-1)!;
    // An environment variable that ends in KEY holds one (SENDGRID_KEY, STRIPE_KEY), unless it is public.
    const envKey = parts.length >= 2 && last === "key" && m[1] === m[1]!.toUpperCase() && !parts.some((p) => ["public", "publishable", "primary", "foreign"].includes(p));
    const named = envKey || parts.some((p) => SECRET_KEY_PARTS.has(p)) || (parts.includes("key") && parts.some((p) => ["api", "access", "private", "secret", "signing", "master"].includes(p)));
    if (!named) continue;
    // A one-word key is configuration only when written as such ("PASSWORD=…", "\"token\": …");
    // "Secret: I'm planning a surprise" is prose.
    const quoted = /^["']/.test(m[0]);
    if (parts.length < 2 && !(quoted || m[1] === m[1]!.toUpperCase())) continue;
    found.push({ kind: "password", start, end: start + m[2]!.length });
  }
  return found;
}

/** The longest start of the candidate that passes the IBAN check (whole groups or characters), or null. */
function ibanSpan(candidate: string): string | null {
  for (let end = candidate.length; end >= 15; end--) {
    const part = candidate.slice(0, end).trimEnd();
    if (part.length !== end) continue;
    if (passesIbanCheck(part)) return part;
  }
  return null;
}

// A wallet's recovery phrase pasted without a label: twelve or more plain lower-case words in a
// row with none of the little words every English sentence has (BIP-39 lists none of them).
const FUNCTION_WORDS = new Set(
  ("the and for with you that this but are was were have has had not from they she her his our its will would can " +
    "could did just very then than when what who how your yours mine been into onto there here of to in on at is it " +
    "my me we us he him them i a an or so if as by be do no up").split(" "),
);
function findWordRunSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  const words = [...text.matchAll(/[A-Za-z]+|[^\sA-Za-z]+/g)];
  let runStart = -1;
  let count = 0;
  const close = (endIndex: number) => {
    if (count >= 12 && runStart >= 0) found.push({ kind: "private_key", start: words[runStart]!.index!, end: endIndex });
    runStart = -1;
    count = 0;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]![0];
    const isSeedWord = /^[a-z]{3,8}$/.test(w) && !FUNCTION_WORDS.has(w);
    if (isSeedWord) {
      if (runStart < 0) runStart = i;
      count++;
      continue;
    }
    // Numbering and commas between the words ("1. abandon 2. ability", "abandon, ability") keep the run.
    if (runStart >= 0 && /^[\d.,)\-:]+$/.test(w)) continue;
    close(runStart >= 0 ? words[i - 1]!.index! + words[i - 1]![0].length : 0);
  }
  if (runStart >= 0) close(text.length);
  return found;
}

// After a card number, what usually follows it is the rest of the card: the expiry and the
// security code ("4916 4236 3830 6810, 05/28, 662"), labelled or not.
const CARD_TAIL = /^(?:[\s,;:|/-]*(?:(?:exp(?:iry|ires|\.)?(?:\s+date)?|valid\s+(?:thru|through|until)|cvv2?|cvc2?|csc|security\s+code|sec(?:\s+code)?)\s*[:=]?\s*)?(?:\d{1,2}\s*\/\s*\d{2,4}|\d{3,4})(?![\d/]))+/i;

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

// A long unbroken run of mixed letters and digits with high entropy is a key or token even
// without a label. URLs, e-mail addresses and UUIDs are identifiers, not secrets.
const RANDOM_TOKEN = /(?<![\w@/.:-])[A-Za-z0-9_\-+/=]{16,}(?![\w@/.-])/g;
function isRandomToken(m: string): boolean {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(m)) return false;
  // A shorter run of capitals and digits, such as a base32 authenticator secret (TH66MSXKFLPHDGV5).
  if (m.length < 24) return /^[A-Z0-9]+$/.test(m) && (m.match(/\d/g) ?? []).length >= 2 && (m.match(/[A-Z]/g) ?? []).length >= 8 && entropy(m) >= 3.3;
  const letters = /[A-Za-z]/.test(m);
  const digits = /\d/.test(m);
  const mixedCase = /[a-z]/.test(m) && /[A-Z]/.test(m);
  return letters && digits && (mixedCase || m.length >= 32) && entropy(m) >= 3.5;
}

/** Every secret the text holds by its shape alone. */
export function findShapedSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const shape of SHAPES) {
    shape.regex.lastIndex = 0;
    for (const m of text.matchAll(shape.regex)) {
      if (shape.check && !shape.check(m[0])) continue;
      let end = m.index! + (shape.kind === "iban" ? ibanSpan(m[0])!.length : m[0].length);
      if (shape.kind === "card_number") end += CARD_TAIL.exec(text.slice(end))?.[0].length ?? 0;
      found.push({ kind: shape.kind, start: m.index!, end });
    }
  }
  found.push(...findWordRunSecrets(text));
  found.push(...findKeyValueSecrets(text));
  RANDOM_TOKEN.lastIndex = 0;
  for (const m of text.matchAll(RANDOM_TOKEN)) {
    if (isRandomToken(m[0])) found.push({ kind: "token", start: m.index!, end: m.index! + m[0].length });
  }
  // A routing number is payment data only beside an account number; on its own it is public.
  for (const m of text.matchAll(/(?<!\d)\d{9}(?!\d)/g)) {
    if (passesAbaCheck(m[0]) && /\b(?:account|acct|routing|aba)\b/i.test(text)) {
      found.push({ kind: "bank_account", start: m.index!, end: m.index! + m[0].length });
    }
  }
  return found;
}
