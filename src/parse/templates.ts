// Feature templates as data: each template names the atoms (context values
// such as "s0w", the word on top of the stack) it conjoins. A state fills an
// atom vector once; every template is then hashed in one tight loop, with no
// function calls or strings per feature.
import { fin } from "./hash.js";

export interface Templates {
  atoms: readonly string[];
  /** Flattened: for each template, its atom count then the atom indices. */
  flat: Int32Array;
  seeds: Int32Array;
  count: number;
}

export function compileTemplates(atoms: readonly string[], spec: string): Templates {
  const at = new Map(atoms.map((a, i) => [a, i]));
  const rows = spec.split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
  const flat: number[] = [];
  rows.forEach((r) => {
    const names = r.split(/\s+/);
    flat.push(names.length);
    for (const n of names) { const i = at.get(n); if (i === undefined) throw new Error(`template "${r}": unknown atom "${n}"`); flat.push(i); }
  });
  return { atoms, flat: Int32Array.from(flat), seeds: Int32Array.from(rows, (_, t) => fin(t * 0x9e3779b1 + 0x632be5ab) | 0), count: rows.length };
}

/** Hashes every template over the atom values into rows (& mask) in `out`; returns the count. */
export function hashAll(tp: Templates, ctx: Int32Array, mask: number, out: Int32Array): number {
  const flat = tp.flat, seeds = tp.seeds, n = tp.count;
  let p = 0;
  for (let t = 0; t < n; t++) {
    let h = seeds[t];
    const len = flat[p++];
    for (let j = 0; j < len; j++) {
      h = Math.imul(h ^ ctx[flat[p++]], 0x5bd1e995);
      h ^= h >>> 15;
    }
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    out[t] = h & mask;
  }
  return n;
}
