// Colours and names shared by the views: the four quad classes (blues for
// cooperation, reds for conflict) and a diverging scale for Goldstein scores.
export const QUADS = [
  { q: 1, name: "verbal cooperation", short: "verbal coop", color: "#6baed6" },
  { q: 2, name: "material cooperation", short: "material coop", color: "#1f5fa8" },
  { q: 3, name: "verbal conflict", short: "verbal conflict", color: "#f08a5d" },
  { q: 4, name: "material conflict", short: "material conflict", color: "#b8262f" },
] as const;

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
] as const;

export const SECTORS = [
  "GOV", "MIL", "LEG", "JUD", "POL", "OPP", "PTY", "REB", "BUS", "MED", "NGO", "CIV", "REL", "EDU", "HLH", "IGO", "OTH",
] as const;

type Rgb = [number, number, number];
const RED: Rgb = [184, 38, 47], GREY: Rgb = [190, 190, 190], BLUE: Rgb = [31, 95, 168];
const mix = (a: Rgb, b: Rgb, t: number) => `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * t)).join(",")})`;

/** Red (−10, conflict) through grey (0) to blue (+10, cooperation). */
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  return t < 0 ? mix(GREY, RED, Math.sqrt(-t)) : mix(GREY, BLUE, Math.sqrt(t));
}

/** Blue (all cooperation) through grey to red (all conflict), from a share of conflict events 0–1. */
export function conflictShareColor(share: number): string {
  return goldsteinColor(10 - 20 * share);
}
