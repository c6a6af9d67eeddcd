// Reads a versioned JSON data file and checks it against a zod schema, so that
// a broken data file fails at load time with the file, the JSON path of the
// bad entry and its line, instead of misbehaving later in the coder.
import { readFileSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import type { z } from "zod";

/** A data file that could not be read, parsed or validated. */
export class LexiconError extends Error {
  constructor(
    message: string,
    /** The file as shown in the message. */
    readonly file: string,
    /** JSON path of the first bad value, e.g. `roles[17].sector`. */
    readonly jsonPath?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "LexiconError";
  }
}

/** The path as shown in messages: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Reads and parses a JSON file; a syntax error names the file, line and column.
 * @example const raw = readJsonFile("data/roles.json");
 */
export function readJsonFile(file: string): { data: unknown; text: string } {
  const shown = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new LexiconError(`${shown}: cannot read file: ${(e as Error).message}`, shown);
  }
  try {
    return { data: JSON.parse(text), text };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const { line, column } = lc ? { line: +lc[1], column: +lc[2] } : lineColumn(text, pos ? +pos[1] : text.length);
    const reason = msg.replace(/\s*in JSON at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)/, "");
    throw new LexiconError(`${shown}: invalid JSON at line ${line}, column ${column}: ${reason}`, shown, undefined, line, column);
  }
}

/** `roles[17].sector` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (typeof p === "string" && /^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || "(top level)";
}

function valueAt(data: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let cur: unknown = data;
  for (const p of path) {
    if (cur === null || typeof cur !== "object" || !(p in (cur as object))) return { found: false };
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return { found: true, value: cur };
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + "..." : s;
}

/** One zod issue in words: what was expected and what was found. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const at = valueAt(data, issue.path);
  const got = at.found ? show(at.value) : "nothing";
  switch (issue.code) {
    case "invalid_value":
      return `expected ${issue.values.length === 1 ? show(issue.values[0]) : "one of " + issue.values.map((v) => String(v)).join(", ")}, got ${got}`;
    case "invalid_type":
      return at.found ? `expected ${issue.expected}, got ${got}` : `missing ${issue.expected}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "custom":
    default:
      return at.found && issue.code !== "custom" ? `${issue.message}, got ${got}` : issue.message;
  }
}

/**
 * Finds where the value at `path` starts in the JSON text (a small scanner
 * over well-formed JSON), so a schema error can name its line.
 */
export function locate(text: string, path: readonly PropertyKey[]): number | undefined {
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skip = (): void => {
    ws();
    const c = text[i];
    if (c === '"') { str(); return; }
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++; ws();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (c === "{") { ws(); str(); ws(); i++; }
        skip(); ws();
        if (text[i] === ",") { i++; continue; }
        i++; return;
      }
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  };
  for (const key of path) {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      let found = false;
      for (;;) {
        ws();
        if (text[i] === "}") return undefined;
        const k = str(); ws(); i++;
        if (k === String(key)) { found = true; break; }
        skip(); ws();
        if (text[i] === ",") i++;
      }
      if (!found) return undefined;
    } else if (c === "[" && typeof key === "number") {
      i++;
      for (let n = 0; n < key; n++) {
        ws();
        if (text[i] === "]") return undefined;
        skip(); ws();
        if (text[i] === ",") i++;
      }
    } else return undefined;
  }
  ws();
  return i < text.length ? i : undefined;
}

/**
 * Checks parsed data against a schema; on failure throws a LexiconError like
 * `data/roles.json: roles[17].sector: expected one of GOV, MIL, …, got "GOVT" (line 212, column 18)`.
 */
export function validate<S extends z.ZodType>(schema: S, data: unknown, file: string, text?: string): z.output<S> {
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const shown = displayPath(file);
  const issues = res.error.issues;
  const lines = issues.slice(0, 5).map((iss) => {
    const where = formatPath(iss.path);
    let pos = "";
    if (text !== undefined) {
      // point at the deepest part of the path that exists in the text
      for (let n = iss.path.length; n >= 0; n--) {
        const off = locate(text, iss.path.slice(0, n));
        if (off !== undefined) { const lc = lineColumn(text, off); pos = ` (line ${lc.line}, column ${lc.column})`; break; }
      }
    }
    return `${shown}: ${where}: ${describeIssue(iss, data)}${pos}`;
  });
  if (issues.length > 5) lines.push(`… and ${issues.length - 5} more problems`);
  const first = issues[0];
  const firstLine = text !== undefined ? locate(text, first.path) : undefined;
  const lc = firstLine !== undefined && text !== undefined ? lineColumn(text, firstLine) : undefined;
  throw new LexiconError(lines.join("\n"), shown, formatPath(first.path), lc?.line, lc?.column);
}

/** Reads, parses and validates one data file. */
export function loadJsonFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const { data, text } = readJsonFile(file);
  return validate(schema, data, file, text);
}
