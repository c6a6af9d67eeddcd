// `dyad serve`: the HTTP API and the explorer page over a store, until stopped.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { answerClientErrors, createApp } from "../../api/server.js";
import { createCoder } from "../../pipeline/coder.js";
import { UsageError } from "../io.js";
import { DB_OPTION, dbLocation, intOption, openStore } from "../store-options.js";

export const HELP = `usage: dyad serve [--db FILE] [--port 8080] [--host 127.0.0.1] [--token TOKEN]

Serves the explorer page at / and the JSON API under /api/ (described at
/api/openapi.json) over a store. Reads are open to anyone who can reach the
port; POST /api/articles (code and store new articles) is off unless a token
is given (--token or DYAD_TOKEN), and then needs "Authorization: Bearer TOKEN".

options:
  --db FILE        the store (default $DYAD_DB or ./dyad.db)
  --port N         port (default 8080; 0 picks a free one)
  --host ADDRESS   address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --token TOKEN    allow writes with this bearer token
  --actors FILE    your own actors, for coding posted articles
`;

const WEB_DIR = fileURLToPath(new URL("../../web/", import.meta.url));

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, port: { type: "string" }, host: { type: "string", default: "127.0.0.1" }, token: { type: "string" }, actors: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = intOption("port", values.port, 8080, 0, 65535);
  const token = values.token ?? process.env.DYAD_TOKEN;
  if (token !== undefined && token.length < 8) throw new UsageError("--token: use at least 8 characters");
  // without a token nothing is written, so the store is opened read-only
  const store = await openStore(values.db, false, { readonly: token === undefined });
  const webDir = existsSync(WEB_DIR + "index.html") ? WEB_DIR : undefined;
  if (!webDir) process.stderr.write(`dyad serve: the explorer page is not built (no ${WEB_DIR}index.html); run "npm run build". The API still works.\n`);
  const app = createApp({ store, webDir, token, loadCoder: () => createCoder({ actorsFile: values.actors }) });

  return await new Promise<number>((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: values.host }, (info) => {
      const host = values.host!.includes(":") ? `[${values.host}]` : values.host;
      process.stdout.write(`dyad serve: listening on http://${host}:${info.port}/ (store ${dbLocation(values.db)}${token ? ", writes allowed with the token" : ""})\n`);
    });
    answerClientErrors(server);
    server.on("error", (e: NodeJS.ErrnoException) => {
      const why = e.code === "EADDRINUSE" ? `port ${port} is in use; choose another with --port` : e.code === "EACCES" ? `no permission to listen on port ${port}; use a port above 1023` : e.message;
      process.stderr.write(`dyad serve: ${why}\n`);
      void store.close();
      resolve(1);
    });
    const stop = () => {
      server.close(() => { void store.close().then(() => resolve(0)); });
      // idle keep-alive connections must not hold the process open
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
