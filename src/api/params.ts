// Query parameters of the HTTP API: the CLI's filters under camelCase names,
// plus paging and sizes. Every value is checked; an unknown parameter is an
// error too, so a misspelt filter never silently returns everything.
import { FILTER_PARAMS, FilterError, parseFilter, parseInterval, type RawFilter } from "../store/filter.js";
import type { EventFilter, Interval, Order, Page } from "../store/types.js";

/** Filter parameters as the API names them (the RawFilter keys). */
export const FILTER_KEYS = Object.keys(FILTER_PARAMS) as (keyof RawFilter)[];

export interface Limits {
  dflt: number;
  max: number;
}

/** A whole number parameter within [min, max], or the default. */
export function intParam(q: Record<string, string>, name: string, dflt: number, min: number, max: number): number {
  const v = q[name];
  if (v === undefined || v === "") return dflt;
  const n = Number(v);
  if (!/^-?\d+$/.test(v) || n < min || n > max) throw new FilterError(name, `expected a whole number from ${min} to ${max}; got "${v}"`);
  return n;
}

/** Refuses parameters that are not among `allowed`. */
export function onlyKnown(q: Record<string, string>, allowed: readonly string[]): void {
  for (const k of Object.keys(q)) {
    if (!allowed.includes(k)) throw new FilterError(k, `unknown parameter; expected one of ${allowed.join(", ")}`);
  }
}

export function filterParams(q: Record<string, string>): EventFilter {
  const raw: RawFilter = {};
  for (const k of FILTER_KEYS) if (q[k] !== undefined) (raw as Record<string, string>)[k] = q[k];
  return parseFilter(raw, (k) => k);
}

/** The opaque cursor of a page: the last event's date and id, in the order asked. */
export function encodeCursor(after: { date: string; id: number }, order: Order): string {
  return Buffer.from(JSON.stringify([after.date, after.id, order])).toString("base64url");
}

export function decodeCursor(v: string, order: Order): { date: string; id: number } {
  try {
    const [date, id, o] = JSON.parse(Buffer.from(v, "base64url").toString("utf8")) as [unknown, unknown, unknown];
    if (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date) && Number.isInteger(id) && o === order) return { date, id: id as number };
  } catch { /* reported below */ }
  throw new FilterError("cursor", "not a cursor this server gave for this order (use nextCursor from the previous page, with the same order)");
}

export function pageParams(q: Record<string, string>): Page & { limit: number; order: Order } {
  const order = q.order ?? "desc";
  if (order !== "asc" && order !== "desc") throw new FilterError("order", `expected asc or desc; got "${order}"`);
  const limit = intParam(q, "limit", 100, 1, 1000);
  return { limit, order, ...(q.cursor ? { after: decodeCursor(q.cursor, order) } : {}) };
}

export function intervalParam(q: Record<string, string>): Interval {
  return parseInterval(q.by ?? "week", "by");
}
