// `dyad extract`: articles in (files, folders, stdin), coded events out as
// JSON lines, TSV or a table. Bad records are reported on stderr with file and
// line, skipped and counted; the run fails only if nothing could be read.
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import type { ArticleInput } from "../../doc/types.js";
import { OUTPUT_FORMATS, TABLE_HEADER, jsonLine, renderTable, tableRow, tsvHeader, tsvRow, type OutputFormat } from "../../output/format.js";
import { codeArticles } from "../../pipeline/pool.js";
import { loadUserActors } from "../../lexicon/user-actors.js";
import { loadUserVerbs } from "../../stages/events/patterns.js";
import { readInputs } from "../../stages/ingest/index.js";
import { UsageError, writeOut, formatProblem } from "../io.js";

export const HELP = `usage: dyad extract [options] <file|folder|URL|->...

Codes dated news articles into political events.
Inputs are files, folders (recursively; dotfiles skipped), http(s) URLs or
"-" for stdin, each recognised by its content, not its name:
  JSON lines     {"id"?,"url"?,"date","title"?,"source"?,"text"} per line; streamed,
                 any size; a line over 8 MiB (DYAD_MAX_LINE_BYTES) is skipped as TOO_LARGE
  dated article  "date YYYY-MM-DD" then the text (files up to 64 MiB)
  plain text     with --date (files up to 64 MiB)
  HTML page      its main text, date and url from the page (up to 16 MiB)
  RSS/Atom feed  one article per item (up to 32 MiB)
  WARC archive   each HTML response with HTTP 200; other records skipped and tallied
  gzip           any of these inside (.gz); a cut-off stream keeps the records before it
  URL            fetched (30 s, 256 MiB), then read as above
Articles over 1,000,000 characters, and articles clearly not in English
(NOT_ENGLISH), are skipped. Every record that cannot be read is reported on
stderr as file:line: CODE: message, skipped and counted; the others are read.

options:
  --format jsonl|tsv|table   output format (default jsonl)
  --date YYYY-MM-DD          date for plain-text input without a date line
  --actors FILE              your own actors: [{"names":[…],"country":"IRN","sector":"GOV"}],
                             or a PETRARCH/TABARI actor or agent dictionary (repeat for several)
  --verbs FILE               your own verb patterns: dyad's JSON (as data/verbs.json) or a
                             PETRARCH/TABARI verb dictionary; they go before dyad's own
  --workers N                coding threads (default: all cores for large inputs)
`;

/**
 * Reads the user's verb and actor files once before coding, so a problem is
 * reported once, not by each thread. A bad JSON file is a usage error; a bad
 * line of a PETRARCH/TABARI dictionary is reported (file, line, problem) and
 * skipped, as PETRARCH does: the field's files carry a few typos. Returns the
 * coder options that skip them.
 */
export function checkUserDictionaries(verbs: string | undefined, actors: string[] | undefined): { skipBadDictionaryEntries?: boolean } {
  let skipped = 0;
  const onProblem = (e: Error) => { skipped++; process.stderr.write(`dyad: ${e.message} (line skipped)\n`); };
  try {
    if (verbs) loadUserVerbs(verbs, { onProblem });
  } catch (e) {
    throw new UsageError(`--verbs: ${(e as Error).message}`);
  }
  try {
    if (actors?.length) loadUserActors(actors, { onProblem });
  } catch (e) {
    throw new UsageError(`--actors: ${(e as Error).message}`);
  }
  return skipped ? { skipBadDictionaryEntries: true } : {};
}

/** Large inputs get all cores; a single article does not pay for starting threads. */
async function autoWorkers(paths: string[]): Promise<number> {
  let bytes = 0;
  for (const p of paths) {
    if (p === "-") continue;
    try {
      const st = await stat(p);
      bytes += st.isDirectory() ? 10_000_000 : st.size;
    } catch { /* reported by the reader */ }
  }
  return bytes > 2_000_000 ? Math.max(1, availableParallelism()) : 1;
}

export async function extractCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "jsonl" },
      date: { type: "string" },
      actors: { type: "string", multiple: true },
      verbs: { type: "string" },
      workers: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const format = values.format as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${OUTPUT_FORMATS.join(", ")}, got "${values.format}"`);
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date: expected YYYY-MM-DD, got "${values.date}"`);
  if (!positionals.length) throw new UsageError("expected at least one input: a file, a folder, or - for stdin");
  const dictOpts = checkUserDictionaries(values.verbs, values.actors);
  const workers = values.workers !== undefined ? Number(values.workers) : await autoWorkers(positionals);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers: expected a whole number ≥ 1, got "${values.workers}"`);

  let read = 0, problems = 0, events = 0, failed = 0;
  async function* articles(): AsyncGenerator<ArticleInput> {
    for await (const item of readInputs(positionals, { date: values.date })) {
      if (item.kind === "problem") {
        problems++;
        const p = item.problem;
        process.stderr.write(formatProblem(p) + "\n");
        continue;
      }
      read++;
      yield item.article;
    }
  }
  if (format === "tsv") await writeOut(tsvHeader() + "\n");
  let rows: string[][] = [];
  for await (const r of codeArticles(articles(), { workers, actorsFile: values.actors, verbsFile: values.verbs, ...dictOpts })) {
    if ("error" in r) {
      failed++;
      const o = r.article.origin;
      process.stderr.write(`${o?.file ?? r.article.id}${o?.line ? `:${o.line}` : ""}: CODER_ERROR: article ${r.article.id}: ${r.error}\n`);
      continue;
    }
    events += r.events.length;
    if (format === "jsonl") { if (r.events.length) await writeOut(r.events.map(jsonLine).join("\n") + "\n"); }
    else if (format === "tsv") { if (r.events.length) await writeOut(r.events.map(tsvRow).join("\n") + "\n"); }
    else {
      rows.push(...r.events.map(tableRow));
      if (rows.length >= 500) { await writeOut(renderTable(TABLE_HEADER, rows) + "\n"); rows = []; }
    }
  }
  if (format === "table") await writeOut((rows.length ? renderTable(TABLE_HEADER, rows) : "(no events)") + "\n");
  process.stderr.write(`dyad extract: ${read} article(s) coded, ${events} event(s), ${problems} input problem(s) skipped${failed ? `, ${failed} article(s) failed` : ""}\n`);
  return read === 0 ? 1 : 0;
}
