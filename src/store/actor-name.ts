// The name an actor is stored under: the person's or body's name where the
// coder found one, else the words of the text, except where those words do
// not name anyone ("it", "they", "the two sides"): then the country's name.
import type { Actor } from "../doc/types.js";
import { countryName } from "../lexicon/index.js";

const NOT_NAMES = /^(he|she|it|they|him|her|them|his|its|their|we|us|our|i|you|both|each)$|^(the )?(two|both) (sides|countries|governments|parties|nations|leaders)$|^(both|the) sides$/i;

export function storedActorName(a: Pick<Actor, "name" | "text" | "country">): string {
  if (a.name) return a.name;
  const text = a.text.trim();
  if (!text || NOT_NAMES.test(text)) return a.country === "IGO" ? text || "IGO" : countryName(a.country);
  return text;
}
