// Database failures a user can do something about, each turned into one line
// that says what happened to which store and what to do next.
import { statfsSync } from "node:fs";
import { dirname } from "node:path";

export class StoreError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/** The driver's error code (better-sqlite3's SqliteError, a Node system error or pg's SQLSTATE). */
function codeOf(e: unknown): string {
  const c = (e as { code?: unknown })?.code;
  return typeof c === "string" ? c : "";
}

/** The error's own words (an AggregateError from a multi-address connect has them in its parts). */
function messageOf(e: unknown): string {
  const m = (e as Error)?.message;
  if (m) return m;
  const parts = (e as { errors?: unknown[] })?.errors;
  if (Array.isArray(parts) && parts.length) return parts.map(messageOf).join("; ");
  return String(e);
}

/** Host:port, database and user of a postgres:// location (the URL without its password). */
function pgParts(location: string): { server: string; database: string; user: string } {
  try {
    const u = new URL(location);
    const host = u.searchParams.get("host") ?? (u.hostname || "localhost");
    return {
      server: `${host}:${u.port || u.searchParams.get("port") || "5432"}`,
      database: decodeURIComponent(u.pathname.replace(/^\//, "")) || decodeURIComponent(u.username) || "postgres",
      user: decodeURIComponent(u.username) || process.env.PGUSER || "the default user",
    };
  } catch {
    return { server: location, database: "?", user: "?" };
  }
}

const CANNOT_CONNECT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL)$/;

/** PostgreSQL failures (SQLSTATE codes, connection errors), or undefined when `e` is none of them. */
function explainPgError(e: unknown, location: string): StoreError | undefined {
  const code = codeOf(e);
  const said = messageOf(e).replace(/\s*\n\s*/g, " ");
  const { server, database, user } = pgParts(location);
  if (CANNOT_CONNECT.test(code) || /timeout expired|due to connection timeout|does not support SSL/.test(said)) {
    return new StoreError(`cannot reach PostgreSQL at ${server} (${said}); is the server running and the URL right?`, "UNREACHABLE");
  }
  if (code === "3D000") {
    return new StoreError(`database "${database}" does not exist on PostgreSQL at ${server}; create it (createdb ${database}, or CREATE DATABASE ${database}) or fix the URL`, "NO_DATABASE");
  }
  if (code === "28P01" || code === "28000") {
    return new StoreError(`PostgreSQL at ${server} refused user "${user}" (${said}); check the user and password in the URL (or PGPASSWORD) and the server's pg_hba.conf`, "AUTH");
  }
  if (code === "53100") {
    return new StoreError(`the PostgreSQL server of ${location} has no disk space left (${said}); free space on the server and run the same command again (what was stored before is kept)`, "FULL");
  }
  if (code === "53200") {
    return new StoreError(`PostgreSQL at ${server} ran out of memory (${said}); raise the server's max_locks_per_transaction (for "out of shared memory") or write smaller batches, then run the same command again`, "OUT_OF_MEMORY");
  }
  if (code === "53300") {
    return new StoreError(`PostgreSQL at ${server} has no free connections (${said}); run fewer workers, or raise the server's max_connections`, "TOO_MANY_CONNECTIONS");
  }
  if (/^57P0[1-5]$/.test(code)) {
    return new StoreError(`PostgreSQL at ${server} ended the connection or is not accepting any (${said}: shutting down, starting up or stopped by an administrator); run the same command again once it is up (what was committed is kept)`, "SERVER_DOWN");
  }
  if (code === "ECONNRESET" || code === "EPIPE" || code.startsWith("08") || /Connection terminated|connection error|Client was closed/.test(said)) {
    return new StoreError(`lost the connection to PostgreSQL at ${server} (${said}); check that the server is up, then run the same command again (what was committed is kept)`, "CONNECTION_LOST");
  }
  if (code === "42501") {
    return new StoreError(`PostgreSQL user "${user}" lacks a privilege on ${location} (${said}); grant it (GRANT … TO ${user}) or use another --db`, "PERMISSION");
  }
  if (code === "25006") {
    return new StoreError(`${location} is read-only (${said}); a standby cannot be written: point --db at the primary`, "READONLY");
  }
  if (code === "40P01" || code === "40001" || code === "55P03") {
    return new StoreError(`another writer to ${location} held what this one needed (${said}); run the same command again`, "LOCKED");
  }
  return undefined;
}

/**
 * Explains a driver error about the store at `location`; anything else is
 * returned unchanged (a bug, to be reported as it is).
 */
/** Bytes free on the disk holding `file`, when the system says. */
function freeBytes(file: string): number | undefined {
  try {
    const s = statfsSync(dirname(file));
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

export function explainStoreError(e: unknown, location: string, maxBytes?: number): unknown {
  if (e instanceof StoreError) return e;
  const code = codeOf(e);
  const said = (e as Error)?.message ?? String(e);
  if (/^postgres(ql)?:\/\//.test(location)) return explainPgError(e, location) ?? e;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new StoreError(`${location} is locked by another process (another dyad ingest?); wait for it to finish, or use another --db`, "LOCKED");
  }
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return new StoreError(`${location} is not a dyad store or is damaged (${said}); restore it from a backup or choose another --db`, "CORRUPT");
  }
  if (code === "SQLITE_FULL" && maxBytes !== undefined) {
    // the cap (max_page_count) fails just as a full disk does; tell them apart by the disk's free space
    const free = freeBytes(location);
    const cap = `${location} reached its size cap: DYAD_DB_MAX_BYTES is ${maxBytes.toLocaleString("en-US")} bytes`;
    if (free === undefined || free > 64 * 1024 * 1024) {
      return new StoreError(`${cap}; raise or unset DYAD_DB_MAX_BYTES and run the same command again (what was stored before is kept)`, "FULL");
    }
    return new StoreError(`${cap}, and the disk has only ${free.toLocaleString("en-US")} bytes free; free some disk space or raise DYAD_DB_MAX_BYTES, then run the same command again (what was stored before is kept)`, "FULL");
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC") {
    return new StoreError(`no space left to write ${location}; free some disk space and run the same command again (what was stored before is kept)`, "FULL");
  }
  if (code === "SQLITE_READONLY_DIRECTORY") {
    // a WAL-mode store left by a killed writer, or by an older dyad, in a folder the reader cannot write
    return new StoreError(`cannot read ${location}: it is in WAL mode and SQLite must create ${location}-shm, but its folder is read-only; make the folder writable, or run one write command on it (dyad ingest) so it is left in rollback-journal mode`, "READONLY");
  }
  if (code.startsWith("SQLITE_READONLY") || code === "EACCES" || code === "EROFS") {
    return new StoreError(`cannot write ${location} (${said}); check the file's permissions or choose another --db`, "READONLY");
  }
  if (code.startsWith("SQLITE_CANTOPEN")) {
    return new StoreError(`cannot open ${location} (${said}); check that its folder exists and can be written`, "CANTOPEN");
  }
  if (code.startsWith("SQLITE_IOERR")) {
    return new StoreError(`reading or writing ${location} failed (${said}); check the disk, then run the same command again`, "IOERR");
  }
  return e;
}
