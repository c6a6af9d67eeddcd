// `npm run eval`: codes the shared dev set and prints the shared scorer's
// table (P/R/F1 per type). Skips with a message when ../shared is absent.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleInput } from "../doc/types.js";
import { codeArticles } from "../pipeline/pool.js";
import { readInputs } from "../stages/ingest/index.js";

const shared = process.env.DYAD_SHARED ?? fileURLToPath(new URL("../../../shared/", import.meta.url));
const gold = process.argv[2] ?? join(shared, "eval", "dev.jsonl");
const scorer = join(shared, "eval", "score.mjs");

async function main(): Promise<void> {
  if (!existsSync(gold) || !existsSync(scorer)) {
    console.log(`eval skipped: ${gold} or ${scorer} not found (the shared/ folder is not beside the project)`);
    return;
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
  console.log(`dev set: ${gold}\npredictions: ${out}\n`);
  const r = spawnSync(process.execPath, [scorer, "--gold", gold, "--pred", out, "--by-type"], { stdio: "inherit" });
  process.exitCode = r.status ?? 1;
}
main();
