// The HTTP API and the explorer page, one hono app over an EventStore: JSON
// under /api/, the built page (dist/web) at /. Reads are open; writes (coding
// and storing new articles) are off unless the server has a token.
import { timingSafeEqual, createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Duplex } from "node:stream";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { countryName } from "../lexicon/index.js";
import { csvLine } from "../output/delimited.js";
import { EVENT_COLUMNS, eventCells } from "../output/stored-events.js";
import type { Coder } from "../pipeline/coder.js";
import { coderVersion } from "../pipeline/coder-version.js";
import { ingestArticles } from "../pipeline/store-ingest.js";
import { parseJsonLine, type IngestItem } from "../stages/ingest/index.js";
import { StoreError } from "../store/errors.js";
import { FilterError } from "../store/filter.js";
import type { EventStore, InputProblemLike } from "./types.js";
import { FILTER_KEYS, encodeCursor, filterParams, intParam, intervalParam, onlyKnown, pageParams } from "./params.js";
import { openApiDocument } from "./openapi.js";

export interface ServerOptions {
  store: EventStore;
  /** Folder of the built explorer page (index.html, app.js …); the page is not served without it. */
  webDir?: string;
  /** Bearer token that allows POST /api/articles; writes are off without one. */
  token?: string;
  /** Loads the coder for POST /api/articles, once, on first use. */
  loadCoder?: () => Coder;
  /** Largest request body, in bytes (default 10 MB). */
  maxBodyBytes?: number;
}

const F = FILTER_KEYS as readonly string[];
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json", ".map": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

function apiError(c: Context, status: 400 | 401 | 403 | 404 | 413 | 500 | 503, message: string, param?: string) {
  return c.json({ error: { ...(param ? { param } : {}), message } }, status);
}

const sameToken = (given: string, token: string) => {
  // compare digests so the time taken says nothing about the token
  const a = createHash("sha256").update(given).digest(), b = createHash("sha256").update(token).digest();
  return timingSafeEqual(a, b);
};

/**
 * Answers requests that Node's HTTP parser refuses before the app sees them
 * (a 100 KB URL, malformed requests) with the API's JSON error instead of
 * Node's bare status line.
 * @example answerClientErrors(serve({ fetch: app.fetch, port }))
 */
