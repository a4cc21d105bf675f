import type { SecretKind, SecretMatch } from "@/lib/write-policy/secret-match";

// Secrets found by a label that names them: a label followed by its value ("my PIN is 4821",
// "wifi password: sunflower22", in several languages), and the value given first ("Marigold is
// the password for netflix", "8812 is the code for the front door", "Use 449120 to sign in").

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
  { kind: "government_id", pattern: String.raw`reisepass(?:nummer)?|pass(?:nummer|nr\.?)|personalausweis(?:nummer)?|ausweisnummer|passeport|pasaporte|passaporte|passaporto|paspoort(?:nummer)?|n[úu]mero\s+de\s+(?:pasaporte|passaporte|passeport|documento|identidad)|num[ée]ro\s+de\s+(?:passeport|s[ée]curit[ée]\s+sociale)|steuer-?(?:id|nummer)|sozialversicherungsnummer|burgerservicenummer|cpf|nric|(?:ic|fin)\s+(?:number|no\.?)|identity\s+card\s+(?:number|no\.?)`, value: "id" },
  { kind: "password", pattern: String.raw`pass(?:word|wd)s?|p[a@]?s{1,2}o?w(?:[o0]?r|r[o0])?ds?|pass(?=\s*[:=]|\s+(?=\S*[A-Za-z])(?=\S*[\d!@#$%^&*])\S{6,})|pwd|pw|wi-?fi\s+(?:key|code)|network\s+key|login\s+details|log-?in\s+credentials|credentials|memorable\s+word`, value: "word" },
  // A passphrase is several words: the whole clause is the secret, not its first word.
  { kind: "password", pattern: String.raw`pass\s?phrases?`, value: "phrase" },
  { kind: "pin", pattern: String.raw`(?<!(?:ten|nine|five|\d)-)pin(?:\s*(?:code|number|no\.?))?|puk(?:\s*(?:code|number))?|pass\s?code|passcode|unlock(?:\s+(?:code|pin|pattern))?|(?:bike|cycle|cable|chain|luggage|suitcase|gym|locker)\s+lock|(?:security|access|door|gate|alarm|disarm|arming|entry|entrance|building|garage|locker|lock|key\s?pad|keypad|safe|bike\s?lock|padlock|lockbox|unlock|phone|screen|voicemail)\s+(?:code|pin|combo|combination)|combination|combo|cvv2?|cvc2?|csc|card\s+security\s+code|(?:(?:three|3|four|4)[-\s])?(?:digits?|numbers?)\s+on\s+the\s+back(?:\s+of\s+(?:my|the)\s+card)?|back\s+(?:number|digits?|code)`, value: "digits" },
  { kind: "one_time_code", pattern: String.raw`otp|one[-\s]time\s+(?:code|password|passcode|pin)|2fa(?:\s+code)?|two[-\s]factor(?:\s+code)?|mfa(?:\s+code)?|verification\s+code|auth(?:entication|enticator)?\s+code|sms\s+code|login\s+code|sign[-\s]?in\s+code|recovery\s+codes?|backup\s+codes?|reset\s+code|security\s+key\s+code`, value: "id" },
  // An authenticator's shared secret (TOTP seed): base32 letters and digits, often in groups of four.
  { kind: "one_time_code", pattern: String.raw`(?:setup|set-up|secret|seed)\s+key|(?:2fa|mfa|totp|otp|authenticator|two[-\s]factor)\s+(?:secret|seed|key)`, value: "token" },
  { kind: "security_answer", pattern: String.raw`(?:security\s+)?answers?\s+(?:to|for)\s+["'‘“][^"'’”\n]{2,40}["'’”]|(?:mother'?s?|mum'?s?|mom'?s?)\s+maiden\s+name|maiden\s+name|security\s+(?:question|answer)s?|secret\s+(?:question|answer)|memorable\s+(?:information|answer|place|name|date)`, value: "phrase" },
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
  // A card named by its brand alone: "my Visa, ends in 4417", "la Visa que termina en 4417".
  { kind: "card_number", pattern: String.raw`(?:visa|mastercard|master\s+card|amex|maestro)(?:\s+(?:card|debit|credit))?(?:\s*,?\s*(?:que\s+)?(?:ends|ending|that\s+ends|termina|se\s+termine|endet)(?:\s+(?:in|with|en|par|auf|mit))?)`, value: "digits" },
  { kind: "card_number", pattern: String.raw`(?:(?:credit|debit|bank|visa|mastercard|amex|payment)\s+)?card(?:\s+(?:number|no\.?|#|details))?(?:\s+(?:ends|ending|that\s+ends)\s+(?:in|with))?|last\s+(?:four|4)\s+(?:digits|numbers)(?:\s+of\s+(?:my|the|his|her|their)\s+card)?|expiry(?:\s+date)?|exp(?:\.|iry)?\s+date`, value: "digits" },
  { kind: "bank_account", pattern: String.raw`acc\.?\s*(?:number|no\.?|num|#)|(?:bank\s+)?account\s*(?:number|no\.?|num|#)|acct\.?\s*(?:number|no\.?|#)?|routing\s*(?:number|no\.?|#)?|aba\s*(?:number|no\.?)?|sort\s*code|bsb(?:\s*number)?|swift(?:\s*code)?|bic|transit\s+number|iban`, value: "id" },
  { kind: "government_id", pattern: String.raw`ssn|social\s+security(?:\s+(?:number|no\.?|#))?|national\s+insurance(?:\s+(?:number|no\.?))?|ni\s+(?:number|no\.?)|nino|passport(?:\s+(?:number|no\.?|#))?|driv(?:er'?s?|ing)\s+licen[cs]e(?:\s+(?:number|no\.?|#))?|dl\s*(?:number|no\.?|#)|licen[cs]e\s+(?:number|no\.?|#)|national\s+id(?:entity)?(?:\s+(?:number|card\s+number|no\.?))?|id\s+(?:card\s+)?(?:number|no\.?|#)|social(?:\s+insurance(?:\s+(?:number|no\.?))?|(?=\s*[:#=]|\s+(?:is|was)\b))|(?:member(?:ship)?|subscriber|policy|insurance|patient|beneficiary)\s+(?:id|number|no\.?|#)|tax\s+(?:id|identification|file|reference|number|no\.?|code)(?:\s+(?:number|no\.?))?|utr|unique\s+taxpayer\s+reference|tfn|itin|tin|ein|sin|bsn|dni|nie|nif|aadhaa?r(?:\s+(?:number|no\.?))?|pan\s+(?:card(?:\s+(?:number|no\.?))?|number|no\.?)|nhs\s+(?:number|no\.?)|medicare\s+(?:number|card\s+number)|health\s+card\s+number|personnummer|steuer-?id|codice\s+fiscale`, value: "id" },
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
const CONNECTIVE = String.raw`(?:,?\s*(?:i|we)\s+(?:said|put|used|gave|answered|wrote|typed|chose|picked)\s+|\s*(?:(?:\bis\b|\bwas\b|\bare\b|\bwere\b|'s|’s|\bist\b|\best\b|\bes\b|\bc['’]est\b|(?<=\s)(?:é|è|är)(?=\s)|\ber\b)\s*[:=]?|->|=>|[:=→-]|\bto\b|\bas\b|\bof\b|\bends\s+in\b|\bending\s+in\b|\bstarts\s+with\b)\s*|\s+)`;
const QUOTED = String.raw`["'“‘]([^"'”’\n]{2,80})["'”’]`;

