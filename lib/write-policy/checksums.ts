// Check digits that tell a real card, IBAN or routing number from any other run of digits, so
// the write policy refuses payment data without refusing order numbers, years or phone numbers.

/** Luhn (ISO/IEC 7812): every card network's check digit. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 13616 IBAN check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" && ch <= "Z" ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    remainder = Number(`${remainder}${value}`) % 97;
  }
  return remainder === 1;
}

/** ABA routing number (US): weights 3, 7, 1 repeated, sum divisible by 10. */
export function passesAbaCheck(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = weights.reduce((total, w, i) => total + w * (digits.charCodeAt(i) - 48), 0);
  return sum % 10 === 0;
}
