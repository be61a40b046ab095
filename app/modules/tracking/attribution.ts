/**
 * Where a visitor came from, read from a landing page's address: `?src=` (a channel key,
 * `poster-{id}-{consultant}`, `ebook-{id}`, `live-{id}`, as the tracked-link helper writes them)
 * and the UTM parameters. Events and leads store the same attribution, so a lead joins the
 * plays of the channel that brought it.
 */
export interface Attribution {
  /** The `src` value, or "direct" when there is none or it is not one the studio writes. */
  source: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  /** The consultant of a poster's QR code (`poster-12-wangfang` → "wangfang"); null otherwise. */
  consultant: string | null;
}

export const DIRECT_SOURCE = "direct";
/** The shape of every `src` the studio writes (the tracked-link helper refuses others). */
export const SOURCE_PATTERN = /^[a-z0-9-]{1,64}$/;
const UTM_MAX = 100;
const POSTER_SOURCE = /^poster-\d+-([a-z0-9-]+)$/;

/** A `src` as stored: lower-cased and checked; anything else counts as direct. */
export function normaliseSource(value: string | null | undefined): string {
  const source = (value ?? "").trim().toLowerCase();
  return SOURCE_PATTERN.test(source) ? source : DIRECT_SOURCE;
}

function utm(value: string | null | undefined): string | null {
  const cleaned = (value ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return cleaned ? cleaned.slice(0, UTM_MAX) : null;
}

export function consultantOf(source: string): string | null {
  return POSTER_SOURCE.exec(source)?.[1] ?? null;
}

/** Attribution from explicit values (an API body) or a page's query string. */
export function attributionFrom(input: {
  src?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
}): Attribution {
  const source = normaliseSource(input.src);
  return {
    source,
    utmSource: utm(input.utmSource),
    utmMedium: utm(input.utmMedium),
    utmCampaign: utm(input.utmCampaign),
    consultant: consultantOf(source),
  };
}

export function attributionFromSearch(search: URLSearchParams): Attribution {
  return attributionFrom({
    src: search.get("src"),
    utmSource: search.get("utm_source"),
    utmMedium: search.get("utm_medium"),
    utmCampaign: search.get("utm_campaign"),
  });
}
