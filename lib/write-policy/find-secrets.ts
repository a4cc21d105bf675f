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

type Label = { kind: SecretKind; pattern: string; value: "word" | "digits" | "token" | "id" | "phrase" | "answer" };

// Label → what its value looks like. "word": any word that is not a description of the
// secret ("my password is too long"); "digits": 3+ digits; "token": 8+ key-like characters;
// "id": 5+ characters with a digit; "phrase": the rest of the clause; "answer": a security
// question's answer (the rest of the clause, only in a form or a security-question context).
const LABELS: Label[] = [
  // The same labels in the languages bilingual users mix in (Spanish, French, Portuguese, German,
  // Dutch, the Nordic languages, Italian, Polish, Turkish).
  { kind: "password", pattern: String.raw`contrase(?:ñ|n)a|clave|mot\s+de\s+passe|mdp|senha|pass?wort|kennwort|wachtwoord|l[öo]senord|passord|adgangskode|salasana|has[łl]o|şifre|sifre|parola\s+d'ordine`, value: "word" },
  { kind: "pin", pattern: String.raw`code\s+pin|c[oó]digo\s+pin|pin-?code|pincode|pin-?nummer|geheimzahl|codice\s+pin`, value: "digits" },
  { kind: "government_id", pattern: String.raw`reisepass(?:nummer)?|personalausweis(?:nummer)?|ausweisnummer|passeport|pasaporte|passaporte|passaporto|paspoort(?:nummer)?|n[úu]mero\s+de\s+(?:pasaporte|passaporte|passeport|documento|identidad)|num[ée]ro\s+de\s+(?:passeport|s[ée]curit[ée]\s+sociale)|steuer-?(?:id|nummer)|sozialversicherungsnummer|burgerservicenummer|cpf|nric|(?:ic|fin)\s+(?:number|no\.?)|identity\s+card\s+(?:number|no\.?)`, value: "id" },
  { kind: "password", pattern: String.raw`pass(?:word|wd)s?|p[a@]?s{1,2}w[o0]?r?ds?|pass(?=\s*[:=])|pwd|pw|wi-?fi\s+(?:key|code)|network\s+key|login\s+details|log-?in\s+credentials|credentials|memorable\s+word`, value: "word" },
  // A passphrase is several words: the whole clause is the secret, not its first word.
  { kind: "password", pattern: String.raw`pass\s?phrases?`, value: "phrase" },
  { kind: "pin", pattern: String.raw`pin(?:\s*(?:code|number|no\.?))?|puk(?:\s*(?:code|number))?|pass\s?code|passcode|unlock(?:\s+(?:code|pin|pattern))?|(?:bike|cycle|cable|chain|luggage|suitcase|gym|locker)\s+lock|(?:security|access|door|gate|alarm|disarm|arming|entry|entrance|building|garage|locker|lock|key\s?pad|keypad|safe|bike\s?lock|padlock|lockbox|unlock|phone|screen|voicemail)\s+(?:code|pin|combo|combination)|combination|combo|cvv2?|cvc2?|csc|card\s+security\s+code`, value: "digits" },
  { kind: "one_time_code", pattern: String.raw`otp|one[-\s]time\s+(?:code|password|passcode|pin)|2fa(?:\s+code)?|two[-\s]factor(?:\s+code)?|mfa(?:\s+code)?|verification\s+code|auth(?:entication|enticator)?\s+code|sms\s+code|login\s+code|sign[-\s]?in\s+code|recovery\s+codes?|backup\s+codes?|reset\s+code|security\s+key\s+code`, value: "id" },
  // An authenticator's shared secret (TOTP seed): base32 letters and digits, often in groups of four.
  { kind: "one_time_code", pattern: String.raw`(?:setup|set-up|secret|seed)\s+key|(?:2fa|mfa|totp|otp|authenticator|two[-\s]factor)\s+(?:secret|seed|key)`, value: "token" },
  { kind: "security_answer", pattern: String.raw`(?:mother'?s?|mum'?s?|mom'?s?)\s+maiden\s+name|maiden\s+name|security\s+(?:question|answer)s?|secret\s+(?:question|answer)|memorable\s+(?:information|answer|place|name|date)`, value: "phrase" },
  // The usual security questions, only when written as a form's answer (":", "=", "->") or when
  // the text says it is one (see SECURITY_CONTEXT): "my first dog was called Rex" is a memory.
  {
    kind: "security_answer",
    pattern: String.raw`(?:(?:my|your|the)\s+)?(?:first|1st|childhood|oldest|favou?rite)\s+(?:pet|dog|cat|car|school|teacher|street|friend|boss|job|employer|concert|album|book|film|movie|holiday)(?:'s|’s)?(?:\s+(?:name|model|make|title|surname))?|(?:street|road|town|city)\s+(?:i|you)\s+(?:grew\s+up\s+(?:on|in)|(?:was|were)\s+born\s+in)|(?:mother|father|mum|mom|dad)(?:'s|’s)?\s+(?:middle\s+name|surname\s+before\s+(?:she|he)\s+married)`,
    value: "answer",
  },
  { kind: "api_key", pattern: String.raw`api[\s_-]?key|access[\s_-]?key(?:[\s_-]?id)?|secret[\s_-]?(?:access[\s_-]?)?key|client[\s_-]?secret|app[\s_-]?secret|signing[\s_-]?(?:key|secret)|webhook[\s_-]?secret`, value: "token" },
  { kind: "token", pattern: String.raw`(?:auth|access|refresh|bearer|session|personal\s+access|github|slack|api|bot)\s*token|bearer|token|sess(?:ion)?[\s_-]?id|phpsessid|jsessionid|asp\.net_sessionid|session\s+cookie|cookie`, value: "token" },
  { kind: "private_key", pattern: String.raw`private\s+key|seed\s+(?:phrase|words)|recovery\s+(?:phrase|words)|mnemonic(?:\s+phrase)?|wallet\s+(?:seed|phrase|words|backup)|(?:12|24|twelve|twenty[-\s]four)[-\s]words?(?:\s+(?:phrase|backup))?`, value: "phrase" },
  // Codes that are money or a licence: gift cards, claim and product keys.
  { kind: "token", pattern: String.raw`gift\s*card(?:\s+(?:code|number|pin|claim\s+code))?|(?:claim|redemption|redeem|activation|licen[cs]e|product|serial)\s+(?:code|key)`, value: "token" },
  { kind: "card_number", pattern: String.raw`(?:(?:credit|debit|bank|visa|mastercard|amex|payment)\s+)?card(?:\s+(?:number|no\.?|#|details))?(?:\s+(?:ends|ending|that\s+ends)\s+(?:in|with))?|last\s+(?:four|4)\s+(?:digits|numbers)(?:\s+of\s+(?:my|the|his|her|their)\s+card)?|expiry(?:\s+date)?|exp(?:\.|iry)?\s+date`, value: "digits" },
  { kind: "bank_account", pattern: String.raw`acc\.?\s*(?:number|no\.?|num|#)|(?:bank\s+)?account\s*(?:number|no\.?|num|#)|acct\.?\s*(?:number|no\.?|#)?|routing\s*(?:number|no\.?|#)?|aba\s*(?:number|no\.?)?|sort\s*code|bsb(?:\s*number)?|swift(?:\s*code)?|bic|transit\s+number|iban`, value: "id" },
  { kind: "government_id", pattern: String.raw`ssn|social\s+security(?:\s+(?:number|no\.?|#))?|national\s+insurance(?:\s+(?:number|no\.?))?|ni\s+(?:number|no\.?)|nino|passport(?:\s+(?:number|no\.?|#))?|driv(?:er'?s?|ing)\s+licen[cs]e(?:\s+(?:number|no\.?|#))?|dl\s*(?:number|no\.?|#)|licen[cs]e\s+(?:number|no\.?|#)|national\s+id(?:entity)?(?:\s+(?:number|card\s+number|no\.?))?|id\s+(?:card\s+)?(?:number|no\.?|#)|social(?:\s+insurance(?:\s+(?:number|no\.?))?|(?=\s*[:#=]))|(?:member(?:ship)?|subscriber|policy|insurance|patient|beneficiary)\s+(?:id|number|no\.?|#)|tax\s+(?:id|identification|file|reference)(?:\s+(?:number|no\.?))?|utr|unique\s+taxpayer\s+reference|tfn|itin|tin|ein|sin|bsn|dni|nie|nif|aadhaa?r(?:\s+(?:number|no\.?))?|pan\s+(?:card(?:\s+(?:number|no\.?))?|number|no\.?)|nhs\s+(?:number|no\.?)|medicare\s+(?:number|card\s+number)|health\s+card\s+number|personnummer|steuer-?id|codice\s+fiscale`, value: "id" },
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

// "is", "was", … (and the same in the languages of FOREIGN_LABELS), maybe followed by ":".
const CONNECTIVE = String.raw`(?:\s*(?:(?:\bis\b|\bwas\b|\bare\b|\bwere\b|'s|’s|\bist\b|\best\b|\bes\b|(?<=\s)(?:é|är)(?=\s)|\ber\b)\s*[:=]?|->|=>|[:=→-]|\bto\b|\bas\b|\bof\b|\bends\s+in\b|\bending\s+in\b|\bstarts\s+with\b)\s*|\s+)`;
const QUOTED = String.raw`["'“‘]([^"'”’\n]{2,80})["'”’]`;

function valuePattern(value: Label["value"]): string {
  switch (value) {
    case "digits":
      return String.raw`(\d[\d\s/-]{1,10}\d)`;
    case "token":
      return String.raw`([A-Za-z0-9_\-./+=]{8,})`;
    case "id":
      // Up to six letters, then digits; later groups (after a space or dash) start with a digit.
      return String.raw`([A-Za-z]{0,6}\s?\d[\dA-Za-z]*(?:[\s-][\dA-Za-z]*\d[\dA-Za-z]*){0,6}(?:[\s-][A-Za-z](?![A-Za-z]))?)`;
    case "phrase":
    case "answer":
      return String.raw`([^.;!?\n]{2,120})`;
    case "word":
      return String.raw`([^\s,;.!?]{2,64})`;
  }
}

function digitCount(s: string): number {
  return (s.match(/\d/g) ?? []).length;
}

// A connective that says "the label's value is": "is", "was", ":", "=", "->", in any of the languages above.
const COPULA = /\b(?:is|was|are|ist|est|es|er)\b|(?<=\s)(?:é|är)(?=\s)|[:=>→]/;

/** Is the captured value really a value of this kind, not a description or the next clause? */
function isValue(kind: SecretKind, value: Label["value"], raw: string, quoted: boolean, connective: string, securityContext: boolean, credentialPair = false): boolean {
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
      return quoted || (!DESCRIPTORS.has(firstWord) && COPULA.test(connective));
    case "answer":
      if (DESCRIPTORS.has(firstWord)) return false;
      return /[:=>→]/.test(connective) || (quoted && securityContext) || (securityContext && /\b(is|was)\b|'s|’s/.test(connective));
    case "word":
      if (quoted) return true;
      if (DESCRIPTORS.has(firstWord)) return false;
      // Beside a user name ("username jsmith84, password bluebell") a bare word is the password.
      if (credentialPair) return true;
      // A bare word needs "is" or ":" before it ("password sunflower" is too weak a signal),
      // unless it looks like a password (digits or symbols mixed with letters).
      return /[\d!@#$%^&*_+=?]/.test(text) || COPULA.test(connective);
  }
}

const LABEL_REGEXES = LABELS.map((label) => ({
  label,
  regex: new RegExp(
    // A few words may sit between the label and a hard connective ("passphrase for the backup
    // drive: …", "2FA secret for my exchange (just in case): …").
    String.raw`\b(?:${label.pattern})\b(?:\s+(?:for|on|of|to|at|in|from|de|do|da|del|van|voor|till|för|für|zu|pour|per)(?=\s)(?:\s+[^\s:=.;!?]+){1,6}?(?=\s*(?:[:=]|->|=>)|\s(?:is|was|ist|est|es|é|är)(?=\s)))?(${CONNECTIVE})(?:${QUOTED}|${valuePattern(label.value)})`,
    "gi",
  ),
}));

// Text that says it is about security questions or answers.
const SECURITY_CONTEXT = /\b(?:security|secret|memorable)\s+(?:questions?|answers?|info(?:rmation)?)\b|\banswers?\s+(?:to|for)\s+(?:my|the|their|his|her)\s+(?:security|secret)\b/i;

// "<something> code is 583 920": a code given as digits is a lock, login or one-time code unless
// the word before "code" names a public kind of code (a zip, area, promo or error code).
const GIVEN_CODE = /(?:\b([\w'’]+)\s+)?\bcodes?\b(?:\s+[\w'’]+){0,5}?(?:\s*(?:->|=>|[:=→])|\s+(?:is|was)\b\s*:?|'s|’s)\s*(\d(?:[ -]?\d){2,11})(?![\w:/%]|\.\d|[ -]?\d)/gi;
// "Use 449120 to sign in to Microsoft": a one-time code as the message that carries it says it.
const USE_CODE = /\buse\s+((?:[A-Z]-)?\d{4,8})\s+(?:to|as|for)\s+(?:sign|log|verify|confirm|complete|reset|access|authenticate|your|the)\b/gi;
// "Marigold is the password for netflix", "… and Marigold as the password": the value first.
const PASSWORD_GIVEN_FIRST = /(?<![\w'’])([^\s,;.!?"'“”]{3,64})\s+(?:is|was|as)\s+(?:the|my|our|his|her|their|your)\s+(?:[\w'’-]+\s+){0,2}?(?:pass(?:word|code|phrase)|pin)\b(?!-|\s+(?:managers?|apps?|vaults?|resets?|hints?|rules?))/gi;
// "8812 is the code for the front door": the value first.
const CODE_GIVEN_FIRST = /(?<![\w.:/$£€#+-])((?:[A-Z]-)?\d(?:[ -]?\d){2,11})\s+(?:is|was|=)\s+(?:the|my|our|his|her|their|your)\s+(?:[\w'’+]+\s+)?(?:([\w'’]+)\s+)?codes?\b/gi;
const PUBLIC_CODES = new Set(
  ("zip post postal promo promotional discount voucher coupon referral invite invitation area country dialling dialing " +
    "error status exit return source qr bar dress morse colour color language airport course class module product item " +
    "sku tax booking confirmation reference tracking shipping order cheat program programming sample example fare " +
    "flight train seat gate sort swift bank branch routing iata icao hs zipcode").split(" "),
);

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
  // 9-digit ABA routing numbers only when they pass the check and sit next to an account word.
];

// Configuration written as key and value (.env lines, YAML, JSON): POSTGRES_PASSWORD: x,
// "apiKey": "x", db.secret=x. The key names a secret when one of its parts does.
const KEY_VALUE = /["']?\b([A-Za-z][A-Za-z0-9_.-]*)["']?\s*[:=]\s*["']?([^\s"',;}]{3,})/g;
const SECRET_KEY_PARTS = new Set(["password", "passwd", "pwd", "pass", "secret", "token", "apikey", "passphrase", "pin", "credentials", "privatekey"]);
function findKeyValueSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const m of text.matchAll(KEY_VALUE)) {
    const parts = m[1]!.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase().split(/[_.-]/);
    const named = parts.some((p) => SECRET_KEY_PARTS.has(p)) || (parts.includes("key") && parts.some((p) => ["api", "access", "private", "secret", "signing", "master"].includes(p)));
    if (!named) continue;
    // A one-word key is configuration only when written as such ("PASSWORD=…", "\"token\": …");
    // "Secret: I'm planning a surprise" is prose.
    const quoted = /^["']/.test(m[0]);
    if (parts.length < 2 && !(quoted || m[1] === m[1]!.toUpperCase())) continue;
    const start = m.index! + m[0].length - m[2]!.length;
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
const CARD_TAIL = /^(?:[\s,;:|/-]*(?:(?:exp(?:iry|ires|\.)?(?:\s+date)?|valid\s+(?:thru|through|until)|cvv2?|cvc2?|csc|security\s+code|sec\s+code)\s*[:=]?\s*)?(?:\d{1,2}\s*\/\s*\d{2,4}|\d{3,4})(?![\d/]))+/i;

// Second pass: a secret's value need not follow its label ("the password for the booking app is
// Kettlebell#55", "locker combo at work is 4471", "my card PIN, it's 9157", "482 913 <- that was
// the SMS code"). A value of the label's shape within a few words of a label that names nothing
// but a secret is that secret. "code" takes part only with a word that makes it a lock, login or
// personal code ("door code", "her code"), never "zip code" or "promo code".
type NearValue = "code" | "password" | "id" | "account";
const NEAR_LABELS: { kind: SecretKind; regex: RegExp; value: NearValue }[] = [
  { kind: "password", regex: /\b(?:pass(?:word|wd|phrase)s?|pwd|pw|log-?in(?:\s+details)?|sign-?in|creds|get(?:ting)?\s+into|log(?:ging)?\s+(?:in|into|on)|opens?\s+(?:my|the|our)|unlocks?)\b(?![\s-]+(?:managers?|apps?|vaults?|resets?|protected|strength|polic(?:y|ies)|hints?|rules?|requirements?))/gi, value: "password" },
  {
    kind: "pin",
    regex:
      /\b(?:pins?|puk|pin\s+(?:code|number)|pass\s?codes?|combos?|combinations?|cvv2?|cvc2?|csc|magic\s+number|(?:side|back|front|garden|main)\s+(?:gate|door)|gate|safe|alarm|padlock|lockbox|key\s?safe|keypad|vault)\b|\b(?:security|access|door|gate|alarm|entry|entrance|building|garage|locker|lock|key\s?pad|keypad|safe|padlock|lockbox|unlock|phone|screen|voicemail|my|her|his|their|our|your|mum's|mom's|dad's)\s+codes?\b/gi,
    value: "code",
  },
  {
    kind: "one_time_code",
    regex:
      /\b(?:otp|one[-\s]time\s+(?:code|password|passcode|pin)|2fa|two[-\s]factor|mfa|verification\s+code|auth(?:entication|enticator)?\s+code|(?:sms|text)\s+code|log-?in\s+code|sign[-\s]?in\s+code|recovery\s+codes?|backup\s+codes?|reset\s+code|security\s+key)\b/gi,
    value: "code",
  },
  // Acronyms only in capitals: "sin", "tin" and "pan" are words too.
  { kind: "government_id", regex: /\b(?:SSN|SIN|UTR|TIN|EIN|ITIN|TFN|NINO|BSN|DNI|NIE|NIF|PPSN|PPS|NHS)\b/g, value: "id" },
  {
    kind: "government_id",
    regex: /\b(?:social\s+security|social\s+insurance|national\s+insurance|passport|driv(?:er'?s?|ing)\s+licen[cs]e|tax\s+(?:id|reference|file)|taxpayer\s+reference|medicare|medicaid|aadhaa?r|national\s+id|(?:member(?:ship)?|subscriber|policy|insurance|patient|beneficiary)\s+(?:id|number|no))\b/gi,
    value: "id",
  },
  { kind: "bank_account", regex: /\b(?:(?:bank\s+)?account|acct|acc|sort(?:\s+code)?|routing|bsb|transit)\b/gi, value: "account" },
];

const NEAR_VALUES: Record<NearValue, RegExp> = {
  // 3-12 digits, grouped by spaces or dashes, maybe ending in # or * (keypads): not a time
  // (10:30), a decimal, an amount ($500, 20%), a date (05/28) or part of a word (6am, BA283).
  code: /(?<![\w.:/$£€#+-])\d(?:[ -]?\d){2,11}[#*]?(?![\w:/%]|\.\d|[ -]?\d)/g,
  // One unbroken string with a letter and a digit or symbol, 6+ characters; or 4+ digits.
  password: /(?<![\w@/.:-])(?:(?=[^\s,;"'()]*[A-Za-z])(?=[^\s,;"'()]*[\d#!$%^&*@_?])[^\s,;"'()]{6,64}(?<![.!?])|\d{4,})(?![\w@/])/g,
  // 6+ digits, grouped or not, maybe with a letter or two in front or one at the end; or a code
  // of letters and 5+ digits (5KW7-FN3-QT28).
  id: /(?<![\w-])(?:[A-Za-z]{0,2}\d(?:[ -]?\d){5,14}[A-Za-z]?|(?=(?:[A-Za-z-]*\d){5})(?=[\d-]*[A-Za-z])[A-Za-z0-9]{2,}(?:-[A-Za-z0-9]{2,}){0,4})(?![\w-])/g,
  account: /(?<![\w-])\d(?:[ -]?\d){5,16}(?![\w-])/g,
};

// Words after which a number is a quantity or a year, not a code ("since 2015", "for 100 days").
const NOT_A_CODE_BEFORE = /\b(?:since|in|from|until|till|by|before|after|at|year|about|around|over|under|nearly|almost|than|every|each|room|flat|apartment|suite|unit|floor|platform|route|bus|house|gate|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s*$/i;
const NOT_A_CODE_AFTER = /^\s*(?:am|pm|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times?|people|kg|km|miles?|steps?|calories|kcal|words?|pages?|dollars?|pounds?|euros?|percent|followers|users|lines|rows|items|members|employees|students)\b/i;

const WORD = /\S+/g;
const NEAR_AFTER = 8; // words a value may come after its label
const NEAR_BEFORE = 5; // words a value may come before its label

function findNearLabelSecrets(text: string): SecretMatch[] {
  const wordStarts = [...text.matchAll(WORD)].map((m) => m.index!);
  // Index of the word a character offset falls in (or the next word).
  const wordAt = (offset: number) => {
    let lo = 0;
    let hi = wordStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (wordStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const found: SecretMatch[] = [];
  for (const { kind, regex, value } of NEAR_LABELS) {
    regex.lastIndex = 0;
    const labels = [...text.matchAll(regex)].map((m) => ({ first: wordAt(m.index!), last: wordAt(m.index! + m[0].length - 1), start: m.index!, end: m.index! + m[0].length }));
    if (labels.length === 0) continue;
    const values = NEAR_VALUES[value];
    values.lastIndex = 0;
    for (const m of text.matchAll(values)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (labels.some((l) => start < l.end && end > l.start)) continue;
      if (value !== "password" || /^\d+$/.test(m[0])) {
        if (NOT_A_CODE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && !/[:=]\s*$/.test(text.slice(0, start))) continue;
        if (NOT_A_CODE_AFTER.test(text.slice(end, end + 16))) continue;
      }
      const first = wordAt(start);
      const last = wordAt(end - 1);
      const near = labels.some((l) => (first > l.last && first - l.last - 1 <= NEAR_AFTER) || (last < l.first && l.first - last - 1 <= NEAR_BEFORE));
      if (near) found.push({ kind, start, end });
    }
  }
  return found;
}

/**
 * A value given in answer to a turn that named a secret ("my accountant needs my social
 * security number" … "nah just put it in: 318447215"; "What's the PIN?" … "4490"): every value
 * of the named secret's shape in this text is that secret, however far from any label.
 */
function findAnsweredSecrets(text: string, preceding: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const { kind, regex, value } of NEAR_LABELS) {
    regex.lastIndex = 0;
    if (!regex.test(preceding)) continue;
    regex.lastIndex = 0;
    const values = NEAR_VALUES[value];
    values.lastIndex = 0;
    for (const m of text.matchAll(values)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (value !== "password" || /^\d+$/.test(m[0])) {
        if (NOT_A_CODE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
        if (NOT_A_CODE_AFTER.test(text.slice(end, end + 16))) continue;
      }
      found.push({ kind, start, end });
    }
  }
  return found;
}

/**
 * A list under a line that names a secret ("github recovery codes, in case I lose my phone:"
 * followed by one code a line): each short line with a digit, up to the first line of prose.
 */
function findListedSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  const lines = [...text.matchAll(/[^\n]+/g)];
  for (let i = 0; i < lines.length - 1; i++) {
    const heading = lines[i]![0];
    if (!/:\s*$/.test(heading)) continue;
    const label = NEAR_LABELS.find(({ regex }) => {
      regex.lastIndex = 0;
      return regex.test(heading);
    });
    if (!label) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]![0].trim().replace(/^(?:[-*•]|\d{1,2}[.)])\s+/, "");
      if (!line || line.split(/\s+/).length > 3 || !/\d/.test(line)) break;
      const start = lines[j]!.index! + lines[j]![0].indexOf(line);
      found.push({ kind: label.kind, start, end: start + line.length });
    }
  }
  return found;
}

// The last resort for a value of a shape no rule above knows (an unusual id, a password of a
// new form): in a sentence that names a secret, any string that mixes a digit with letters or
// symbols, or is a long run of digits, is taken for it. A year, a time, an amount, a decimal,
// an ordinal or a measure is not.
const SENTENCE = /[^.!?\n]+(?:[.!?](?=\d)[^.!?\n]*)*/g;
const VALUE_LIKE = /(?<![\w@/.:$£€-])(?=[^\s,;()"'“”]*\d)(?:[A-Za-z0-9][A-Za-z0-9#!%^&*@_?+/=-]{3,63})(?![\w@/-])/g;
function isPlainNumber(token: string): boolean {
  if (/^\d+$/.test(token)) return token.length < 6 || /^(?:19|20)\d\d$/.test(token);
  // Ordinals, measures and model numbers: "21st", "5km", "12kg", "4x4", "iPhone15".
  return /^\d+(?:st|nd|rd|th|am|pm|km|kg|mb|gb|tb|mm|cm|ml|k|m|s|x\d+)$/i.test(token);
}
function findSentenceSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const sentence of text.matchAll(SENTENCE)) {
    const body = sentence[0];
    const label = STRONG_LABELS.find(({ regex }) => {
      regex.lastIndex = 0;
      return regex.test(body);
    });
    if (!label) continue;
    for (const m of body.matchAll(VALUE_LIKE)) {
      const token = m[0];
      if (isPlainNumber(token)) continue;
      const start = sentence.index! + m.index!;
      const end = start + token.length;
      if (NOT_A_CODE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || NOT_A_CODE_AFTER.test(text.slice(end, end + 16))) continue;
      found.push({ kind: label.kind, start, end });
    }
  }
  return found;
}
// Words that name nothing but a secret (not "account", "code" or a lock, which have other lives).
const STRONG_LABELS: { kind: SecretKind; regex: RegExp }[] = [
  { kind: "password", regex: /\b(?:pass(?:word|wd|phrase)s?|p[a@]?s{1,2}w[o0]?r?ds?|pwd|contrase(?:ñ|n)a|mot\s+de\s+passe|senha|pass?wort|kennwort|wachtwoord|l[öo]senord)\b(?![\s-]+(?:managers?|apps?|vaults?|resets?|protected|strength|polic(?:y|ies)|hints?|rules?|requirements?))/i },
  { kind: "pin", regex: /\b(?:PIN|pin\s+(?:code|number)|pincode|passcode|puk)\b/ },
  { kind: "one_time_code", regex: /\b(?:otp|one[-\s]time\s+(?:code|password|passcode)|2fa|mfa|verification\s+code|auth(?:entication|enticator)\s+code|recovery\s+codes?|backup\s+codes?)\b/i },
  { kind: "government_id", regex: /\b(?:SSN|social\s+security|social\s+insurance|national\s+insurance|passport\s+(?:number|no)|licen[cs]e\s+(?:number|no)|tax\s+(?:id|file\s+number|reference)|aadhaa?r|nhs\s+(?:number|no))\b/i },
  { kind: "api_key", regex: /\b(?:api[\s_-]?key|secret[\s_-]?key|access[\s_-]?(?:key|token)|private\s+key|client\s+secret)\b/i },
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

/**
 * Every secret in the text, in order, with the character span to redact. Overlaps are merged.
 * With a context (the user's message a memory or an answer came from), every secret value found
 * in the context is a secret in the text too, however the text phrases it: a model that copies
 * "mine's 482599313" out of "does the SSN box want dashes? mine's 482599313" has dropped the
 * label, not the secret.
 */
export function findSecrets(text: string, options: { context?: string; preceding?: string } = {}): SecretMatch[] {
  const found: SecretMatch[] = options.context ? findContextSecrets(text, options.context, options.preceding) : [];
  if (options.preceding) found.push(...findAnsweredSecrets(text, options.preceding));
  const securityContext = SECURITY_CONTEXT.test(text) || (options.context !== undefined && SECURITY_CONTEXT.test(options.context));
  const credentialPair = /\b(?:user\s?name|user\s?id|login|e-?mail)\b\s*(?:is|:|=)?\s*\S+[,;/]?\s+(?:and\s+)?p[a@]?s{1,2}w/i.test(text);
  for (const { label, regex } of LABEL_REGEXES) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const connective = m[1] ?? "";
      const quoted = m[2] !== undefined;
      const raw = m[2] ?? m[3] ?? "";
      if (!isValue(label.kind, label.value, raw, quoted, connective, securityContext, credentialPair)) {
        // What this match swallowed may hold another label ("security question answers - maiden name: X").
        regex.lastIndex = m.index + 1;
        continue;
      }
      // The value ends the match (a quoted one is followed by its closing quote).
      const start = m.index + m[0].length - raw.length - (quoted ? 1 : 0);
      found.push({ kind: label.kind, start, end: start + raw.length });
    }
  }
  GIVEN_CODE.lastIndex = 0;
  for (const m of text.matchAll(GIVEN_CODE)) {
    if (m[1] && PUBLIC_CODES.has(m[1].toLowerCase())) continue;
    const start = m.index! + m[0].length - m[2]!.length;
    found.push({ kind: "pin", start, end: start + m[2]!.length });
  }
  for (const m of text.matchAll(USE_CODE)) found.push({ kind: "one_time_code", start: m.index! + m[0].indexOf(m[1]!), end: m.index! + m[0].indexOf(m[1]!) + m[1]!.length });
  for (const m of text.matchAll(PASSWORD_GIVEN_FIRST)) {
    const value = m[1]!;
    if (DESCRIPTORS.has(value.toLowerCase()) || /^(?:it|what|which|who|this|that|here|there|mine|yours)$/i.test(value)) continue;
    found.push({ kind: "password", start: m.index!, end: m.index! + value.length });
  }
  CODE_GIVEN_FIRST.lastIndex = 0;
  for (const m of text.matchAll(CODE_GIVEN_FIRST)) {
    if (m[2] && PUBLIC_CODES.has(m[2].toLowerCase())) continue;
    found.push({ kind: "pin", start: m.index!, end: m.index! + m[1]!.length });
  }
  found.push(...findWordRunSecrets(text));
  found.push(...findKeyValueSecrets(text));
  found.push(...findListedSecrets(text));
  for (const shape of SHAPES) {
    shape.regex.lastIndex = 0;
    for (const m of text.matchAll(shape.regex)) {
      if (shape.check && !shape.check(m[0])) continue;
      let end = m.index! + (shape.kind === "iban" ? ibanSpan(m[0])!.length : m[0].length);
      if (shape.kind === "card_number") end += CARD_TAIL.exec(text.slice(end))?.[0].length ?? 0;
      found.push({ kind: shape.kind, start: m.index!, end });
    }
  }
  found.push(...findNearLabelSecrets(text));
  found.push(...findSentenceSecrets(text));
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
