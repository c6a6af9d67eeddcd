// The explorer's browser code (web/src, bundled by esbuild without a type
// check) type-checks under its own strict DOM tsconfig, against the store's
// JSON types, so a change to the API's shapes breaks the build here.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("web explorer source", () => {
  it("type-checks with web/tsconfig.json (strict, lib dom)", () => {
    const r = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "web/tsconfig.json")], { encoding: "utf8" });
    assert.equal(r.status, 0, `tsc -p web/tsconfig.json:\n${r.stdout}${r.stderr}`);
  });
});
