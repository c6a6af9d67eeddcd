// What the store commands share: where the store is (--db, DYAD_DB, ./dyad.db),
// opening it with errors a user can act on, and the filter options.
import type { ParseArgsConfig } from "node:util";
import { FilterError, parseFilter, type RawFilter } from "../store/filter.js";
import { StoreError } from "../store/errors.js";
import { SqliteStore } from "../store/sqlite.js";
import type { EventFilter, EventStore } from "../store/types.js";
import { UsageError } from "./io.js";

export const DEFAULT_DB = "dyad.db";

export function dbLocation(db: string | undefined): string {
  return db ?? process.env.DYAD_DB ?? DEFAULT_DB;
}

/** True for a PostgreSQL connection URL rather than a SQLite file. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/** The URL without its password, for messages. */
export const safeLocation = (location: string) => location.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:…@");

/**
 * Opens the store named by --db / DYAD_DB: a PostgreSQL URL or a SQLite file;
 * `write` creates a SQLite file when missing; otherwise it is opened read-only
 * unless `readonly: false` (a server that accepts posted articles). DYAD_DB_MAX_BYTES caps a SQLite store's size.
 */
export async function openStore(db: string | undefined, write: boolean, opts: { readonly?: boolean } = {}): Promise<EventStore> {
  const location = dbLocation(db);
  if (isPostgresUrl(location)) {
    const { loadPgStore } = await import("./queue-store.js");
    return (await loadPgStore()).connect(location);
  }
  const maxBytes = process.env.DYAD_DB_MAX_BYTES ? Number(process.env.DYAD_DB_MAX_BYTES) : undefined;
  if (maxBytes !== undefined && !(maxBytes > 0)) throw new UsageError(`DYAD_DB_MAX_BYTES: expected a number of bytes, got "${process.env.DYAD_DB_MAX_BYTES}"`);
  // a command that only reads opens the file read-only, so a store it may not write (chmod 444, a read-only mount) still reads
  return SqliteStore.open(location, { create: write, readonly: !write && (opts.readonly ?? true), maxBytes });
}

export const DB_OPTION = { db: { type: "string" } } as const;

export const FILTER_OPTIONS = {
  actor: { type: "string" }, source: { type: "string" }, target: { type: "string" },
  between: { type: "string", multiple: true },
  sector: { type: "string" }, "source-sector": { type: "string" }, "target-sector": { type: "string" },
  type: { type: "string" }, cameo: { type: "string" }, quad: { type: "string" },
  since: { type: "string" }, until: { type: "string" }, place: { type: "string" },
  text: { type: "string" }, article: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

export const FILTER_HELP = `filters (all optional, combined with AND):
  --actor CC              events with country CC on either side (ISO alpha-3, or IGO)
  --source CC, --target CC  the doer's or the target's country (both: a directed pair)
  --between A B           events between A and B, either direction (also "A,B")
  --sector S              sector on either side (GOV, MIL, REB, …); --source-sector, --target-sector
  --type T[,T…]           PLOVER types (CONSULT, ASSAULT, …)
  --cameo PREFIX          CAMEO code or prefix (04, 043)
  --quad Q[,Q…]           quad classes: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  --since DATE, --until DATE  event dates, inclusive (YYYY-MM-DD)
  --place CC              country where the event happened
  --text "WORDS"          all these words in an evidence sentence
  --article ID            events reported by this article
`;

type FilterValues = { [K in keyof typeof FILTER_OPTIONS]?: (typeof FILTER_OPTIONS)[K] extends { multiple: true } ? string[] : string };

/**
 * The typed filter from parsed options. `--between A B` takes the value after
 * it and the next positional, so both spellings work.
 */
export function filterFrom(values: FilterValues, positionals: string[] = []): EventFilter {
  let between: string[] | undefined = values.between;
  if (between?.length === 1 && !between[0].includes(",") && positionals.length) {
    between = [between[0], positionals.shift()!];
  }
  const raw: RawFilter = {
    actor: values.actor, source: values.source, target: values.target, between,
    sector: values.sector, sourceSector: values["source-sector"], targetSector: values["target-sector"],
    type: values.type, cameo: values.cameo, quad: values.quad, since: values.since, until: values.until,
    place: values.place, text: values.text, article: values.article,
  };
  try {
    return parseFilter(raw);
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(e.message);
    throw e;
  }
}

/** A whole number option within [min, max]. */
export function intOption(name: string, value: string | undefined, dflt: number, min: number, max: number): number {
  if (value === undefined) return dflt;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}
