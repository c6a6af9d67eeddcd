// Small helpers shared by the CLI commands: errors a user can act on, and
// writing to stdout with back-pressure (so `dyad extract | head` stays small).
export class UsageError extends Error {}

/**
 * Writes to stdout and resolves once the data is taken (or drained). A write
 * error is reported through the write's own callback, so no listener is left
 * on stdout per call (one per call leaked: MaxListenersExceededWarning).
 */
export function writeOut(s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let drained = false, written = false;
    const done = () => { if (drained && written) resolve(); };
    const ok = process.stdout.write(s, (err) => {
      if (err) { process.stdout.off("drain", onDrain); reject(err); return; }
      written = true;
      done();
    });
    const onDrain = () => { drained = true; done(); };
    if (ok) drained = true;
    else process.stdout.once("drain", onDrain);
  });
}

/** A reader's problem as one line: file:line: CODE: message. */
export function formatProblem(p: { file: string; line?: number; code: string; message: string }): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}: ${p.code}: ${p.message}`;
}
