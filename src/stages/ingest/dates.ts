// Article dates: accepts the few explicit forms feeds use and normalises them
// to YYYY-MM-DD. Relative dates ("yesterday") are refused on purpose: an
// article's date anchors every event date, so it must not depend on today.

export type DateResult = { ok: true; date: string } | { ok: false; reason: string };

/** Forms accepted, for messages. */
export const DATE_FORMS = "YYYY-MM-DD, YYYYMMDD or YYYY-MM-DDTHH:MM:SSZ";

const EARLIEST = "1900-01-01";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// The date part of an ISO timestamp is kept as written (not shifted to UTC):
// it is the date the publisher gave the article.
const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Validates and normalises an article date.
 * @example normaliseDate("20240609") // { ok: true, date: "2024-06-09" }
 */
export function normaliseDate(raw: string, now: Date = new Date()): DateResult {
  const s = raw.trim();
  const m = DAY.exec(s) ?? COMPACT.exec(s) ?? STAMP.exec(s);
  if (!m) return { ok: false, reason: `expected a date as ${DATE_FORMS}` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m.length > 4 && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 60)) {
    return { ok: false, reason: "the time of day is not a real time" };
  }
  // Round-trip through Date.UTC: it rolls 2024-02-30 over to March, which
  // shows the day does not exist.
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    return { ok: false, reason: "not a real calendar date" };
  }
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  // Tomorrow, not today: a publisher east of UTC is already a day ahead.
  const latest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  if (date < EARLIEST) return { ok: false, reason: `before ${EARLIEST}` };
  if (date > latest) return { ok: false, reason: `after ${latest} (tomorrow)` };
  return { ok: true, date };
}
