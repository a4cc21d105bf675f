export type Expiry = { at: string; phrase: string };

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, couple: 2, few: 3 };
const DAY_MS = 86_400_000;

const endOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);
/** The coming occurrence of a weekday, today included. */
const nextWeekday = (now: Date, day: number, skipWeek = false) => addDays(now, ((day - now.getUTCDay() + 7) % 7) + (skipWeek ? 7 : 0));

/**
 * The end of a memory the user keeps only for a while: "just for this week" (the coming
 * Sunday, 23:59 UTC), "until Friday" (the end of that Friday), "for the next two weeks" (now
 * plus two weeks), "just for today". Null when the message sets no such limit.
 */
export function findExpiry(text: string, now: Date): Expiry | null {
  const t = text.toLowerCase();
  const asked = /\b(remember|keep (that|this|it) in mind|note|temporar(y|ily)|just for|only for|for now)\b/.test(t);
  // "just for this week" frames a claim to keep only when the user asks to keep it; "until Friday" always does.
  const rememberAsked = /\b(remember|keep (that|this|it) in mind|note|save|temporar(y|ily))\b/.test(t);
  let m = t.match(/\b(?:just |only )?for (?:this|the) (week|weekend|month)\b|\b(?:until|till|through|to) the end of (?:the|this) (week|month)\b|\bthis (week|weekend)(?: only)?\b/);
  if (m && (rememberAsked || /^(until|till|through|to)/.test(m[0]))) {
    const unit = m[1] ?? m[2] ?? m[3];
    if (unit === "month") return { at: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0, 23, 59, 59)).toISOString(), phrase: m[0] };
    return { at: endOfDay(nextWeekday(now, 0)).toISOString(), phrase: m[0] };
  }
  m = t.match(/\b(?:just |only )?for (?:today|tonight)\b|\buntil (?:tonight|the end of the day)\b/);
  if (m && rememberAsked) return { at: endOfDay(now).toISOString(), phrase: m[0] };
  m = t.match(/\b(?:until|till|through|up to|up until) (?:and including )?(?:(this|next) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b/);
  if (m) {
    const day = m[2] === "tomorrow" ? addDays(now, 1) : nextWeekday(now, WEEKDAYS.indexOf(m[2]!), m[1] === "next");
    return { at: endOfDay(day).toISOString(), phrase: m[0] };
  }
  m = t.match(/\b(?:until|till|through|up to) (?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?(january|february|march|april|may|june|july|august|september|october|november|december)\b/);
  if (m) {
    let day = new Date(Date.UTC(now.getUTCFullYear(), MONTHS.indexOf(m[2]!), Number(m[1])));
    if (day.getTime() < now.getTime() - DAY_MS) day = new Date(Date.UTC(now.getUTCFullYear() + 1, MONTHS.indexOf(m[2]!), Number(m[1])));
    return { at: endOfDay(day).toISOString(), phrase: m[0] };
  }
  m = t.match(/\b(?:for the next|(?:just |only )?for) (?:(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few) )?(day|week|month)s?\b/);
  if (m && m[1] === undefined && !/for the next/.test(m[0])) m = null;
  if (m && (asked || /for the next/.test(m[0]))) {
    const n = Number(m[1]) || NUMBERS[(m[1] ?? "one").replace(/ of$/, "")] || 1;
    const days = m[2] === "day" ? n : m[2] === "week" ? n * 7 : 0;
    const at = m[2] === "month" ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + n, now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes())) : addDays(now, days);
    return { at: at.toISOString(), phrase: m[0] };
  }
  return null;
}
