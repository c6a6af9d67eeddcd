// The countries in the store (from /api/actors), fetched once per page load:
// they fill the pickers and name the codes the other routes return.
import { api, type NamedActor } from "./api.js";

let all: Promise<NamedActor[]> | undefined;

/** Every country that is a source or target of some event, busiest first. */
export function storeCountries(): Promise<NamedActor[]> {
  all ??= api.actors({ top: 1000 }).then((r) => r.actors, (e) => { all = undefined; throw e; });
  return all;
}

export function countryName(list: NamedActor[], code: string): string {
  return list.find((c) => c.country === code)?.name ?? code;
}
