// Database failures a user can do something about, each turned into one line
// that says what happened to which store and what to do next.

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

/**
 * Explains a driver error about the store at `location`; anything else is
 * returned unchanged (a bug, to be reported as it is).
 */
export function explainStoreError(e: unknown, location: string): unknown {
  if (e instanceof StoreError) return e;
  const code = codeOf(e);
  const said = (e as Error)?.message ?? String(e);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new StoreError(`${location} is locked by another process (another dyad ingest?); wait for it to finish, or use another --db`, "LOCKED");
  }
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return new StoreError(`${location} is not a dyad store or is damaged (${said}); restore it from a backup or choose another --db`, "CORRUPT");
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "53100") {
    return new StoreError(`no space left to write ${location}; free some disk space and run the same command again (what was stored before is kept)`, "FULL");
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
