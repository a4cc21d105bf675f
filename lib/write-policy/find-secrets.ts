import { passesAbaCheck, passesIbanCheck, passesLuhn } from "@/lib/write-policy/checksums";

// Finds secrets and payment data in free text: the write policy refuses any content with one,
// and redaction replaces each span before text is stored anywhere (messages, audit previews).
// Two kinds of evidence, both general: a label that names a secret followed by a value
// ("my PIN is 4821", "wifi password: sunflower22"), and shapes that are secrets whatever
// surrounds them (card numbers that pass Luhn, IBANs that pass mod 97, keys with a known
// prefix, JWTs, PEM blocks, long random tokens, SSN / National Insurance formats).

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

type Label = { kind: SecretKind; pattern: string; value: "word" | "digits" | "token" | "id" | "phrase" };

// Label → what its value looks like. "word": any word that is not a description of the
// secret ("my password is too long"); "digits": 3+ digits; "token": 8+ key-like characters;
// "id": 5+ characters with a digit; "phrase": the rest of the clause.
const LABELS: Label[] = [
  { kind: "password", pattern: String.raw`pass(?:word|wd|phrase)s?|pwd|pw|wi-?fi\s+(?:key|code)|network\s+key|login\s+details|log-?in\s+credentials|credentials|memorable\s+word`, value: "word" },
  { kind: "pin", pattern: String.raw`pin(?:\s*(?:code|number|no\.?))?|pass\s?code|passcode|(?:security|access|door|gate|alarm|entry|entrance|building|garage|locker|lock|key\s?pad|keypad|safe|bike\s?lock|padlock|lockbox|unlock|phone|screen|voicemail)\s+(?:code|pin|combo|combination)|combination|combo|cvv2?|cvc2?|csc|card\s+security\s+code`, value: "digits" },
  { kind: "one_time_code", pattern: String.raw`otp|one[-\s]time\s+(?:code|password|passcode|pin)|2fa(?:\s+code)?|two[-\s]factor(?:\s+code)?|mfa(?:\s+code)?|verification\s+code|auth(?:entication|enticator)?\s+code|sms\s+code|login\s+code|sign[-\s]?in\s+code|recovery\s+codes?|backup\s+codes?|reset\s+code|security\s+key\s+code`, value: "id" },
  { kind: "security_answer", pattern: String.raw`(?:mother'?s?|mum'?s?|mom'?s?)\s+maiden\s+name|maiden\s+name|security\s+(?:question|answer)s?|secret\s+(?:question|answer)|memorable\s+(?:information|answer|place|name|date)`, value: "phrase" },
  { kind: "api_key", pattern: String.raw`api[\s_-]?key|access[\s_-]?key(?:[\s_-]?id)?|secret[\s_-]?(?:access[\s_-]?)?key|client[\s_-]?secret|app[\s_-]?secret|signing[\s_-]?(?:key|secret)|webhook[\s_-]?secret`, value: "token" },
  { kind: "token", pattern: String.raw`(?:auth|access|refresh|bearer|session|personal\s+access|github|slack|api|bot)\s*token|bearer|token`, value: "token" },
  { kind: "private_key", pattern: String.raw`private\s+key|seed\s+phrase|recovery\s+phrase|mnemonic\s+phrase|wallet\s+(?:seed|phrase|words)`, value: "phrase" },
  { kind: "card_number", pattern: String.raw`(?:(?:credit|debit|bank|visa|mastercard|amex|payment)\s+)?card(?:\s+(?:number|no\.?|#|details))?(?:\s+(?:ends|ending|that\s+ends)\s+(?:in|with))?|last\s+(?:four|4)\s+(?:digits|numbers)(?:\s+of\s+(?:my|the|his|her|their)\s+card)?|expiry(?:\s+date)?|exp(?:\.|iry)?\s+date`, value: "digits" },
  { kind: "bank_account", pattern: String.raw`(?:bank\s+)?account\s*(?:number|no\.?|num|#)|acct\.?\s*(?:number|no\.?|#)?|routing\s*(?:number|no\.?|#)?|aba\s*(?:number|no\.?)?|sort\s*code|bsb(?:\s*number)?|swift(?:\s*code)?|bic|transit\s+number|iban`, value: "id" },
  { kind: "government_id", pattern: String.raw`ssn|social\s+security(?:\s+(?:number|no\.?|#))?|national\s+insurance(?:\s+(?:number|no\.?))?|ni\s+(?:number|no\.?)|nino|passport(?:\s+(?:number|no\.?|#))?|driv(?:er'?s?|ing)\s+licen[cs]e(?:\s+(?:number|no\.?|#))?|licen[cs]e\s+(?:number|no\.?|#)|national\s+id(?:entity)?(?:\s+(?:number|card\s+number|no\.?))?|id\s+(?:card\s+)?(?:number|no\.?|#)|tax\s+(?:id|identification|file|reference)(?:\s+(?:number|no\.?))?|tfn|itin|tin|ein|sin|bsn|dni|nie|nif|aadhaa?r(?:\s+(?:number|no\.?))?|pan\s+(?:number|card)|nhs\s+number|medicare\s+(?:number|card\s+number)|health\s+card\s+number|personnummer|steuer-?id|codice\s+fiscale`, value: "id" },
];

