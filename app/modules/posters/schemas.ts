import { z } from "zod";
import { POSTER_TEMPLATE_KEYS, type PosterTemplateKey } from "./render/poster-catalog";

/** Sizes a poster piece is rendered at as a PNG (the A4 print PDF is a download of the same copy). */
export const POSTER_PIECE_SIZES = ["moments", "story", "xiaohongshu"] as const;

const HEX = /^#[0-9a-fA-F]{6}$/;
const fieldText = z.string().trim().max(200).optional();

export const posterFieldsSchema = z.object({
  headline: fieldText,
  subline: fieldText,
  offer: fieldText,
  validFrom: fieldText,
  validTo: fieldText,
});

export const templateKeySchema = z.enum(POSTER_TEMPLATE_KEYS as [PosterTemplateKey, ...PosterTemplateKey[]]);

/** One schema for the new-poster form and POST /api/v1/posters. */
export const createPosterSchema = z.object({
  title: z.string().trim().min(1).max(120),
  template: templateKeySchema,
  size: z.enum(POSTER_PIECE_SIZES).default("moments"),
  fields: posterFieldsSchema.default({}),
});
export type CreatePosterInput = z.infer<typeof createPosterSchema>;

/** One schema for the poster editor and PATCH /api/v1/posters/{id}: send the version you edited. */
export const updatePosterSchema = z.object({
  version: z.coerce.number().int().positive(),
  title: z.string().trim().min(1).max(120).optional(),
  template: templateKeySchema.optional(),
  size: z.enum(POSTER_PIECE_SIZES).optional(),
  fields: posterFieldsSchema.optional(),
});
export type UpdatePosterInput = z.infer<typeof updatePosterSchema>;

/** The most variants one render makes (each is a full PNG render). */
export const MAX_VARIANTS = 100;

/** A variant per consultant (a sales user, by id) or per venue (free text). */
export const variantRequestSchema = z.union([
  z.object({ consultantId: z.number().int().positive() }),
  z.object({ venue: z.string().trim().min(1).max(40) }),
]);
export type VariantRequest = z.infer<typeof variantRequestSchema>;

export const requestPosterRenderSchema = z.object({
  variants: z.array(variantRequestSchema).max(MAX_VARIANTS).optional(),
});
export type RequestPosterRenderInput = z.infer<typeof requestPosterRenderSchema>;

export const brandKitSchema = z.object({
  /** The kit's version the editor saw: 0 before the first save. */
  version: z.coerce.number().int().nonnegative(),
  dealerName: z.string().trim().min(1).max(40),
  primaryColor: z.string().trim().regex(HEX),
  accentColor: z.string().trim().regex(HEX),
  textColor: z.string().trim().regex(HEX),
  hotline: z.string().trim().max(30).default(""),
  address: z.string().trim().max(60).default(""),
  /** A key of POSTER_FONTS, checked by the save (an unknown face is a field error); absent keeps the kit's. */
  font: z.string().trim().max(40).optional(),
});
export type BrandKitInput = z.infer<typeof brandKitSchema>;

/** Upload limits: bytes before anything is decoded, pixels from the header before it is stored. */
export const POSTER_IMAGE_LIMITS = {
  photo: { maxBytes: 8 * 1024 * 1024, maxPixels: 24_000_000 },
  logo: { maxBytes: 1 * 1024 * 1024, maxPixels: 4_000_000 },
  finished: { maxBytes: 15 * 1024 * 1024, maxPixels: 40_000_000 },
} as const;
export type PosterImageRole = keyof typeof POSTER_IMAGE_LIMITS;

/** The poster editor's form: the copy as flat fields (the API takes them as `fields`). */
export const posterFormSchema = z
  .object({
    version: z.coerce.number().int().positive(),
    title: z.string().trim().min(1).max(120),
    template: templateKeySchema,
    size: z.enum(POSTER_PIECE_SIZES),
  })
  .extend(posterFieldsSchema.shape)
  .transform(({ headline, subline, offer, validFrom, validTo, ...rest }): UpdatePosterInput => ({
    ...rest,
    fields: { headline, subline, offer, validFrom, validTo },
  }));

/** The render form: consultants picked by id, venues one per line. */
export const posterRenderFormSchema = z
  .object({
    // Mantine's MultiSelect posts its values joined by commas.
    consultants: z.preprocess(
      (v) =>
        [v ?? []]
          .flat()
          .flatMap((item) => String(item).split(","))
          .filter(Boolean),
      z.array(z.coerce.number().int().positive()),
    ),
    venues: z.string().max(4000).default(""),
  })
  .transform(({ consultants, venues }): RequestPosterRenderInput => ({
    variants: [
      ...consultants.map((consultantId) => ({ consultantId })),
      ...venues
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((venue) => ({ venue })),
    ],
  }));
