// Which coder made a store's events: dyad's version and a fingerprint of the
// data files (lexicon, verb patterns), so a store can tell when its events
// came from another coder and suggest recoding them.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATA_DIR } from "../lexicon/index.js";

let cached: string | undefined;

/** "0.1.0+3f2a9c1d": the package version and the first 8 hex digits of a hash of data/*.json. */
export function coderVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8")) as { version: string };
  const h = createHash("sha1");
  for (const f of readdirSync(DEFAULT_DATA_DIR).filter((n) => n.endsWith(".json")).sort()) {
    h.update(f).update(readFileSync(join(DEFAULT_DATA_DIR, f)));
  }
  cached = `${pkg.version}+${h.digest("hex").slice(0, 8)}`;
  return cached;
}
