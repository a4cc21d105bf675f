import { PUBLIC_CODES } from "@/lib/write-policy/find-labelled-secrets";
import type { SecretKind, SecretMatch } from "@/lib/write-policy/secret-match";

// Secrets whose value is near a label rather than right after it: within a few words, in a
// list under a heading that names them, in answer to the previous turn, or anywhere in a
// sentence that names nothing but a secret.

// Second pass: a secret's value need not follow its label ("the password for the booking app is
// Kettlebell#55", "locker combo at work is 4471", "my card PIN, it's 9157", "482 913 <- that was
// the SMS code"). A value of the label's shape within a few words of a label that names nothing
// but a secret is that secret. "code" takes part only with a word that makes it a lock, login or
// personal code ("door code", "her code"), never "zip code" or "promo code".
type NearValue = "code" | "mixedCode" | "password" | "id" | "account";
// notYears: a year is never this label's value ("the Highway Code 2022 edition").
const NEAR_LABELS: { kind: SecretKind; regex: RegExp; value: NearValue; notYears?: boolean }[] = [
  { kind: "password", regex: /\b(?:pass(?:word|wd|phrase)s?|pwd|pw|log-?in(?:\s+details)?|sign[-\s]?in|creds|get(?:ting)?\s+into|log(?:ged|ging|s)?\s+(?:in|into|on)|opens?\s+(?:my|the|our)|unlocks?|wi-?fi|network\s+(?:key|name)|(?:home|wireless|guest)\s+network|router)\b(?![\s-]+(?:managers?|apps?|vaults?|resets?|protected|strength|polic(?:y|ies)|hints?|rules?|requirements?|names?|pages?|screens?|buttons?))/gi, value: "password" },
  {
    kind: "pin",
    regex:
      /\b(?:(?<!(?:ten|nine|five|\d)-)pins?|puk|pin\s+(?:code|number)|pass\s?codes?|combos?|combinations?|cvv2?|cvc2?|csc|magic\s+number|(?:opens?|opened|unlocks?|unlocked)\s+(?:with|using|on)|(?:side|back|front|garden|main)\s+(?:gate|door)|gate|safe|alarm|padlock|lockbox|key\s?safe|keypad|vault)\b|\b(?:security|access|door|gate|alarm|entry|entrance|building|garage|locker|lock|key\s?pad|keypad|safe|padlock|lockbox|unlock|phone|screen|voicemail|my|her|his|their|our|your|mum's|mom's|dad's)\s+codes?\b|\bvoicemail\b/gi,
    value: "code",
  },
  {
    kind: "one_time_code",
    regex:
      /\b(?:otp|one[-\s]time\s+(?:code|password|passcode|pin)|2fa|two[-\s]factor|mfa|verification\s+code|auth(?:entication|enticator)?\s+code|(?:sms|text)\s+code|log-?in\s+code|sign[-\s]?in\s+code|recovery\s+codes?|backup\s+codes?|reset\s+code|security\s+key)\b/gi,
    value: "code",
  },
  // Any "code" that is not a public kind of code ("zip code", "promo code"), in the languages
  // users mix in too: "it wants a code / sms. it's 553 901", "Tu código de Mercado Pago es 615204".
  { kind: "pin", regex: new RegExp(String.raw`(?<!\b(?:${[...PUBLIC_CODES].join("|")})[\s-])\b(?:codes?|c[oó]digos?|codice|kode?|combinaci[oó]n|combinaison|combina[çc][ãa]o|combinazione|kombination)\b`, "gi"), value: "code", notYears: true },
  // A lock's or a door's code need not be digits: "his garage code … it's Josh1990".
  {
    kind: "pin",
    regex: /\b(?:(?:security|access|door|gate|alarm|entry|entrance|building|garage|locker|lock|key\s?pad|keypad|safe|padlock|lockbox|unlock|phone|screen|my|her|his|their|our|your)\s+(?:codes?|combos?|combinations?)|combinations?|combos?)\b/gi,
    value: "mixedCode",
  },
  // Acronyms only in capitals: "sin", "tin" and "pan" are words too.
  { kind: "government_id", regex: /\b(?:SSN|SIN|UTR|TIN|EIN|ITIN|TFN|NINO|BSN|DNI|NIE|NIF|PPSN|PPS|NHS)\b/g, value: "id" },
  {
    kind: "government_id",
    regex: /\b(?:passeport|pasaporte|passaporte|passaporto|reisepass|paspoort|personalausweis\w*|ausweis\w*|c[ée]dula|social\s+security|social\s+insurance|social(?=\s+(?:is|was|number|no)\b)|national\s+insurance|passport|driv(?:er'?s?|ing)\s+licen[cs]e|tax\s+(?:id|reference|file|number|no|code)|taxpayer\s+reference|medicare|medicaid|aadhaa?r|national\s+id|(?:member(?:ship)?|subscriber|policy|insurance|patient|beneficiary)\s+(?:id|number|no))\b/gi,
    value: "id",
  },
  { kind: "bank_account", regex: /\b(?:(?:bank\s+)?account|acct|acc|sort(?:\s+code)?|routing|bsb|transit)\b/gi, value: "account" },
];

const NEAR_VALUES: Record<NearValue, RegExp> = {
  // 3-12 digits, grouped by spaces or dashes, maybe ending in # or * (keypads): not a time
  // (10:30), a decimal, an amount ($500, 20%), a date (05/28) or part of a word (6am, BA283).
  // A single letter may lead ("code C1984").
  code: /(?<![\w.:/$£€#+-])(?:[A-Za-z](?=\d{3}))?\d(?:[ -]?[#*]?\d){2,11}[#*]?(?![\w:/%]|\.\d|[ -]?\d)/g,
  // One unbroken string with a letter and a digit or symbol, 6+ characters; or 4+ digits.
  password: /(?<![\w@/.:-])(?:(?=[^\s,;"'()]*[A-Za-z])(?=[^\s,;"'()]*[\d#!$%^&*@_?])[^\s,;"'()]{6,64}(?<![.!?])|\d{4,})(?![\w@/])/g,
  // 6+ digits, grouped or not, maybe with a letter or two in front or one at the end; or a code
  // of letters and 5+ digits (5KW7-FN3-QT28).
  // 6-20 letters and digits, at least two of each: "Josh1990", "blue42x".
  mixedCode: /(?<![\w@/.:-])(?=(?:[A-Za-z]*\d){2})(?=(?:\d*[A-Za-z]){2})[A-Za-z0-9]{6,20}(?![\w@/-])/g,
  id: /(?<![\w-])(?:[A-Za-z]{0,2}\d(?:[ -]?\d){5,14}[A-Za-z]?|(?=(?:[A-Za-z-]*\d){5})(?=[\d-]*[A-Za-z])[A-Za-z0-9]{2,}(?:-[A-Za-z0-9]{2,}){0,4})(?![\w-])/g,
  account: /(?<![\w-])\d(?:[ -]?\d){5,16}(?![\w-])/g,
};

// Words after which a number is a quantity or a year, not a code ("since 2015", "for 100 days").
const NOT_A_CODE_BEFORE = /\b(?:since|in|from|until|till|by|before|after|at|year|about|around|over|under|nearly|almost|than|every|each|room|flat|apartment|suite|unit|floor|platform|route|bus|house|gate|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s*$/i;
const NOT_A_CODE_AFTER = /^\s*(?:passwords|logins|accounts|entries|cards|codes|am|pm|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times?|people|kg|km|miles?|steps?|calories|kcal|words?|pages?|dollars?|pounds?|euros?|percent|followers|users|lines|rows|items|members|employees|students)\b/i;

const NAMED_BEFORE = /\b(?:called|named|ssid(?:\s+is)?|network\s+name(?:\s+is)?)\s*[:=]?\s*["'“‘]?$/i;
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
  for (const { kind, regex, value, notYears } of NEAR_LABELS) {
    regex.lastIndex = 0;
    const labels = [...text.matchAll(regex)].map((m) => ({ first: wordAt(m.index!), last: wordAt(m.index! + m[0].length - 1), start: m.index!, end: m.index! + m[0].length }));
    if (labels.length === 0) continue;
    const values = NEAR_VALUES[value];
    values.lastIndex = 0;
    for (const m of text.matchAll(values)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (labels.some((l) => start < l.end && end > l.start)) continue;
      if (notYears && /^(?:19|20)\d\d$/.test(m[0])) continue;
      // What something is called is its name, not its key: "the guest wifi is called Hazelnut5G".
      if (NAMED_BEFORE.test(text.slice(Math.max(0, start - 16), start))) continue;
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
        // "changed it from 5830 to 5803": the old value is one too, "from" notwithstanding.
        const changedTo = /^\s+to\s+[#*]?\d/.test(text.slice(end, end + 8)) && !/^(?:19|20)\d\d$/.test(m[0]);
        if (NOT_A_CODE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && !changedTo) continue;
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
  { kind: "password", regex: /\b(?:pass(?:word|wd|phrase)s?|p[a@]?s{1,2}w[o0]?r?ds?|pwd|contrase(?:ñ|n)a|mot\s+de\s+passe|senha|pass?wort|kennwort|wachtwoord|l[öo]senord)\b(?![\s-]+(?:managers?|apps?|vaults?|resets?|protected|strength|polic(?:y|ies)|rules?|requirements?))/i },
  { kind: "pin", regex: /\b(?:PIN|pin\s+(?:code|number)|pincode|passcode|puk)\b/ },
  { kind: "one_time_code", regex: /\b(?:otp|one[-\s]time\s+(?:code|password|passcode)|2fa|mfa|verification\s+code|auth(?:entication|enticator)\s+code|recovery\s+codes?|backup\s+codes?)\b/i },
  { kind: "government_id", regex: /\b(?:SSN|social\s+security|social\s+insurance|national\s+insurance|passport\s+(?:number|no)|licen[cs]e\s+(?:number|no)|tax\s+(?:id|file\s+number|reference)|aadhaa?r|nhs\s+(?:number|no))\b/i },
  { kind: "api_key", regex: /\b(?:api[\s_-]?key|secret[\s_-]?key|access[\s_-]?(?:key|token)|private\s+key|client\s+secret)\b/i },
];

// A code written with the keypad's own keys ("1947#", "*3380") is a code too.
const KEYPAD_CODE = /(?<![\w.:/$£€+-])[*#]?\d(?:[ -]?\d){2,11}[#*]?(?![\w:/%]|\.\d|[ -]?\d)/g;
const CODE_KINDS = new Set<SecretKind>(["pin", "one_time_code"]);

/**
 * Codes given together: in a sentence that holds one lock, PIN or login code, every other value
 * of a code's shape is one too ("PIN 3318, PUK 84027716", "gate code is 1947# and the door
 * upstairs is *3380"). People list a building's or a phone's codes in one breath.
 */
export function findSiblingSecrets(text: string, found: SecretMatch[]): SecretMatch[] {
  const codes = found.filter((m) => CODE_KINDS.has(m.kind));
  if (codes.length === 0) return [];
  const siblings: SecretMatch[] = [];
  for (const sentence of text.matchAll(SENTENCE)) {
    const from = sentence.index!;
    const to = from + sentence[0].length;
    const code = codes.find((m) => m.start >= from && m.start < to);
    if (!code) continue;
    for (const m of sentence[0].matchAll(KEYPAD_CODE)) {
      const start = from + m.index!;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      // "changed it from 5830 to 5803": the old code beside the new one is a code too.
      const changedTo = /^\s+to\s+$/.test(text.slice(end, code.start)) && code.start > end;
      if (!changedTo && (NOT_A_CODE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || NOT_A_CODE_AFTER.test(text.slice(end, end + 16)))) continue;
      if (/^(?:19|20)\d\d$/.test(m[0])) continue;
      siblings.push({ kind: code.kind, start, end });
    }
  }
  return siblings;
}

// A card given in parts ("first half: 4922 1215 / second half 3311 8460", "starts 4929 3739. It
// ends 0444 9742"): when a message that names a card holds two or more groups of four digits that
// are not years, each group is part of the card number, wherever the sentences break.
const CARD_WORD = /\b(?:card|cards|visa|mastercard|amex|barclaycard|debit|credit|tarjeta|carte|karte|cartão|carta)\b/i;
const FOUR_DIGITS = /(?<![\w.,:/$£€+-])\d{4}(?![\w:/%]|[.,]\d)/g;
function findCardGroups(text: string, preceding = ""): SecretMatch[] {
  // "the visa ending 4417" … "09/27 and the cvv's 382": the card may be named in the turn before.
  if (!CARD_WORD.test(text) && !CARD_WORD.test(preceding)) return [];
  const found: SecretMatch[] = [];
  // A card number in four groups of four, whether or not it passes Luhn (a typo is still a card),
  // and an expiry (MM/YY): in a message about a card, both are its payment data.
  for (const m of text.matchAll(/(?<![\d-])\d{4}(?:[ -]\d{4}){3}(?![\d-])/g)) found.push({ kind: "card_number", start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(/(?<![\d/])(?:0[1-9]|1[0-2])\s?\/\s?(?:20)?\d{2}(?![\d/])/g)) found.push({ kind: "card_number", start: m.index!, end: m.index! + m[0].length });
  // A group right after a PIN's or a code's label is that, not part of the card ("phone PIN 4821").
  const labelledCode = (at: number) => /\b(?:pins?|pin\s+(?:code|number)|passcode|codes?|cvv2?|cvc2?)\b\W+(?:\w+\W+){0,2}$/i.test(text.slice(Math.max(0, at - 30), at));
  const groups = [...text.matchAll(FOUR_DIGITS)].filter((m) => !/^(?:19|20)\d\d$/.test(m[0]) && !NOT_A_CODE_AFTER.test(text.slice(m.index! + 4, m.index! + 20)) && !labelledCode(m.index!));
  if (groups.length < 2) return found;
  return [...found, ...groups.map((m) => ({ kind: "card_number" as const, start: m.index!, end: m.index! + 4 }))];
}

// A dial lock's combination: turns and numbers ("left to 22, right to 9, back left to 31").
const DIAL_TURN = /\b(?:left|right|clockwise|anti-?clockwise|counter-?clockwise)\s*(?:to\s+|-\s*|:\s*)?(\d{1,2})\b/gi;
function findDialCombination(text: string): SecretMatch[] {
  const turns = [...text.matchAll(DIAL_TURN)];
  if (turns.length < 2) return [];
  return turns.map((m) => {
    const start = m.index! + m[0].length - m[1]!.length;
    return { kind: "pin", start, end: start + m[1]!.length };
  });
}

// The last net, over a whole message: when it talks of credentials or payment anywhere, every
// value in it that could be one (a run of 5+ digits that is not an amount or a measure; a string
// of 6+ letters and digits with 2+ digits that is not a model number) is taken for one, however far from
// its label and however the sentences break. People split secrets across sentences and lines,
// and a stored chat message that loses a harmless number is a small price next to a leaked one.
const CREDENTIAL_TALK =
  /\b(?:pass(?:word|wd|phrase|code)s?|pwd|(?<!(?:ten|nine|five|\d)-)pins?|puk|otp|2fa|mfa|one[-\s]time|verification|authenticat\w*|log-?ins?|log(?:ged|ging)?\s+(?:in|on)|sign(?:ed|ing)?[-\s]?in|credentials?|creds|tokens?|api|secret|private\s+key|seed\s+phrase|recovery|backup\s+codes?|wallet|iban|swift|bic|sort\s+code|routing|acct|account\s+(?:number|no)|(?:bank|credit|debit|payment)\s+card|visa|mastercard|amex|cvv|cvc|expiry|ssn|social\s+security|national\s+insurance|passport|licen[cs]e\s+(?:number|no)|tax\s+(?:id|number|code|reference)|security\s+(?:question|answer|code)|maiden\s+name|codes?\s+(?:from|in|on|via)\s+(?:my|the|a|your|their)?\s*(?:texts?|sms|messages?|phone|email|app)|(?:texted|sms|text)\s+(?:me\s+)?(?:a\s+|the\s+)?codes?)\b/i;
const LOOSE_VALUE = /(?<![\w.,:/$£€#+-])(?:\d(?:[ -]?\d){4,18}|(?=[A-Za-z0-9]*\d[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,64})(?![\w:/%]|[.,]\d|[ -]?\d)/g;
// A model or product number ("ES256", "RTX4090", "A320neo"): letters, then digits, maybe a letter or three.
const MODEL_NUMBER = /^[A-Za-z]{1,4}\d{1,5}[A-Za-z]{0,3}$/;
const AMOUNT_AFTER = /^\s*(?:a|an|per|each)\s+(?:day|week|month|year|hour|night)\b/i;
// Talk of a short code (a PIN, a passcode, a card's security code, a lock's combination): then a
// run of 3-4 digits anywhere in the message is taken for it, years, times and amounts aside.
const SHORT_CODE_TALK = /\b(?:(?<!(?:ten|nine|five|\d)-)pins?|pin-?codes?|passcodes?|puk|cvv2?|cvc2?|csc|combination|combo|keypad|key\s?safe|lockbox|padlock|(?:door|gate|alarm|safe|locker|entry|building|garage|phone|screen|unlock|security)\s+codes?)\b/i;
const DIGIT_WORD = String.raw`(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)`;
const SPELLED_DIGITS = new RegExp(String.raw`\b${DIGIT_WORD}(?:[\s,-]+${DIGIT_WORD}){2,}\b`, "gi");
const SHORT_VALUE = /(?<![\w.,:/$£€#+-])\d{3,4}(?![\w:/%]|[.,]\d|[ -]?\d)/g;
// A password's shape: letters and digits with a symbol inside ("Sunflower!Ward8", "Tmp-48821-Kx"),
// however far from its label; a hyphen counts only beside three or more digits ("covid-19" does not).
const PASSWORDISH = /(?<![\w@/.:-])(?=[^\s,;"'()]*[A-Za-z])(?=[^\s,;"'()]*\d)(?:(?=[^\s,;"'()]*[!@#$%^&*_])|(?=(?:[^\s,;"'()]*\d){3})(?=[^\s,;"'()]*-))[^\s,;"'()]{6,64}(?<![.!?])(?![\w@/])/g;
function findCredentialTalkValues(text: string, preceding = ""): SecretMatch[] {
  const found: SecretMatch[] = [];
  const shortCodes = SHORT_CODE_TALK.test(text);
  // "My till wants a 'Square access token'" … "in the developer dashboard: EAAAl7sQ…": the talk
  // may be in the turn before the value.
  const credentials = CREDENTIAL_TALK.test(text) || CREDENTIAL_TALK.test(preceding);
  if (!shortCodes && !credentials) return found;
  if (shortCodes) {
    for (const m of text.matchAll(SHORT_VALUE)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (/^(?:19|20)\d\d$/.test(m[0])) continue;
      if (NOT_A_CODE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || NOT_A_CODE_AFTER.test(text.slice(end, end + 16)) || AMOUNT_AFTER.test(text.slice(end, end + 16))) continue;
      found.push({ kind: "pin", start, end });
    }
  }
  // Digits dictated in words: "one nine eight four".
  for (const m of text.matchAll(SPELLED_DIGITS)) found.push({ kind: "pin", start: m.index!, end: m.index! + m[0].length });
  if (!credentials) return found;
  for (const m of text.matchAll(PASSWORDISH)) {
    if (/^https?:/i.test(m[0]) || /@/.test(m[0])) continue;
    found.push({ kind: "password", start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(LOOSE_VALUE)) {
    const token = m[0];
    const start = m.index!;
    const end = start + token.length;
    if (/^\d+$/.test(token.replace(/[ -]/g, "")) ? /^(?:19|20)\d\d$/.test(token) : isPlainNumber(token) || MODEL_NUMBER.test(token)) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 16);
    if (NOT_A_CODE_BEFORE.test(before) || NOT_A_CODE_AFTER.test(after) || AMOUNT_AFTER.test(after) || NAMED_BEFORE.test(text.slice(Math.max(0, start - 16), start))) continue;
    found.push({ kind: "token", start, end });
  }
  return found;
}

/** Every value near a label in the text; with `preceding`, values answering a turn that named a secret too. */
export function findNearbySecrets(text: string, options: { preceding?: string } = {}): SecretMatch[] {
  return [
    ...findNearLabelSecrets(text),
    ...findListedSecrets(text),
    ...findSentenceSecrets(text),
    ...findCardGroups(text, options.preceding),
    ...findDialCombination(text),
    ...findCredentialTalkValues(text, options.preceding),
    ...(options.preceding ? findAnsweredSecrets(text, options.preceding) : []),
  ];
}