// Words that describe a secret rather than being one: "my password is too long", "the PIN is
// the same as my old one", "password manager".
const DESCRIPTORS = new Set(
  ("a an the my your his her their our its this that these those same too very really quite so not never always " +
    "strong weak long short easy hard simple secure safe unsafe new old changed reset expired stored saved written " +
    "manager managers protected required wrong right correct incorrect forgotten forgot lost stolen leaked case " +
    "sensitive different identical shared private personal complicated complex memorable random generated " +
    "in on at for with and or but if because when where which who what how why there here also just still only " +
    "something somewhere somewhat nothing anything everything one ones set up updated protected locked blank empty " +
    "written down saved somewhere hidden known guessable unique fine ok okay good bad terrible awful great")
    .split(" "),
);

const CONNECTIVE = String.raw`(?:\s*(?:[:=→-]|\bis\b|\bwas\b|\bare\b|\bwere\b|'s|’s|\bto\b|\bas\b|\bof\b|\bends\s+in\b|\bending\s+in\b|\bstarts\s+with\b)\s*|\s+)`;
const QUOTED = String.raw`["'“‘]([^"'”’\n]{2,80})["'”’]`;

function valuePattern(value: Label["value"]): string {
  switch (value) {
    case "digits":
      return String.raw`(\d[\d\s-]{1,10}\d)`;
    case "token":
      return String.raw`([A-Za-z0-9_\-./+=]{8,})`;
    case "id":
      // Up to six letters, then digits; later groups (after a space or dash) start with a digit.
      return String.raw`([A-Za-z]{0,6}\s?\d[\dA-Za-z]*(?:[\s-]\d[\dA-Za-z]*){0,6}(?:[\s-][A-Za-z](?![A-Za-z]))?)`;
    case "phrase":
      return String.raw`([^.;!?\n]{2,120})`;
    case "word":
      return String.raw`([^\s,;.!?]{2,64})`;
  }
}

function digitCount(s: string): number {
  return (s.match(/\d/g) ?? []).length;
}

