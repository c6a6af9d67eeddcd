// Delimited text: RFC 4180 CSV (quoted where needed) and TSV (tabs and line
// breaks inside a cell become spaces, as GDELT's and ICEWS's files do).

export type Cell = string | number | undefined | null;

const text = (v: Cell) => (v === undefined || v === null ? "" : String(v));

export function csvLine(cells: Cell[]): string {
  return cells.map((c) => {
    const s = text(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(",");
}

export function tsvLine(cells: Cell[]): string {
  return cells.map((c) => text(c).replace(/[\t\r\n]+/g, " ")).join("\t");
}
