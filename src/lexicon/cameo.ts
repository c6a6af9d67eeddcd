// data/cameo.json: the CAMEO codebook (roots, 3- and 4-digit codes) with the
// Goldstein value and quad class of each code, and each PLOVER type's default
// CAMEO code and quad class.
import { z } from "zod";
import type { PlovType } from "../doc/types.js";
import { header, note, PLOV_TYPES } from "./common.js";
import { loadJsonFile } from "./json-file.js";

const quadSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Quad = z.output<typeof quadSchema>;

/** The quad class CAMEO gives a root: 01–05 verbal cooperation … 14–20 material conflict. */
export function rootQuad(code: string): Quad {
  const root = Number(code.slice(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

export const cameoCodeSchema = z
  .strictObject({
    code: z.string().regex(/^(0[1-9]|1\d|20)(\d{1,2})?$/, "expected a CAMEO code: a root 01–20 and up to two more digits"),
    name: z.string().min(1),
    goldstein: z.number().min(-10).max(10),
    quad: quadSchema,
    note,
  })
  .refine((c) => c.quad === rootQuad(c.code), { message: "quad does not match the code's root (01–05: 1, 06–08: 2, 09–13: 3, 14–20: 4)", path: ["quad"] });

const ploverEntrySchema = z.strictObject({ cameo: z.string(), quad: quadSchema, note });

export const cameoFileSchema = z
  .strictObject({
    ...header,
    codes: z.array(cameoCodeSchema),
    plover: z.strictObject(Object.fromEntries(PLOV_TYPES.map((t) => [t, ploverEntrySchema])) as Record<PlovType, typeof ploverEntrySchema>),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.codes.forEach((c, i) => {
      if (seen.has(c.code)) ctx.addIssue({ code: "custom", path: ["codes", i, "code"], message: `duplicate code "${c.code}"` });
      seen.add(c.code);
    });
    f.codes.forEach((c, i) => {
      if (c.code.length > 2 && !seen.has(c.code.slice(0, -1)))
        ctx.addIssue({ code: "custom", path: ["codes", i, "code"], message: `code "${c.code}" has no parent code in the file` });
    });
    for (const t of PLOV_TYPES) {
      const m = f.plover[t];
      if (!seen.has(m.cameo)) ctx.addIssue({ code: "custom", path: ["plover", t, "cameo"], message: `CAMEO code "${m.cameo}" is not in codes` });
    }
  });

export interface CameoCode {
  name: string;
  goldstein: number;
  quad: Quad;
}

export interface Cameo {
  /** Every code (roots "01"…"20", "010"…"204", and 4-digit codes) by code. */
  codes: Map<string, CameoCode>;
  /** Each PLOVER type's default CAMEO code and its quad class (the guideline's). */
  plover: Record<PlovType, { cameo: string; quad: Quad }>;
}

export function loadCameo(file: string): Cameo {
  const f = loadJsonFile(file, cameoFileSchema);
  const codes = new Map<string, CameoCode>(f.codes.map((c) => [c.code, { name: c.name, goldstein: c.goldstein, quad: c.quad }]));
  const plover = Object.fromEntries(PLOV_TYPES.map((t) => [t, { cameo: f.plover[t].cameo, quad: f.plover[t].quad }])) as Cameo["plover"];
  return { codes, plover };
}
