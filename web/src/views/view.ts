// What every view gets: the element to fill, the route it was opened with,
// and a signal aborted when the user leaves (pending requests are dropped).
import type { Route } from "../router.js";

export interface ViewContext {
  root: HTMLElement;
  route: Route;
  signal: AbortSignal;
}

export type View = (ctx: ViewContext) => Promise<void>;

/** The last day of the period starting on `start` (ISO dates, UTC). */
export function periodEnd(start: string, by: "day" | "week" | "month" | "year"): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === "day") return start;
  if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (by === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  else { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}
