// data/igos.json: intergovernmental organisations, their organs and agencies.
import { z } from "zod";
import { checkCaseSensitive, header, note, surfaceForm } from "./common.js";
import { loadJsonFile } from "./json-file.js";

export const igoSchema = z
  .strictObject({
    /** Short code, unique in the file: UN, EU, ECOWAS. */
    code: z.string().regex(/^[A-Z0-9][A-Za-z0-9-]*$/, "expected a short code of letters, digits and hyphens"),
    names: z.array(surfaceForm).min(1),
    /** Names matched only in exactly this case (acronyms that are also words: WHO). */
    caseSensitive: z.array(z.string()).optional(),
    /** Code of the organisation this body belongs to (UNSC → UN). */
    parent: z.string().optional(),
    note,
  })
  .superRefine((e, ctx) => checkCaseSensitive(e.names, e.caseSensitive, ctx));

export const igosFileSchema = z
  .strictObject({ ...header, igos: z.array(igoSchema) })
  .superRefine((f, ctx) => {
    const seen = new Map<string, number>();
    f.igos.forEach((e, i) => {
      if (seen.has(e.code)) ctx.addIssue({ code: "custom", path: ["igos", i, "code"], message: `duplicate code "${e.code}" (also igos[${seen.get(e.code)}])` });
      else seen.set(e.code, i);
    });
    f.igos.forEach((e, i) => {
      if (e.parent && !seen.has(e.parent)) ctx.addIssue({ code: "custom", path: ["igos", i, "parent"], message: `unknown parent code "${e.parent}"` });
    });
  });

export type IgoEntry = z.output<typeof igoSchema>;

export function loadIgos(file: string): IgoEntry[] {
  return loadJsonFile(file, igosFileSchema).igos;
}