export function answerClientErrors(server: { on(event: "clientError", f: (e: NodeJS.ErrnoException, socket: Duplex) => void): unknown }): void {
  server.on("clientError", (e, socket) => {
    if (!socket.writable) { socket.destroy(); return; }
    const [status, text, message] = e.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", "the request line and headers are over the server's limit (16 KB by default): shorten the URL, or send fewer or shorter headers"]
      : e.code === "ERR_HTTP_REQUEST_TIMEOUT" ? [408, "Request Timeout", "the request took too long to arrive"]
      : [400, "Bad Request", `the request is not valid HTTP (${e.code ?? e.message})`];
    const body = JSON.stringify({ error: { message } });
    socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

/**
 * The app: mount it with @hono/node-server's `serve`, or call `app.request()` in tests.
 * @example serve({ fetch: createApp({ store }).fetch, port: 8080 })
 */
export function createApp(opts: ServerOptions): Hono {
  const { store } = opts;
  const app = new Hono();
  let coder: Coder | undefined;

  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    // no page of ours may be framed by another site (clickjacking); CSP's frame-ancestors below too
    c.header("X-Frame-Options", "DENY");
  });

  app.onError((e, c) => {
    if (e instanceof FilterError) return apiError(c, 400, e.message, e.param);
    if (e instanceof StoreError) return apiError(c, e.code === "LOCKED" ? 503 : 500, e.message);
    process.stderr.write(`dyad serve: ${c.req.method} ${c.req.path}: ${(e as Error).stack ?? e}\n`);
    return apiError(c, 500, "internal error; see the server's log");
  });

  // a parameter given twice is refused: keeping one of the values silently
  // would answer another question than the one asked
  const q = (c: Context) => {
    for (const [k, v] of Object.entries(c.req.queries())) {
      if (v.length > 1) throw new FilterError(k, `given ${v.length} times; give it once (a list is one value, comma-separated: ${k}=${v.join(",")})`);
    }
    return c.req.query() as Record<string, string>;
  };

  app.get("/api/health", async (c) => {
    onlyKnown(q(c), []);
    const s = await store.stats();
    return c.json({ ok: true, store: store.location, ...s, coderVersion: (await store.getMeta("coder_version")) ?? null, serverCoder: coderVersion() });
  });

  app.get("/api/events", async (c) => {
    const p = q(c);
    onlyKnown(p, [...F, "limit", "order", "cursor", "total"]);
    const filter = filterParams(p);
    const page = pageParams(p);
    if (p.total !== undefined && p.total !== "true" && p.total !== "false") throw new FilterError("total", `expected true or false; got "${p.total}"`);
    // one more than asked tells whether another page exists
    const events = await store.events(filter, { ...page, limit: page.limit + 1 });
    const more = events.length > page.limit;
    if (more) events.pop();
    const last = events[events.length - 1];
    return c.json({
      events,
      nextCursor: more && last ? encodeCursor({ date: last.date, id: last.id }, page.order) : null,
      ...(p.total === "true" ? { total: await store.countEvents(filter) } : {}),
    });
  });

  app.get("/api/events.csv", async (c) => {
    const p = q(c);
    onlyKnown(p, [...F, "order"]);
    const filter = filterParams(p);
    const order = pageParams({ order: p.order ?? "asc" }).order;
    // paged by keyset, so no statement stays open between chunks while other requests run
    let after: { date: string; id: number } | undefined;
    let done = false;
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(ctl) { ctl.enqueue(enc.encode(csvLine([...EVENT_COLUMNS]) + "\n")); },
      async pull(ctl) {
        if (done) { ctl.close(); return; }
        const page = await store.events(filter, { limit: 2000, order, after });
        if (page.length < 2000) done = true;
        if (page.length) {
          ctl.enqueue(enc.encode(page.map((e) => csvLine(eventCells(e))).join("\n") + "\n"));
          const l = page[page.length - 1];
          after = { date: l.date, id: l.id };
        }
        if (done) ctl.close();
      },
    });
    return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="dyad-events.csv"' } });
  });

  app.get("/api/events/:id", async (c) => {
    onlyKnown(q(c), []);
    const raw = c.req.param("id");
    if (!/^\d{1,15}$/.test(raw)) return apiError(c, 400, `id: expected an event id (a whole number); got "${raw}"`, "id");
    const found = await store.event(Number(raw));
    return found ? c.json(found) : apiError(c, 404, `no event ${raw}`);
  });

  app.get("/api/articles/:id", async (c) => {
    onlyKnown(q(c), []);
    const id = c.req.param("id");
    const found = await store.article(id);
    return found ? c.json(found) : apiError(c, 404, `no article "${id}"`);
  });

  app.get("/api/dyads", async (c) => {
    const p = q(c);
    onlyKnown(p, [...F, "top"]);
    const dyads = await store.dyads(filterParams(p), intParam(p, "top", 50, 1, 500));
    return c.json({ dyads: dyads.map((d) => ({ ...d, aName: countryName(d.a), bName: countryName(d.b) })) });
  });

  app.get("/api/timeline", async (c) => {
    const p = q(c);
    onlyKnown(p, [...F, "by"]);
    const by = intervalParam(p);
    return c.json({ by, rows: await store.timeline(filterParams(p), by) });
  });

  app.get("/api/actors", async (c) => {
    const p = q(c);
    onlyKnown(p, [...F, "top"]);
    const actors = await store.actors(filterParams(p), intParam(p, "top", 100, 1, 1000));
    return c.json({ actors: actors.map((a) => ({ ...a, name: countryName(a.country) })) });
  });

  app.get("/api/places", async (c) => {
    const p = q(c);
    onlyKnown(p, [...F, "top"]);
    return c.json({ places: await store.places(filterParams(p), intParam(p, "top", 500, 1, 5000)) });
  });

  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));

  app.post("/api/articles", bodyLimit({
    maxSize: opts.maxBodyBytes ?? 10 * 1024 * 1024,
    onError: (c) => apiError(c, 413, `the body is over ${opts.maxBodyBytes ?? 10 * 1024 * 1024} bytes; send fewer articles at a time`),
  }), async (c) => {
    if (!opts.token) return apiError(c, 403, "writes are off: start the server with --token (or DYAD_TOKEN) to allow POST /api/articles");
    const auth = c.req.header("Authorization") ?? "";
    const given = /^Bearer (.+)$/.exec(auth)?.[1];
    if (!given || !sameToken(given, opts.token)) return apiError(c, 401, "expected the header Authorization: Bearer <token> with the server's token");
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (e) {
      return apiError(c, 400, `the body is not JSON (${(e as Error).message})`, "body");
    }
    const records = Array.isArray(body) ? body : [body];
    if (!records.length) return apiError(c, 400, "expected an article or a list of articles", "body");
    const items: IngestItem[] = records.map((r, i) => parseJsonLine(JSON.stringify(r ?? null), { file: "body", line: i + 1 }) ?? {
      kind: "problem", problem: { file: "body", line: i + 1, code: "EMPTY_TEXT", message: "empty record" },
    });
    const problems: InputProblemLike[] = [];
    coder ??= opts.loadCoder?.();
    const stats = await ingestArticles(store, (async function* () { yield* items; })(), {
      workers: 1, coder, merge: { windowDays: Number((await store.getMeta("merge_window_days")) ?? 0) },
      onProblem: (pr) => problems.push({ index: (pr.line ?? 1) - 1, code: pr.code, message: pr.message }),
      onCoderError: (a, m) => problems.push({ index: -1, code: "CODER_ERROR", message: `article ${a.id}: ${m}` }),
    });
    if (stats.stored) await store.setMeta("coder_version", coderVersion());
    const status = stats.read === 0 ? 400 : 200;
    // copies are stored too (their ids answer GET /api/articles/{id}), just not coded again
    return c.json({
      stored: stats.stored, copies: stats.copies, alreadyStored: stats.alreadyStored, alreadyStoredBy: stats.alreadyStoredBy,
      newEvents: stats.newEvents, mergedMentions: stats.mergedMentions, problems,
    }, status);
  });

  app.all("/api/*", (c) => apiError(c, 404, `no such endpoint: ${c.req.method} ${c.req.path} (see /api/openapi.json)`));

  app.get("/*", async (c) => {
    if (!opts.webDir) return c.text("the explorer page is not built; run npm run build", 404);
    const name = c.req.path === "/" ? "index.html" : c.req.path.slice(1);
    // only files at the top of the built folder: no path can leave it
    if (!/^[\w][\w.-]*$/.test(name)) return c.text("not found", 404);
    try {
      const data = await readFile(join(opts.webDir, name));
      c.header("Content-Type", CONTENT_TYPES[extname(name)] ?? "application/octet-stream");
      if (name === "index.html") {
        c.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; connect-src 'self'; frame-ancestors 'none'");
        c.header("Cache-Control", "no-cache");
      }
      return c.body(data);
    } catch {
      return c.text("not found", 404);
    }
  });

  return app;
}