function valuePattern(value: Label["value"]): string {
  switch (value) {
    case "digits":
      return String.raw`(\d[\d\s/-]{1,10}\d)`;
    case "token":
      // A colon inside belongs to the token (Telegram's "6482915073:AAH7…"); one at its end does not.
      return String.raw`((?:[A-Za-z0-9_\-./+=]|:(?=[A-Za-z0-9]))` + "{8,})";
    case "id":
      // Up to six letters, then digits; later groups (after a space or dash) start with a digit.
      return String.raw`([A-Za-z]{0,6}\s?\d[\dA-Za-z]*(?:[\s-][\dA-Za-z]*\d[\dA-Za-z]*){0,6}(?:[\s-][A-Za-z](?![A-Za-z]))?)`;
    case "phrase":
    case "answer":
      return String.raw`([^.;!?\n]{2,120})`;
    case "word":
      // Punctuation inside a password is part of it ("Tp!nk8832xq", "pa.ss"); at its end, it ends the sentence.
      return String.raw`((?:[^\s,;.!?]|[.!?](?=[^\s,;.!?])){2,64})`;
  }
}

function digitCount(s: string): number {
  return (s.match(/\d/g) ?? []).length;
}

// "I said …", "we used …": the value given as an answer.
const GAVE = /\b(?:said|put|used|gave|answered|wrote|typed|chose|picked)\b/;
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
      return quoted || (!DESCRIPTORS.has(firstWord) && (COPULA.test(connective) || GAVE.test(connective)));
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
    String.raw`\b(?:${label.pattern})(?:\b|(?<=["'’”]))(?:\s+(?:for|on|of|to|at|in|from|de|do|da|del|van|voor|till|för|für|zu|pour|per)(?=\s)(?:\s+[^\s:=.;!?]+){1,6}?(?=\s*(?:[:=]|->|=>)|\s(?:is|was|ist|est|es|é|är)(?=\s)))?(?:\s*\([^)\n]{1,40}\)|,[^,.;:!?\n]{1,40},)?(${CONNECTIVE})(?:${QUOTED}|${valuePattern(label.value)})`,
    "gi",
  ),
}));

// Text that says it is about security questions or answers.
const SECURITY_CONTEXT = /\b(?:security|secret|memorable)\s+(?:questions?|answers?|info(?:rmation)?)\b|\banswers?\s+(?:to|for)\s+(?:my|the|their|his|her)\s+(?:security|secret)\b/i;

