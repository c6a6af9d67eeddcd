// Publication dates as pages and feeds write them: ISO 8601 stamps, RFC 822
// (RSS pubDate), and the human forms of bylines and datelines ("June 11,
// 2024", "3rd March, 2023"). Only full dates count (day, month and year): a
// date without a year would have to be guessed from today, which is what
// ingest never does.
import { normaliseDate, type DateResult } from "./dates.js";

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const WEEKDAY = "(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\\.?,?\\s+)?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

// "11 June 2024", "3rd March, 2023", "Tue, 11 Jun 2024 07:45:00 +0300" (RFC 822, two-digit years too)
const DAY_MONTH_YEAR = new RegExp(`${WEEKDAY}${DAY}\\s+${MONTH},?\\s+(\\d{4}|\\d{2}\\b)`, "i");
// "June 11, 2024", "Jun. 11th 2024"
const MONTH_DAY_YEAR = new RegExp(`${WEEKDAY}${MONTH}\\s+${DAY},?\\s+(\\d{4})`, "i");
const ISO_DAY = /(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])/;
const SLASH_DAY = /^(\d{4})\/(\d{2})\/(\d{2})\b/;

/** "June" / "Jun." / "Sept" → its number, then validated as a calendar date. */
function fromParts(y: number, month: string, d: number, now: Date): DateResult {
  const key = month.toLowerCase().replace(/\.$/, "");
  const mo = MONTHS[key.slice(0, 4)] ?? MONTHS[key.slice(0, 3)];
  const pad = (n: number) => String(n).padStart(2, "0");
  return normaliseDate(`${y}-${pad(mo)}-${pad(d)}`, now);
}

/**
 * A publication date as pages and feeds write it → YYYY-MM-DD. The date is
 * taken as written, not shifted to UTC: it is the day the publisher gave.
 * @example parsePublished("Tue, 11 Jun 2024 07:45:00 +0300") // { ok: true, date: "2024-06-11" }
 */
export function parsePublished(raw: string, now: Date = new Date()): DateResult {
  const s = raw.trim();
  if (s === "") return { ok: false, reason: "expected a date; found an empty value" };
  let m = ISO_DAY.exec(s);
  if (m && m.index === 0) return normaliseDate(`${m[1]}-${m[2]}-${m[3]}`, now);
  if (/^\d{8}$/.test(s)) return normaliseDate(s, now);
  if ((m = SLASH_DAY.exec(s))) return normaliseDate(`${m[1]}-${m[2]}-${m[3]}`, now);
  if ((m = DAY_MONTH_YEAR.exec(s)) && m.index <= 12) {
    let y = Number(m[3]);
    if (m[3].length === 2) y += y < 50 ? 2000 : 1900; // RFC 822's two-digit years
    return fromParts(y, m[2], Number(m[1]), now);
  }
  if ((m = MONTH_DAY_YEAR.exec(s)) && m.index <= 12) return fromParts(Number(m[3]), m[1], Number(m[2]), now);
  return { ok: false, reason: "expected a date such as 2024-06-11, Tue, 11 Jun 2024 07:45:00 GMT or June 11, 2024" };
}

const ANY_DATE = `(?:${WEEKDAY}${DAY}\\s+${MONTH},?\\s+\\d{4}|${WEEKDAY}${MONTH}\\s+${DAY},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
// "NAIROBI, June 11, 2024 (Courier) -", "ISLAMABAD, 3rd March, 2023 (AGENCY) --", "LAGOS, Nigeria, 2024-06-11:"
const DATELINE = new RegExp(`^[A-Z][\\p{L}.'’ -]{1,40}(?:,\\s*[\\p{L}.'’ -]{1,30})?,?\\s+(${ANY_DATE})\\s*(?:\\([^)]{1,40}\\)\\s*)?(?:--|[-–—:])`, "u");
// A byline's date line: "Published: 11 June 2024 10:05", "Updated June 11, 2024", "11 June 2024".
const DATE_LINE = new RegExp(`^(?:(?:published|posted|updated|last updated|date|dated)\\s*(?:on)?\\s*:?\\s*)?(${ANY_DATE})(?:[\\s,|·•-]+[\\d:.apmAPMGMTUTC +]*)?$`, "i");

/** True for a line that is only a date, perhaps labelled and timed ("Updated: June 11, 2024 10:05 GMT"). */
export function isDateLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 80 && DATE_LINE.test(t);
}

/** How far into the text a dateline may be: past the headline and byline, not into the story. */
const DATELINE_LINES = 4;

/**
 * The date of a dateline or byline date line near the top of an article's
 * text, when a page's metadata has none. Dates deeper in the story are about
 * other days and are not used.
 * @example datelineDate("LAGOS, June 3, 2024 (Courier) - The president …") // { date: "2024-06-03", line: "LAGOS, June 3, …" }
 */
export function datelineDate(text: string, now: Date = new Date()): { date: string; found: string } | undefined {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "").slice(0, DATELINE_LINES);
  for (const line of lines) {
    const m = DATELINE.exec(line) ?? (line.length <= 80 ? DATE_LINE.exec(line) : null);
    if (!m) continue;
    const d = parsePublished(m[1], now);
    if (d.ok) return { date: d.date, found: m[1] };
  }
  return undefined;
}
