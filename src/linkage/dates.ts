/** Dates and ages as Indian registers write them. Dates become YYYYMMDD numbers: small and comparable. */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Indic digits (०-९, ০-৯, ...) to ASCII: the nine scripts keep their digits at offset 0x66 of each block. */
const INDIC_DIGIT =
  /[\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f]/;

export function asciiDigits(text: string): string {
  if (!INDIC_DIGIT.test(text)) return text;
  return text.replace(
    /[\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f]/g,
    (c) => String((c.charCodeAt(0) - 0x66) & 0x0f),
  );
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1880 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function fullYear(y: number, pivot: number): number {
  if (y >= 100) return y;
  return y + (y <= pivot % 100 ? 2000 : 1900);
}

/**
 * Parses ISO (YYYY-MM-DD, also with / or .), day-first Indian forms (DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY,
 * two-digit years) and "5 Jan 1990" / "05-Jan-1990". A day-first date whose month is over 12 is read
 * month-first, the one reading that can still be valid. Returns YYYYMMDD, or null.
 */
export function parseDate(
  text: string | null | undefined,
  pivotYear = new Date().getUTCFullYear(),
): number | null {
  if (!text) return null;
  const s = asciiDigits(text).trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t\s].*)?$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = fullYear(Number(m[3]), pivotYear);
    const a = Number(m[1]);
    const b = Number(m[2]);
    return build(y, b, a) ?? build(y, a, b);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[-/.\s]+([a-z]{3,9})[-/.,\s]+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[(m[2] ?? '').slice(0, m[2]?.startsWith('sept') ? 4 : 3)];
    return month ? build(fullYear(Number(m[3]), pivotYear), month, Number(m[1])) : null;
  }
  m = /^(\d{8})$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    return build(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  return null;
}

function build(y: number, m: number, d: number): number | null {
  return valid(y, m, d) ? y * 10000 + m * 100 + d : null;
}

/** "14", "14 yrs", "approx. 14", "14-15" (the middle), "१४ वर्ष" → years; null when no age is written. */
export function parseAge(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && value < 120 ? value : null;
  const s = asciiDigits(value);
  const range = /(\d{1,3}(?:\.\d+)?)\s*(?:-|to)\s*(\d{1,3}(?:\.\d+)?)/.exec(s);
  if (range) return parseAge((Number(range[1]) + Number(range[2])) / 2);
  const single = /\d{1,3}(?:\.\d+)?/.exec(s);
  return single ? parseAge(Number(single[0])) : null;
}

export const yearOf = (ymd: number) => Math.floor(ymd / 10000);

/** Years (with a fraction) from one YYYYMMDD date to another. */
export function yearsBetween(from: number, to: number): number {
  const a = Date.UTC(yearOf(from), (Math.floor(from / 100) % 100) - 1, from % 100);
  const b = Date.UTC(yearOf(to), (Math.floor(to / 100) % 100) - 1, to % 100);
  return (b - a) / (365.2425 * 86_400_000);
}

/** Today as YYYYMMDD (UTC), the default date at which ages are taken. */
export function today(): number {
  const d = new Date();
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}
