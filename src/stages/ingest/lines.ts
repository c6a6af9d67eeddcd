// Lines of a byte stream, one at a time. readline's own async iterator reads
// up to 1024 lines ahead of a slow consumer, which for a JSONL file of 1 MB
// lines is a gigabyte; here the input is paused after every line, so at most
// one chunk's worth of lines (plus the line being built) is held.
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

/**
 * Yields the lines of `input` without their line endings ("\n", "\r\n" or
 * "\r", mixed freely). A read error is thrown after the lines before it.
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  // crlfDelay: Infinity keeps a "\r\n" split across two chunks one line break.
  const rl = createInterface({ input, crlfDelay: Infinity });
  const queue: string[] = [];
  let closed = false;
  let failed = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  rl.on("line", (line: string) => {
    queue.push(line);
    rl.pause();
    notify();
  });
  rl.on("close", () => {
    closed = true;
    notify();
  });
  const onError = (err: unknown) => {
    failed = true;
    failure = err;
    notify();
  };
  // readline re-emits input errors on itself, where an unheard one would be
  // an uncaught exception; the input is heard too, for errors after close.
  rl.on("error", onError);
  input.on("error", onError);
  try {
    for (;;) {
      if (queue.length > 0) {
        yield queue.shift() as string;
        continue;
      }
      if (failed) throw failure;
      if (closed) return;
      const woken = new Promise<void>((resolve) => (wake = resolve));
      rl.resume();
      await woken;
    }
  } finally {
    // onError stays attached: an error after an early return must not become
    // an uncaught "error" event that kills the process.
    rl.close();
  }
}
