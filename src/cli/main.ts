// The dyad command line: one module per command, this file only dispatches.
import { evalCommand, HELP as EVAL_HELP } from "./commands/eval.js";
import { extractCommand, HELP as EXTRACT_HELP } from "./commands/extract.js";
import { UsageError } from "./io.js";

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  extract: { run: extractCommand, help: EXTRACT_HELP },
  eval: { run: evalCommand, help: EVAL_HELP },
};

const USAGE = `usage: dyad <command> [options]

commands:
  extract   code dated news articles into events (JSON lines, TSV or a table)
  eval      score dyad against gold annotations (P/R/F1 per type, misses, confusion)

Run "dyad <command> --help" for a command's options.
`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") { process.stdout.write(USAGE); return cmd ? 0 : 2; }
  const c = COMMANDS[cmd];
  if (!c) { process.stderr.write(`dyad: unknown command "${cmd}"\n\n${USAGE}`); return 2; }
  try {
    return await c.run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`dyad ${cmd}: ${(e as Error).message}\n\n${c.help}`);
      return 2;
    }
    throw e;
  }
}

// EPIPE (e.g. piping into `head`) is a normal end of output, not a crash.
process.stdout.on("error", (e: NodeJS.ErrnoException) => { if (e.code === "EPIPE") process.exit(0); });
main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`dyad: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
