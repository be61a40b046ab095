import type { PosterFields } from "./render/poster-catalog";

/**
 * A poster's copy as the piece's body: the words printed on it, one per line. The compliance
 * scan before a render, the review's scan and the originality check all read this text.
 */
export function posterBody(fields: PosterFields): string {
  return [fields.headline, fields.subline, fields.offer]
    .map((value) => (value ?? "").trim())
    .filter(Boolean)
    .join("\n");
}

/** Only the keys a template knows, trimmed, empty ones left out. */
export function cleanFields(fields: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["headline", "subline", "offer", "validFrom", "validTo"] as const) {
    const value = (fields[key] ?? "").trim();
    if (value) out[key] = value;
  }
  return out;
}
