// Small helpers shared by the CLI commands: errors a user can act on, and
// writing to stdout with back-pressure (so `dyad extract | head` stays small).
export class UsageError extends Error {}

export function writeOut(s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once("drain", resolve);
    process.stdout.once("error", reject);
  });
}

/** A reader's problem as one line: file:line: CODE: message. */
export function formatProblem(p: { file: string; line?: number; code: string; message: string }): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}: ${p.code}: ${p.message}`;
}