// "<something> code is 583 920": a code given as digits is a lock, login or one-time code unless
// the word before "code" names a public kind of code (a zip, area, promo or error code).
const GIVEN_CODE = /(?:\b([\w'’]+)\s+)?\bcodes?\b(?:\s+[\w'’]+){0,5}?(?:\s*(?:->|=>|[:=→])|\s+(?:is|was|c['’]est|est|es|ist|è|é)(?=\s)\s*:?|'s|’s)\s*(\d(?:[ -]?\d){2,11}(?![\w:/%]|\.\d|[ -]?\d)|(?=[A-Z0-9-]*\d[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{2,10}(?:-[A-Z0-9]{2,6}){0,3}\b)/gi;
// "Use 449120 to sign in to Microsoft": a one-time code as the message that carries it says it.
const USE_CODE = /\buse\s+((?:[A-Z]-)?\d{4,8})\s+(?:to|as|for)\s+(?:sign|log|verify|confirm|complete|reset|access|authenticate|your|the)\b/gi;
// "Marigold is the password for netflix", "… and Marigold as the password": the value first.
const PASSWORD_GIVEN_FIRST = /(?<![\w'’])([^\s,;.!?"'“”]{3,64})\s+(?:is|was|as)\s+(?:the|my|our|his|her|their|your)\s+(?:[\w'’-]+\s+){0,2}?(?:pass(?:word|code|phrase)|pin)\b(?!-|\s+(?:managers?|apps?|vaults?|resets?|hints?|rules?))/gi;
// "8812 is the code for the front door": the value first.
const CODE_GIVEN_FIRST = /(?<![\w.:/$£€#+-])((?:[A-Z]-)?\d(?:[ -]?\d){2,11})\s+(?:is|was|=)\s+(?:the|my|our|his|her|their|your)\s+(?:[\w'’+]+\s+)?(?:([\w'’]+)\s+)?codes?\b/gi;
export const PUBLIC_CODES = new Set(
  ("zip post postal promo promotional discount voucher coupon referral invite invitation area country dialling dialing " +
    "error status exit return source qr bar dress morse colour color language airport course class module product item " +
    "sku tax booking confirmation reference tracking shipping order cheat program programming sample example fare " +
    "flight train seat gate sort swift bank branch routing iata icao hs zipcode").split(" "),
);

const LOGIN_PAIR = /\b(?:log-?in|sign[-\s]?in|credentials|creds|account)\b(?:\s+(?:details|info))?\s*(?:[:=]|\bis\b|\bare\b)\s*[^\s,/|]+\s*(?:[/|,]|\band\b)\s*([^\s,;]{3,64}?)(?=[.!?]?(?:\s|$))/gi;
const WORDS_PASSWORD = /\b(?:pass(?:word|phrase)s?|pass\s+phrase)\b[^.\n]{0,60}?\bwords?\s*[:=-]\s*([A-Za-z]+(?:[\s,-]+[A-Za-z]+){2,11})/gi;
const SELF_NAMED = /(?<![\w@/])(?=[\w!@#$%^&*]*\d)[A-Za-z]*(?:pass(?:word|wd|code)?|pwd|secret)[\w!@#$%^&*]*(?![\w@/])/gi;

/**
 * Every value a label names in the text. The context (the user's message the text came from)
 * only says whether the talk is of security questions.
 */
export function findLabelledSecrets(text: string, options: { context?: string } = {}): SecretMatch[] {
  const found: SecretMatch[] = [];
  const securityContext = SECURITY_CONTEXT.test(text) || (options.context !== undefined && SECURITY_CONTEXT.test(options.context));
  const credentialPair = /\b(?:user(?:\s?name|\s?id)?|login|e-?mail)\b\s*(?:is|:|=)?\s*\S+[,;/]?\s+(?:and\s+)?p[a@]?s{1,2}(?:w|\b)/i.test(text);
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
  // "login: sarah / ilovecats", "creds are admin, hunter2": a user name, then its password.
  for (const m of text.matchAll(LOGIN_PAIR)) {
    const start = m.index! + m[0].length - m[1]!.length;
    found.push({ kind: "password", start, end: start + m[1]!.length });
  }
  // "my master password is four words: velvet anchor pickle moon": the words after "words:".
  for (const m of text.matchAll(WORDS_PASSWORD)) {
    const start = m.index! + m[0].length - m[1]!.length;
    found.push({ kind: "password", start, end: start + m[1]!.length });
  }
  // "Password123! is what I use": a value that names itself.
  for (const m of text.matchAll(SELF_NAMED)) found.push({ kind: "password", start: m.index!, end: m.index! + m[0].length });
  // "security question: what was your first pet's name? answer: Biscuit".
  if (securityContext) {
    for (const m of text.matchAll(/\banswers?\s*[:=]\s*([^.;!?\n,]{2,60})/gi)) {
      const start = m.index! + m[0].length - m[1]!.length;
      found.push({ kind: "security_answer", start, end: start + m[1]!.trimEnd().length });
    }
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
  return found;
}