/** Is the captured value really a value of this kind, not a description or the next clause? */
function isValue(kind: SecretKind, value: Label["value"], raw: string, quoted: boolean, connective: string): boolean {
  const text = raw.trim();
  if (!text) return false;
  const firstWord = text.split(/\s+/)[0]!.toLowerCase().replace(/[^a-z0-9']/g, "");
  switch (value) {
    case "digits":
      return digitCount(text) >= 3;
    case "token":
      return (digitCount(text) >= 2 && /[A-Za-z]/.test(text)) || text.length >= 20;
    case "id": {
      const compact = text.replace(/[\s-]/g, "");
      return digitCount(compact) >= 4 || (kind === "one_time_code" && digitCount(compact) >= 4);
    }
    case "phrase":
      // "security question is set up" describes; a maiden name or phrase is the value itself.
      return quoted || (!DESCRIPTORS.has(firstWord) && /\b(is|was|are|:|=)\b|[:=]/.test(connective));
    case "word":
      if (quoted) return true;
      if (DESCRIPTORS.has(firstWord)) return false;
      // A bare word needs "is" or ":" before it ("password sunflower" is too weak a signal),
      // unless it looks like a password (digits or symbols mixed with letters).
      return /[\d!@#$%^&*_+=?]/.test(text) || /(\bis\b|\bwas\b|:|=)/.test(connective);
  }
}

const LABEL_REGEXES = LABELS.map((label) => ({
  label,
  regex: new RegExp(
    String.raw`\b(?:${label.pattern})\b(${CONNECTIVE})(?:${QUOTED}|${valuePattern(label.value)})`,
    "gi",
  ),
}));

// Shapes that are secrets wherever they appear.
const SHAPES: { kind: SecretKind; regex: RegExp; check?: (m: string) => boolean }[] = [
  { kind: "private_key", regex: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g },
  { kind: "token", regex: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  {
    kind: "api_key",
    regex:
      /\b(?:sk-(?:proj-|ant-|live-)?[A-Za-z0-9_-]{16,}|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}|(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[A-Za-z0-9_-]{30,}|hf_[A-Za-z0-9]{20,}|npm_[A-Za-z0-9]{30,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|shpat_[a-f0-9]{20,}|dop_v1_[a-f0-9]{40,})/g,
  },
  { kind: "token", regex: /\bBearer\s+[A-Za-z0-9_\-.=+/]{12,}/g },
  { kind: "private_key", regex: /\b(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+)\s+AAAA[A-Za-z0-9+/=]{40,}/g },
  // 13-19 digits, optionally grouped by spaces or dashes; Luhn decides.
  { kind: "card_number", regex: /(?<![\d+])\d(?:[ -]?\d){12,18}(?!\d)/g, check: (m) => passesLuhn(m.replace(/[ -]/g, "")) },
  { kind: "iban", regex: /\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}\b/g, check: (m) => passesIbanCheck(m) },
  // US SSN in its dashed form (never a valid date or phone shape), UK National Insurance number.
  { kind: "government_id", regex: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g },
  { kind: "government_id", regex: /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g },
  // 9-digit ABA routing numbers only when they pass the check and sit next to an account word.
];

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
const RANDOM_TOKEN = /(?<![\w@/.:-])[A-Za-z0-9_\-+/=]{24,}(?![\w@/.-])/g;
function isRandomToken(m: string): boolean {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(m)) return false;
  const letters = /[A-Za-z]/.test(m);
  const digits = /\d/.test(m);
  const mixedCase = /[a-z]/.test(m) && /[A-Z]/.test(m);
  return letters && digits && (mixedCase || m.length >= 32) && entropy(m) >= 3.5;
}

/** Every secret in the text, in order, with the character span to redact. Overlaps are merged. */
export function findSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const { label, regex } of LABEL_REGEXES) {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) {
      const connective = m[1] ?? "";
      const quoted = m[2] !== undefined;
      const raw = m[2] ?? m[3] ?? "";
      if (!isValue(label.kind, label.value, raw, quoted, connective)) continue;
      // The value ends the match (a quoted one is followed by its closing quote).
      const start = m.index! + m[0].length - raw.length - (quoted ? 1 : 0);
      found.push({ kind: label.kind, start, end: start + raw.length });
    }
  }
  for (const shape of SHAPES) {
    shape.regex.lastIndex = 0;
    for (const m of text.matchAll(shape.regex)) {
      if (shape.check && !shape.check(m[0])) continue;
      found.push({ kind: shape.kind, start: m.index!, end: m.index! + m[0].length });
    }
  }
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
  return mergeSpans(found);
}

function mergeSpans(matches: SecretMatch[]): SecretMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretMatch[] = [];
  for (const m of sorted) {
    const last = merged.at(-1);
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}
