// `npm run eval`: codes the shared dev set and prints the shared scorer's
// table (P/R/F1 per type). Skips with a message when ../shared is absent.
// Then runs the peer test suites found in ../shared/peer-suites (plover-gsr,
// zsp, petrarch2) and prints each one's table, skipping any that is absent.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleInput } from "../doc/types.js";
import { ALL_SUITES, runSuite } from "../eval/run-suite.js";
import { codeArticles } from "../pipeline/pool.js";
import { readInputs } from "../stages/ingest/index.js";

const shared = process.env.DYAD_SHARED ?? fileURLToPath(new URL("../../../shared/", import.meta.url));
const gold = process.argv[2] ?? join(shared, "eval", "dev.jsonl");
const scorer = join(shared, "eval", "score.mjs");
const peerSuites = join(shared, "peer-suites");

/** The real-text sets scored beside the retold dev set, in a summary table after it. */
const REAL_SETS = ["dev-real-wikinews.jsonl", "dev-real-wcep.jsonl", "dev-real-whitehouse.jsonl"];

async function main(): Promise<void> {
  const rows: string[] = [];
  rows.push(await devSet(gold));
  if (!process.argv[2]) for (const f of REAL_SETS) {
    const path = join(shared, "eval", f);
    if (existsSync(path)) rows.push(await devSet(path, true));
  }
  if (rows.length > 1) console.log(`\nsummary (triples; the retold dev set first, then the real-text sets)\n${rows.join("\n")}`);
  peers();
}

/** Codes one gold set and scores it with the shared scorer; returns its summary row. */
async function devSet(gold: string, quiet = false): Promise<string> {
  if (!existsSync(gold) || !existsSync(scorer)) {
    console.log(`eval skipped: ${gold} or ${scorer} not found (the shared/ folder is not beside the project)`);
    return "";
  }
  async function* articles(): AsyncGenerator<ArticleInput> {
    for await (const it of readInputs([gold], {})) if (it.kind === "article") yield it.article;
  }
  const lines: string[] = [];
  for await (const r of codeArticles(articles(), { workers: 1 })) {
    if ("events" in r) for (const e of r.events) lines.push(JSON.stringify(e));
  }
  const out = join(mkdtempSync(join(tmpdir(), "dyad-eval-")), "events.jsonl");
  writeFileSync(out, lines.join("\n") + "\n");
  if (!quiet) console.log(`dev set: ${gold}\npredictions: ${out}\n`);
  const r = spawnSync(process.execPath, [scorer, "--gold", gold, "--pred", out, "--by-type"], { stdio: quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
  const triples = quiet ? /triples.*$/m.exec(r.stdout ?? "")?.[0] ?? "(no score)" : "";
  const name = gold.split("/").pop()!.padEnd(26);
  if (quiet) return `  ${name} ${triples}`;
  // the retold set's own row, read again quietly for the summary
  const again = spawnSync(process.execPath, [scorer, "--gold", gold, "--pred", out], { encoding: "utf8" });
  return `  ${name} ${/triples.*$/m.exec(again.stdout ?? "")?.[0] ?? "(no score)"}`;
}

/** The peer suites, each in its own format from its folder (never copied into the project). */
function peers(): void {
  for (const name of ALL_SUITES) {
    const dir = join(peerSuites, name);
    console.log("");
    if (!existsSync(dir)) {
      console.log(`suite ${name} skipped: ${dir} not found`);
      continue;
    }
    try {
      console.log(`$ dyad eval --suite ${name} --path ${dir}`);
      console.log(runSuite(name, dir).text);
    } catch (e) {
      console.log(`suite ${name} failed: ${(e as Error).message}`);
      process.exitCode = 1;
    }
  }
}
main();
