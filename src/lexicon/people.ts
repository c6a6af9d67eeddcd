// data/people.json: people whose country and office a well-informed reader
// knows, with dated periods where their office or side changed.
import { z } from "zod";
import { actorCountrySchema, header, isoDate, note, sectorSchema, surfaceForm } from "./common.js";
import { loadJsonFile } from "./json-file.js";

export const periodSchema = z
  .strictObject({
    /** First day (inclusive); open when absent. */
    from: isoDate.optional(),
    /** Last day (exclusive: the day the office changed hands); open when absent. */
    to: isoDate.optional(),
    sector: sectorSchema.optional(),
    role: z.string().optional(),
    country: actorCountrySchema.optional(),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "period ends before it starts", path: ["to"] });

export const personSchema = z.strictObject({
  /** Full name as usually written in English-language news. */
  name: surfaceForm,
  /** Other forms used alone: the surname, a short form ("Modi", "MBS"). */
  aliases: z.array(surfaceForm).optional(),
  /** Country served; IGO for officials of intergovernmental organisations. */
  country: actorCountrySchema,
  /** Sector when no period applies (usually the latest or best-known one). */
  sector: sectorSchema,
  role: z.string().optional(),
  /** Dated spells that override country, sector and role within their dates. */
  periods: z.array(periodSchema).optional(),
  note,
});

export const peopleFileSchema = z
  .strictObject({ ...header, people: z.array(personSchema) })
  .superRefine((f, ctx) => {
    const seen = new Map<string, number>();
    f.people.forEach((p, i) => {
      const prev = seen.get(p.name.toLowerCase());
      if (prev !== undefined) ctx.addIssue({ code: "custom", path: ["people", i, "name"], message: `duplicate person "${p.name}" (also people[${prev}])` });
      else seen.set(p.name.toLowerCase(), i);
    });
  });

export type PersonPeriod = z.output<typeof periodSchema>;
export type PersonEntry = z.output<typeof personSchema>;

export function loadPeople(file: string): PersonEntry[] {
  return loadJsonFile(file, peopleFileSchema).people;
}

/**
 * The person's country, sector and role on a date: the period covering the
 * date (the last one listed wins; its role, if any, replaces the entry's),
 * else the entry's defaults.
 * @example personOn(imranKhan, "2020-01-01").sector // "GOV"
 */
export function personOn(p: PersonEntry, date: string): { country: string; sector: PersonEntry["sector"]; role?: string } {
  let hit: PersonPeriod | undefined;
  for (const per of p.periods ?? []) {
    if ((!per.from || per.from <= date) && (!per.to || date < per.to)) hit = per;
  }
  return { country: hit?.country ?? p.country, sector: hit?.sector ?? p.sector, role: hit ? hit.role : p.role };
}
