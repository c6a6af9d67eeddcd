// Event dates: the date expression nearest the predicate, resolved into the
// past of the article date ("on Saturday" is the last Saturday, not the next).
// chrono-node parses; this module only picks and corrects.
import * as chrono from "chrono-node";

export interface DateMention {
  /** Character range within the sentence text. */
  start: number;
  end: number;
  /** YYYY-MM-DD, or undefined when only a month or year is known. */
  date?: string;
  /** Coarse date (first day of month or year) for background checks. */
  coarse: string;
  /** Whether the expression pins a day. */
  day: boolean;
  /** Explicitly in the future ("next month", "tomorrow"). */
  future: boolean;
}

const DAY = 86_400_000;
const DATE_WORD = /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(mon|tues|wednes|thurs|fri|satur|sun)day|\b(today|tonight|yesterday|tomorrow|ago|last|next|this|earlier|later|week|month|year)\b/i;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** All date expressions in a sentence, resolved against the article date. */
export function findDates(sentence: string, articleDate: string): DateMention[] {
  const ref = new Date(articleDate + "T12:00:00Z");
  const out: DateMention[] = [];
  let results: chrono.ParsedResult[] = [];
  // chrono is the costliest step of the coder: ask it only when a date word is there
  if (DATE_WORD.test(sentence)) {
    try {
      results = chrono.parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: false });
    } catch {
      results = [];
    }
  }
  for (const r of results) {
    const s = r.start;
    const dayKnown = s.isCertain("day") || s.isCertain("weekday");
    const monthKnown = s.isCertain("month") || dayKnown;
    if (!monthKnown && !s.isCertain("year") && !/ago|year/.test(r.text)) continue; // times of day only
    let d = s.date();
    const explicitFuture = /\b(next|tomorrow|coming|upcoming)\b/i.test(r.text) || /\b(next|this coming)\s*$/i.test(sentence.slice(Math.max(0, r.index - 12), r.index));
    if (!explicitFuture && d.getTime() > ref.getTime() + DAY / 2) {
      // chrono may pick the next weekday or this year's date; news reports the past
      if (!s.isCertain("year") && s.isCertain("month") && s.isCertain("day")) d = new Date(d.getTime() - 365 * DAY);
      else if (s.isCertain("weekday") && !s.isCertain("day")) d = new Date(d.getTime() - 7 * DAY);
    }
    const date = dayKnown ? iso(d) : undefined;
    out.push({ start: r.index, end: r.index + r.text.length, date, coarse: iso(d), day: dayKnown, future: explicitFuture || d.getTime() > ref.getTime() + DAY });
  }
  // bare years: "in 2019", "since 1998", "the 2019 agreement"
  const yearRe = /\b(1[89]\d\d|20\d\d)\b/g;
  for (let m; (m = yearRe.exec(sentence)); ) {
    const at = m.index;
    if (out.some((o) => at >= o.start && at < o.end)) continue;
    out.push({ start: at, end: at + 4, coarse: `${m[1]}-01-01`, day: false, future: Number(m[1]) > ref.getUTCFullYear() });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whole days from `a` to `b` (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / DAY);
}

/**
 * The date of an act reported at character `at` of the sentence: the nearest
 * date expression that pins a day, else the article date. `background` is set
 * when the nearest expression puts the act well before the article date.
 */
export function eventDate(dates: DateMention[], at: number, articleDate: string): { date: string; background: boolean; future: boolean } {
  let best: DateMention | undefined;
  let bestDist = Infinity;
  for (const d of dates) {
    const dist = d.end <= at ? at - d.end : d.start >= at ? d.start - at : 0;
    if (dist < bestDist) { best = d; bestDist = dist; }
  }
  if (!best || bestDist > 90) return { date: articleDate, background: false, future: false };
  const age = daysBetween(best.day ? best.date! : best.coarse, articleDate);
  // a month or year only: background when the whole period lies before the last week
  const periodEndAge = best.day ? age : best.coarse.endsWith("-01-01") && !best.date ? daysBetween(`${best.coarse.slice(0, 4)}-12-31`, articleDate) : daysBetween(lastDayOfMonth(best.coarse), articleDate);
  const background = periodEndAge > 10;
  const date = best.day && best.date && age >= 0 && age <= 10 ? best.date : articleDate;
  return { date, background, future: best.future };
}

function lastDayOfMonth(d: string): string {
  const [y, m] = d.split("-").map(Number);
  return iso(new Date(Date.UTC(y, m, 0)));
}
