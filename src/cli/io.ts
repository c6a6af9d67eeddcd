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
