// Timeline periods: the start of the day, week (Monday), month or year that
// holds a date, and the empty periods between busy ones, so a chart of a
// relationship shows its quiet weeks as zeros rather than skipping them.
import type { Interval, TimelineRow } from "./types.js";

/** The first day of the period that holds `date`. */
export function periodStart(date: string, by: Interval): string {
  if (by === "day") return date;
  if (by === "month") return date.slice(0, 7) + "-01";
  if (by === "year") return date.slice(0, 4) + "-01-01";
  const d = new Date(date + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The first day of the period after the one starting at `start`. */
export function nextPeriod(start: string, by: Interval): string {
  const d = new Date(start + "T00:00:00Z");
  if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** Rows sorted by period with a zero row for every empty period in between (at most 10,000 periods). */
export function fillTimeline(rows: TimelineRow[], by: Interval): TimelineRow[] {
  if (rows.length < 2) return rows;
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const out: TimelineRow[] = [];
  const last = rows[rows.length - 1].period;
  for (let p = rows[0].period; p <= last && out.length < 10_000; p = nextPeriod(p, by)) {
    out.push(byPeriod.get(p) ?? { period: p, events: 0, goldsteinMean: 0, quads: [0, 0, 0, 0] });
  }
  return out;
}
