// The model file: gzip of a magic string, a JSON header, then per weight table
// the non-zero rows (varint row deltas) and their weights quantised to int16
// with one scale per table. Row deltas and weights are stored as separate
// streams because each compresses better alone.
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { Perceptron } from "./perceptron.js";
import { Parser } from "./parser.js";
import { Tagger, UPOS } from "./tagger.js";

const MAGIC = "DYADPARSE1";

/** A model file that cannot be used: names the file and what is wrong with it. */
export class ModelLoadError extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`parser model ${path}: ${problem}`);
    this.name = "ModelLoadError";
    this.path = path;
  }
}

export interface ParserModel {
  tagger: Tagger;
  parser: Parser;
  meta: Record<string, unknown>;
}

interface TableHeader { name: string; rowsLog2: number; nClasses: number; nRows: number; scale: number; rowBytes: number }
interface Header { magic: string; upos: string[]; labels: string[]; cands: Record<string, number[]>; tagdict: number[]; tables: TableHeader[]; meta: Record<string, unknown> }

function encodeTable(name: string, p: Perceptron): { h: TableHeader; rows: Buffer; vals: Buffer } {
  const w = p.w, nc = p.nClasses;
  let max = 0;
  for (let i = 0; i < w.length; i++) { const a = Math.abs(w[i]); if (a > max) max = a; }
  const scale = max > 0 ? max / 32767 : 1;
  // Two passes: count the non-zero rows, then fill typed arrays of known size.
  const keep = new Uint8Array(p.rows);
  let nRows = 0;
  for (let r = 0; r < p.rows; r++) {
    for (let k = 0; k < nc; k++) if (Math.round(w[r * nc + k] / scale) !== 0) { keep[r] = 1; nRows++; break; }
  }
  const rb = Buffer.alloc(nRows * 5);
  const q = new Int16Array(nRows * nc);
  let last = -1, bi = 0, j = 0;
  for (let r = 0; r < p.rows; r++) {
    if (!keep[r]) continue;
    let d = r - last; last = r;
    while (d >= 0x80) { rb[bi++] = (d & 0x7f) | 0x80; d >>>= 7; }
    rb[bi++] = d;
    for (let k = 0; k < nc; k++) q[j++] = Math.round(w[r * nc + k] / scale);
  }
  const rows = rb.subarray(0, bi);
  const vb = Buffer.from(q.buffer, q.byteOffset, q.byteLength);
  return { h: { name, rowsLog2: p.rowsLog2, nClasses: nc, nRows, scale, rowBytes: rows.length }, rows, vals: vb };
}

/** Serialises a trained (averaged) model to gzip bytes; same model → same bytes. */
export function serializeModel(m: ParserModel): Buffer {
  const parts = [encodeTable("tagger", m.tagger.model), encodeTable("trans", m.parser.trans), encodeTable("labeller", m.parser.labeller)];
  const cands: Record<string, number[]> = {};
  m.parser.cands.forEach((c, k) => { if (c) cands[k] = [...c]; });
  const tagdict = [...m.tagger.dict].flat();
  const header: Header = { magic: MAGIC, upos: [...UPOS], labels: [...m.parser.labels], cands, tagdict, tables: parts.map((p) => p.h), meta: m.meta };
  const hb = Buffer.from(JSON.stringify(header), "utf8");
  const len = Buffer.alloc(4); len.writeUInt32LE(hb.length, 0);
  const body = Buffer.concat([Buffer.from(MAGIC, "latin1"), len, hb, ...parts.flatMap((p) => [p.rows, p.vals])]);
  return gzipSync(body, { level: 9 });
}

function decodeTable(path: string, h: TableHeader, buf: Buffer, pos: number): { p: Perceptron; pos: number } {
  const { nRows, nClasses: nc } = h;
  if (pos + h.rowBytes + nRows * nc * 2 > buf.length) throw new ModelLoadError(path, `truncated in table "${h.name}"`);
  const rows = new Int32Array(nRows);
  let r = -1, p = pos;
  for (let j = 0; j < nRows; j++) {
    let d = 0, shift = 0, b: number;
    do { b = buf[p++]; d += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    r += d; rows[j] = r;
  }
  if (p !== pos + h.rowBytes) throw new ModelLoadError(path, `corrupt row index in table "${h.name}"`);
  // The 3-class transition table is kept dense (one cache line per feature); wider tables packed.
  return { p: Perceptron.load(h.rowsLog2, nc, rows, buf.subarray(p, p + nRows * nc * 2), h.scale, nc <= 4), pos: p + nRows * nc * 2 };
}

/** Decodes model bytes (gzip); `path` is only for error messages. */
export function deserializeModel(gz: Buffer, path: string): ParserModel {
  let buf: Buffer;
  try { buf = gunzipSync(gz); } catch (e) { throw new ModelLoadError(path, `not a gzip file or corrupt (${(e as Error).message})`); }
  if (buf.length < MAGIC.length + 4 || buf.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new ModelLoadError(path, `not a dyad parser model (bad magic)`);
  const hl = buf.readUInt32LE(MAGIC.length);
  let header: Header;
  try { header = JSON.parse(buf.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + hl)) as Header; } catch { throw new ModelLoadError(path, "corrupt header"); }
  if (header.upos?.join() !== UPOS.join()) throw new ModelLoadError(path, "tag set differs from this version of dyad");
  let pos = MAGIC.length + 4 + hl;
  const tabs: Record<string, Perceptron> = {};
  for (const t of header.tables) { const d = decodeTable(path, t, buf, pos); tabs[t.name] = d.p; pos = d.pos; }
  if (!tabs.tagger || !tabs.trans || !tabs.labeller) throw new ModelLoadError(path, "missing weight tables");
  if (pos !== buf.length) throw new ModelLoadError(path, "trailing bytes after the weight tables");
  const cands: (Int32Array | null)[] = new Array(2 * 32 * 32).fill(null);
  for (const [k, v] of Object.entries(header.cands ?? {})) cands[Number(k)] = Int32Array.from(v);
  const dict = new Map<number, number>();
  const td = header.tagdict ?? [];
  for (let i = 0; i + 1 < td.length; i += 2) dict.set(td[i], td[i + 1]);
  return { tagger: new Tagger(tabs.tagger, dict), parser: new Parser(tabs.trans, tabs.labeller, header.labels, cands), meta: header.meta };
}

/** Reads a model file; a missing, unreadable or corrupt file is a ModelLoadError naming it. */
export function loadModelFile(path: string): ParserModel {
  let gz: Buffer;
  try { gz = readFileSync(path); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelLoadError(path, code === "ENOENT" ? "file not found (run `npm run train:parser` to build it)" : `cannot read (${(e as Error).message})`);
  }
  return deserializeModel(gz, path);
}
