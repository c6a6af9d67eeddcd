// data/roles.json: titles and role nouns ("foreign minister", "police",
// "protester") and the sector they stand for.
import { z } from "zod";
import { header, note, sectorSchema } from "./common.js";
import { loadJsonFile } from "./json-file.js";

export const roleSchema = z.strictObject({
  /** Lower-case singular words, as lemmas: "foreign minister". */
  words: z
    .string()
    .min(1)
    .refine((w) => w === w.toLowerCase(), "expected lower-case words")
    .refine((w) => w.trim() === w && !/\s{2}/.test(w), "expected single spaces between words"),
  sector: sectorSchema,
  /** The title usually precedes a name: "Foreign Minister X", "General X". */
  titleBeforeName: z.boolean().optional(),
  /** A collective or plural-only noun (police, people, armed forces): no plural is generated. */
  plural: z.boolean().optional(),
  /** Stands for an unnamed actor unless the text names or claims it ("gunmen"). */
  unidentifiedByDefault: z.boolean().optional(),
  note,
});

export const rolesFileSchema = z
  .strictObject({ ...header, roles: z.array(roleSchema) })
  .superRefine((f, ctx) => {
    const seen = new Map<string, number>();
    f.roles.forEach((r, i) => {
      if (seen.has(r.words)) ctx.addIssue({ code: "custom", path: ["roles", i, "words"], message: `duplicate role "${r.words}" (also roles[${seen.get(r.words)}])` });
      else seen.set(r.words, i);
    });
  });

export type RoleEntry = z.output<typeof roleSchema>;

export function loadRoles(file: string): RoleEntry[] {
  return loadJsonFile(file, rolesFileSchema).roles;
}
