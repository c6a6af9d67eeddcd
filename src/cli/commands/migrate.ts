// `dyad migrate`: creates the store's schema, or brings it up to date.
import { parseArgs } from "node:util";
import { writeOut } from "../io.js";
import { loadPgStore } from "../queue-store.js";
import { DB_OPTION, dbLocation, isPostgresUrl, openStore, safeLocation } from "../store-options.js";

export const HELP = `usage: dyad migrate [--db URL|FILE]

Creates the store's schema, or applies the migrations it lacks (numbered,
forward-only; a store from a newer dyad is refused). Safe to run from several
machines at once. Every command also migrates when it opens a store; this one
does only that, for a deployment step.
`;

export async function migrateCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...DB_OPTION, help: { type: "boolean", short: "h" } } });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const location = dbLocation(values.db);
  if (isPostgresUrl(location)) {
    const store = await (await loadPgStore()).connect(location, { migrate: false });
    try {
      const v = await store.migrate();
      await writeOut(`dyad migrate: ${safeLocation(location)} is at schema version ${v.to}${v.from === v.to ? " (already)" : ` (was ${v.from})`}\n`);
    } finally {
      await store.close();
    }
    return 0;
  }
  const store = await openStore(values.db, true);
  await store.close();
  await writeOut(`dyad migrate: ${location} is up to date\n`);
  return 0;
}
