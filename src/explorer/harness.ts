// What the explorer's end-to-end tests run against: a store built by a real
// `dyad ingest`, a real `dyad serve` on a free port, and headless Chromium
// (playwright-core, the system's browser) with a fresh profile.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

export const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/dyad.js");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SHOTS = join(root, "test-results");

/** The store's input: the fixture always, the shared dev set and seed article when present. */
export const INPUTS = {
  reports: join(root, "test/fixtures/store/reports.jsonl"),
  dev: join(root, "../shared/eval/dev.jsonl"),
  seed: join(root, "../shared/examples/seed-article.txt"),
};
export const hasSeed = existsSync(INPUTS.seed);

export interface Served {
  url: string;
  stop: () => Promise<void>;
}

/** Codes the inputs into a new store in a temp folder and serves it; resolves with the URL the server printed. */
export async function serveStore(): Promise<Served> {
  if (!existsSync(join(root, "dist/web/index.html"))) throw new Error("dist/web/index.html is missing: run `node scripts/build-web.mjs` (npm test does) first");
  const dir = mkdtempSync(join(tmpdir(), "dyad-explorer-"));
  const db = join(dir, "events.db");
  const files = [INPUTS.dev, INPUTS.seed].filter((f) => existsSync(f)).concat(INPUTS.reports);
  const ingest = spawnSync(process.execPath, [bin, "ingest", ...files, "--db", db, "--workers", "1"], { encoding: "utf8" });
  if (ingest.status !== 0) throw new Error(`dyad ingest failed (${ingest.status}): ${ingest.stderr}`);

  const server: ChildProcess = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0", "--host", "127.0.0.1"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  server.stderr!.on("data", (d) => { stderr += d; });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`dyad serve printed no URL in 15 s; stderr: ${stderr}`)), 15_000);
    server.stdout!.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+\/)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.once("exit", (code) => { clearTimeout(timer); reject(new Error(`dyad serve exited (${code}) before listening: ${stderr}`)); });
  });
  return {
    url,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once("exit", r));
        server.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  // launch() starts Chromium with a fresh temporary profile, removed on close
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

export interface Watched {
  page: Page;
  /** Uncaught errors and console errors (other than the browser's note on a refused request), and requests to other hosts. */
  problems: string[];
}

/** A new page that records what should never happen: script errors, and any request that leaves the server. */
export async function watchedPage(browser: Browser, base: string): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const host = new URL(base).host;
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error" && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol !== "data:" && u.host !== host) problems.push(`request to another host: ${r.url()}`);
  });
  return { page, problems };
}

/** Opens a view by its hash and waits until it has drawn its data. */
export async function open(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(base + hash);
  await ready(page, hash);
}

/** Waits for the view the hash names to be drawn (main#view[data-ready]). */
export async function ready(page: Page, hash: string): Promise<void> {
  await page.waitForFunction((h) => location.hash === h && document.getElementById("view")?.dataset.ready === h.slice(2).split(/[/?]/)[0], hash, { timeout: 10_000 });
}

export async function getJson<T>(base: string, path: string): Promise<T> {
  const r = await fetch(new URL(path, base));
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return await r.json() as T;
}
