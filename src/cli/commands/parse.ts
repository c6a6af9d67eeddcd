// `dyad parse`: dyad's own tagger and dependency parser. On articles (the same
// inputs as `dyad extract`) it prints CoNLL-U; with --eval it parses a gold
// CoNLL-U file from its words and prints UPOS accuracy, UAS and LAS.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readConllu, writeConllu } from "../../parse/conllu.js";
import { evaluate } from "../../parse/evaluate.js";
import { DEFAULT_MODEL_PATH, getModel } from "../../parse/index.js";
import { analyse } from "../../stages/analyse/analyse.js";
import { readInputs } from "../../stages/ingest/index.js";
import { UsageError, writeOut, formatProblem } from "../io.js";

export const HELP = `usage: dyad parse [options] <file|folder|->...
       dyad parse --eval GOLD.conllu [--out PRED.conllu]

Tags and parses text into Universal Dependencies, printed as CoNLL-U: one
block per sentence, sent_id "<article id>/<sentence>", columns ID FORM LEMMA
UPOS XPOS(wink-nlp's tag) _ HEAD DEPREL _ MISC(TokenRange=start:end, character
offsets in the article text). Inputs as for "dyad extract".

With --eval, parses each gold sentence from its word forms, with dyad's own
predicted tags (the gold tags are not read), and prints UPOS accuracy, UAS and
LAS over all tokens, punctuation included (as CoNLL 2018).

options:
  --date YYYY-MM-DD   date for plain-text input without a date line
  --eval FILE         score against a gold CoNLL-U file
  --out FILE          with --eval: also write the predicted CoNLL-U there
  --model FILE        model file (default: ${DEFAULT_MODEL_PATH.replace(/.*\/data\//, "data/")})
`;

export async function parseCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: "string" },
      eval: { type: "string" },
      out: { type: "string" },
      model: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const model = getModel(values.model ?? DEFAULT_MODEL_PATH);

  if (values.eval !== undefined) {
    if (positionals.length) throw new UsageError("--eval takes no other inputs");
    let text: string;
    try { text = readFileSync(values.eval, "utf8"); } catch (e) { throw new UsageError(`--eval: cannot read ${values.eval}: ${(e as Error).message}`); }
    const gold = readConllu(text, values.eval);
    if (!gold.length) throw new UsageError(`--eval: no sentences in ${values.eval}`);
    const pred: string[] = [];
    const r = evaluate(gold, model, values.out ? (g, p) => pred.push(writeConllu({ ...p, words: g.words, text: g.text, sentId: g.sentId })) : undefined);
    if (values.out) { const { writeFileSync } = await import("node:fs"); writeFileSync(values.out, pred.join("")); }
    await writeOut(
      `${values.eval}: ${r.sentences} sentences, ${r.tokens} tokens (all tokens scored, punctuation included)\n` +
      `UPOS ${r.upos.toFixed(4)}  UAS ${r.uas.toFixed(4)}  LAS ${r.las.toFixed(4)}\n` +
      `without punctuation: UAS ${r.uasNoPunct.toFixed(4)}  LAS ${r.lasNoPunct.toFixed(4)}\n` +
      `${Math.round(r.tokensPerSec).toLocaleString("en-US")} tokens/s tagging+parsing (one cold pass; see npm run bench)\n`);
    return 0;
  }

  if (!positionals.length) throw new UsageError("expected at least one input: a file, a folder, or - for stdin; or --eval GOLD.conllu");
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date: expected YYYY-MM-DD, got "${values.date}"`);
  let read = 0, problems = 0;
  for await (const item of readInputs(positionals, { date: values.date })) {
    if (item.kind === "problem") { problems++; process.stderr.write(formatProblem(item.problem) + "\n"); continue; }
    read++;
    const doc = analyse(item.article);
    let out = `# newdoc id = ${item.article.id}\n`;
    for (const s of doc.sentences) {
      const toks = doc.tokens.slice(s.tokStart, s.tokEnd).filter((t) => t.dep !== undefined);
      const local = new Map(toks.map((t, j) => [t.i, j]));
      out += `# sent_id = ${item.article.id}/${s.i + 1}\n# text = ${s.text.replace(/\s+/g, " ")}\n`;
      toks.forEach((t, j) => {
        const h = t.head! < 0 ? 0 : local.get(t.head!)! + 1;
        out += `${j + 1}\t${t.text}\t${t.lemma}\t${t.upos}\t${t.pos}\t_\t${h}\t${t.dep}\t_\tTokenRange=${t.start}:${t.end}\n`;
      });
      out += "\n";
    }
    await writeOut(out);
  }
  process.stderr.write(`dyad parse: ${read} article(s) parsed, ${problems} input problem(s) skipped\n`);
  return read === 0 ? 1 : 0;
}
