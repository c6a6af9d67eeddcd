// `dyad eval --gold FILE`: codes the gold file's articles (or reads --pred)
// and scores them by the guideline's rules, as ../shared/eval/score.mjs does,
// with per-type figures, a confusion of types and the misses and false alarms.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { ArticleInput } from "../../doc/types.js";
import { formatReport, groupByArticle, score, type ScoredEvent } from "../../eval/score.js";
import { codeArticles } from "../../pipeline/pool.js";
import { ALL_SUITES, isSuite, runSuite, SuiteReadError } from "../../eval/run-suite.js";
import { readInputs } from "../../stages/ingest/index.js";
import { UsageError, writeOut } from "../io.js";
import { checkUserDictionaries } from "./extract.js";

export const HELP = `usage: dyad eval --gold GOLD.jsonl [--pred PRED.jsonl] [--errors] [--json]
       dyad eval --suite plover-gsr|zsp|petrarch2 --path DIR [--actors FILE] [--verbs FILE]

Scores dyad against gold annotations in the format of ../shared/eval/
(one article a line: {id, date, text, events: [...]}). Without --pred the
gold articles are coded by dyad first. Prints precision, recall and F1 on
(source country, type, target country) triples, per type; the last line is
"F1 <value>".

options:
  --gold FILE     gold annotations (JSON lines)
  --pred FILE     score these predictions instead of coding (events or articles, JSON lines)
  --errors        also print a confusion of types and every miss and false alarm
  --json          print the report as JSON
  --actors FILE   your own actors, for coding (JSON, or PETRARCH/TABARI actors or
                  agents; repeat for several)
  --verbs FILE    your own verb patterns, for coding (JSON, or a PETRARCH/TABARI
                  verb dictionary); they go before dyad's own
  --suite NAME    a peer test suite read in its own format: plover-gsr, zsp,
                  petrarch2 (PETRARCH-2's unit-test records, coded with the
                  suite's own verb, actor and agent dictionaries; see docs/accuracy.md)
  --path DIR      the suite's folder (e.g. ../shared/peer-suites/plover-gsr)
`;

type Row = { id?: string; article?: string; events?: ScoredEvent[] };

/** Reads JSON lines, failing with file and line on a bad one (a gold file must be whole). */
async function readRows(path: string): Promise<Row[]> {
  const rows: Row[] = [];
  let n = 0;
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      n++;
      if (!line.trim()) continue;
      try {
        rows.push(JSON.parse(line) as Row);
      } catch (e) {
        throw new UsageError(`${path}:${n}: BAD_JSON: expected one JSON object per line (${(e as Error).message})`);
      }
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return rows;
}

export async function evalCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      gold: { type: "string" }, pred: { type: "string" }, errors: { type: "boolean" }, json: { type: "boolean" },
      actors: { type: "string", multiple: true }, verbs: { type: "string" }, suite: { type: "string" }, path: { type: "string" }, help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const dictOpts = checkUserDictionaries(values.verbs, values.actors);
  if (values.suite !== undefined) return suiteCommand(values.suite, values.path, values.actors, values.verbs, !!values.json);
  if (!values.gold) throw new UsageError("--gold: expected a gold file (JSON lines)");
  const goldRows = await readRows(values.gold);
  let predRows: Row[];
  if (values.pred) predRows = await readRows(values.pred);
  else {
    predRows = [];
    async function* articles(): AsyncGenerator<ArticleInput> {
      for await (const it of readInputs([values.gold!], {})) {
        if (it.kind === "article") yield it.article;
        else process.stderr.write(`${it.problem.file}${it.problem.line ? `:${it.problem.line}` : ""}: ${it.problem.code}: ${it.problem.message}\n`);
      }
    }
    for await (const r of codeArticles(articles(), { workers: 1, actorsFile: values.actors, verbsFile: values.verbs, ...dictOpts })) {
      if ("events" in r) predRows.push(...(r.events as unknown as Row[]));
    }
  }
  const report = score(groupByArticle(goldRows), groupByArticle(predRows));
  await writeOut((values.json ? JSON.stringify(report) : formatReport(report, { byType: true, errors: values.errors })) + "\n");
  return 0;
}

/** Codes every sentence of a peer suite and prints its figures. */
async function suiteCommand(name: string, path: string | undefined, actorsFile: string[] | undefined, verbsFile: string | undefined, json: boolean): Promise<number> {
  if (!isSuite(name)) throw new UsageError(`--suite: expected one of ${ALL_SUITES.join(", ")}, got "${name}"`);
  if (!path) throw new UsageError("--path: expected the suite's folder");
  let run;
  try {
    run = runSuite(name, path, actorsFile, verbsFile);
  } catch (e) {
    if (e instanceof SuiteReadError) throw new UsageError(e.message);
    throw e;
  }
  await writeOut((json ? JSON.stringify(run.score) : run.text) + "\n");
  return 0;
}
