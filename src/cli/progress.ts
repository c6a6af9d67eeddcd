// A one-line progress display on stderr for long runs: articles/s, events,
// errors and, when the input size is known, the share done and an ETA.
// Redrawn in place on a terminal; silent when stderr is a pipe or a file.

export interface ProgressFigures {
  done: number;
  events: number;
  errors: number;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h ? `${h}:${String(m).padStart(2, "0")}:${String(r).padStart(2, "0")}` : `${m}:${String(r).padStart(2, "0")}`;
}

/** The progress line for these figures after `elapsed` seconds, out of `total` when known. */
export function progressLine(label: string, f: ProgressFigures, elapsed: number, total?: number): string {
  const rate = elapsed > 0 ? f.done / elapsed : 0;
  const n = (x: number) => x.toLocaleString("en-US");
  let s = `${label}: ${n(f.done)}`;
  if (total) {
    const pct = Math.min(100, (100 * f.done) / total);
    const width = 20, filled = Math.round((pct / 100) * width);
    s = `${label}: [${"#".repeat(filled)}${".".repeat(width - filled)}] ${n(f.done)}/${n(total)} (${pct.toFixed(0)}%)`;
  }
  s += ` articles · ${rate.toFixed(0)} art/s · ${n(f.events)} events · ${n(f.errors)} errors`;
  if (total && rate > 0) s += ` · ETA ${formatDuration((total - f.done) / rate)}`;
  return s;
}

export class Progress {
  private readonly start = Date.now();
  private last = 0;
  total?: number;

  constructor(private readonly label: string, private readonly enabled: boolean) {}

  update(f: ProgressFigures, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 250) return;
    this.last = now;
    process.stderr.write(`\r\x1b[2K${progressLine(this.label, f, (now - this.start) / 1000, this.total)}`);
  }

  /** Clears the line so the closing summary starts clean. */
  end(): void {
    if (this.enabled) process.stderr.write("\r\x1b[2K");
  }
}
