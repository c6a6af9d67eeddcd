// data/groups.json: named non-state groups, parties, agencies and media with
// the country they belong to or operate in.
import { z } from "zod";
import { actorCountrySchema, checkCaseSensitive, header, note, sectorSchema, surfaceForm } from "./common.js";
import { loadJsonFile } from "./json-file.js";

export const groupSchema = z
  .strictObject({
    names: z.array(surfaceForm).min(1),
    /** ISO3 (or IGO); null when the group takes the country of the article's context (ICRC, Islamic State). */
    country: actorCountrySchema.nullable(),
    sector: sectorSchema,
    caseSensitive: z.array(z.string()).optional(),
    note,
  })
  .superRefine((e, ctx) => checkCaseSensitive(e.names, e.caseSensitive, ctx));

export const groupsFileSchema = z
  .strictObject({ ...header, groups: z.array(groupSchema) })
  .superRefine((f, ctx) => {
    const seen = new Map<string, number>();
    f.groups.forEach((g, i) =>
      g.names.forEach((n, j) => {
        const k = g.caseSensitive?.includes(n) ? n : n.toLowerCase();
        const prev = seen.get(k);
        if (prev !== undefined && prev !== i) ctx.addIssue({ code: "custom", path: ["groups", i, "names", j], message: `name "${n}" is also in groups[${prev}]` });
        else seen.set(k, i);
      }),
    );
  });

export type GroupEntry = z.output<typeof groupSchema>;

export function loadGroups(file: string): GroupEntry[] {
  return loadJsonFile(file, groupsFileSchema).groups;
}
