// ISO 3166 alpha-2 to alpha-3, from i18n-iso-countries, with the codes news
// data needs that ISO leaves out (Kosovo's user-assigned XK/XKX).
import countries from "i18n-iso-countries";

const EXTRA: Record<string, string> = { XK: "XKX" };

export function alpha2ToAlpha3(a2: string): string | undefined {
  return EXTRA[a2] ?? countries.alpha2ToAlpha3(a2) ?? undefined;
}
