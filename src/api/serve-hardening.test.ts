// Issue 11 through a real `dyad serve` process on a real SQLite file: posted
// syndicated copies are counted and their ids answer; a repeated parameter
// is refused; a 100 KB URL gets the API's JSON error; no page can be framed.
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/dyad.js");
const TOKEN = "serve-hardening-token";

describe("dyad serve (issue 11)", () => {
  let server: ChildProcess, base = "";
  before(async () => {
    const db = join(mkdtempSync(join(tmpdir(), "dyad-serve-")), "events.db");
    const made = spawnSync(process.execPath, [bin, "ingest", join(root, "test/fixtures/store/reports.jsonl"), "--db", db, "--workers", "1"], { encoding: "utf8" });
    assert.equal(made.status, 0, made.stderr);
    server = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0", "--token", TOKEN], { stdio: ["ignore", "pipe", "inherit"] });
    // the port is known once the server says where it listens
    let out = "";
    for await (const chunk of server.stdout!) {
      out += chunk;
      const m = /listening on (http:\/\/[^/]+)\//.exec(out);
      if (m) { base = m[1]; break; }
    }
    assert.ok(base, `no listening line: ${out}`);
  });
  after(async () => {
    if (server.exitCode === null) { server.kill("SIGTERM"); await once(server, "exit"); }
  });

  it("counts posted syndicated copies in its reply, and a copy's id answers (defect 8)", async () => {
    const records = readFileSync(join(root, "test/fixtures/store/syndicated.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const r = await fetch(`${base}/api/articles`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(records) });
    assert.equal(r.status, 200);
    const body = await r.json();
    assert.deepEqual([body.stored, body.copies, body.alreadyStored], [2, 2, 0]);
    const copy = await fetch(`${base}/api/articles/daily-busia`);
    assert.equal(copy.status, 200);
    const view = await copy.json();
    assert.equal(view.article.id, "wire-busia");
    assert.equal(view.copy.id, "daily-busia");
    assert.equal((await fetch(`${base}/api/articles/no-such-id`)).status, 404);
  });

  it("refuses a repeated query parameter instead of keeping its first value (defect 9)", async () => {
    const r = await fetch(`${base}/api/events?type=CONSULT&type=ACCUSE`);
    assert.equal(r.status, 400);
    const body = await r.json();
    assert.equal(body.error.param, "type");
    assert.match(body.error.message, /given 2 times; give it once .*type=CONSULT,ACCUSE/);
  });

  it("answers a 100 KB URL with the API's JSON error, not Node's bare 431 (defect 9)", async () => {
    // node:http, since fetch refuses some over-long URLs itself
    const { status, type, text } = await new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
      const req = request(`${base}/api/events?text=${"a".repeat(100_000)}`, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, type: String(res.headers["content-type"]), text }));
      });
      req.on("error", reject);
      req.end();
    });
    assert.equal(status, 431);
    assert.match(type, /application\/json/);
    assert.match(JSON.parse(text).error.message, /over the server's limit/);
    // and the server goes on serving
    assert.equal((await fetch(`${base}/api/health`)).status, 200);
  });

  it("forbids framing its pages (defect 9)", async () => {
    const api = await fetch(`${base}/api/health`);
    assert.equal(api.headers.get("x-frame-options"), "DENY");
    const page = await fetch(`${base}/`);
    assert.equal(page.headers.get("x-frame-options"), "DENY");
    if (page.status === 200) assert.match(page.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/);
  });
});
