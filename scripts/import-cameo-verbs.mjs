// Converts PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt, MIT, Open Event
// Data Alliance) into data/cameo-verbs.json: dyad verb patterns mapped to
// PLOVER by CAMEO root, with the dictionary's licence notice kept. Run after a
// build (it uses the compiled reader): npm run import:verbs [-- SRC [OUT]].
// The file's "use" section (which patterns the coder takes) is kept across
// runs: it is curated by hand from measurements on the dev sets.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parsePetrVerbs } from "../dist/lexicon/petrarch-dict.js";
import { petrarchPatterns, cameoVerbsFileSchema } from "../dist/stages/events/patterns.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = process.argv[2] ?? join(root, "..", "shared", "dictionaries", "phoenix", "CAMEO.2.0.txt");
const out = process.argv[3] ?? join(root, "data", "cameo-verbs.json");

const text = readFileSync(src, "utf8");
// the notice: the header's licence paragraph, from "The MIT License" to the end of the warranty text
const header = text.split(/\r?\n/).filter((l) => l.startsWith("#")).map((l) => l.replace(/^#\s?/, ""));
const start = header.findIndex((l) => /MIT License/.test(l));
const end = header.findIndex((l, i) => i > start && /OTHER DEALINGS IN THE SOFTWARE/.test(l));
if (start < 0 || end < 0) throw new Error(`${src}: no MIT licence notice found in its header`);
const notice = header.slice(start, end + 1).join("\n").trim();

const problems = [];
const dict = parsePetrVerbs(text, "CAMEO.2.0.txt", { onProblem: (e) => problems.push(e.message) });
const patterns = petrarchPatterns(dict, "cameo");

const previous = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : undefined;
const file = {
  version: 1,
  description:
    "Verb patterns imported from PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt) by scripts/import-cameo-verbs.mjs: each verb block's verbs with their default code, and each phrase pattern dyad can read (a particle, a light verb's object noun, the target's preposition), typed by CAMEO root. Patterns with context words before the verb, or codes outside CAMEO, are left out. The coder takes them after its own patterns (never where one of those fires), and only those 'use' lets through.",
  source: "openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt (2019-03-18 snapshot)",
  notice,
  use: previous?.use ?? { types: [], requireObject: true, deny: [] },
  patterns,
};
const checked = cameoVerbsFileSchema.safeParse(file);
if (!checked.success) throw new Error(`generated file does not validate: ${checked.error.issues[0].path.join(".")}: ${checked.error.issues[0].message}`);
writeFileSync(out, JSON.stringify(file, null, 0).replace(/\{"id"/g, '\n{"id"') + "\n");
process.stderr.write(`${relative(process.cwd(), out)}: ${patterns.length} patterns from ${dict.blocks.length} verb blocks; ${problems.length} dictionary lines skipped\n`);
for (const p of problems) process.stderr.write(`  skipped ${p}\n`);
