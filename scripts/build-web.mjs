// Builds the web explorer into dist/web/: esbuild bundles web/src/main.ts
// (with the world map's TopoJSON) into app.js with a sourcemap, and the page
// and its stylesheet are copied beside it. Nothing is fetched at run time, so
// the explorer works with no network. Type-checking the browser code is
// `tsc -p web/tsconfig.json` (run by src/explorer/web-types.test.ts).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "web");
const out = join(root, "dist/web");
const started = performance.now();

try {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(web, "src/main.ts")],
    outfile: join(out, "app.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    minify: true,
    sourcemap: true,
    legalComments: "none",
    logLevel: "silent",
  });
  for (const file of ["index.html", "app.css"]) copyFileSync(join(web, file), join(out, file));
} catch (e) {
  // esbuild's errors carry file, line and text; anything else (a missing file) its message.
  const errors = e?.errors?.length
    ? e.errors.map((m) => `  ${m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : ""}${m.text}`)
    : [`  ${e?.message ?? e}`];
  process.stderr.write(`build-web: could not build the web explorer (web/ → dist/web/):\n${errors.join("\n")}\n`);
  process.exit(1);
}

const kb = (f) => (statSync(join(out, f)).size / 1024).toFixed(0);
console.log(`build-web: ${relative(root, out)}/ app.js ${kb("app.js")} KB, app.css ${kb("app.css")} KB, index.html (${Math.round(performance.now() - started)} ms)`);
