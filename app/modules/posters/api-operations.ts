import { z } from "zod";
import type { ApiOperation } from "../api/openapi";
import { jobSchema } from "../jobs/api-operations";
import { createPosterSchema, requestPosterRenderSchema, updatePosterSchema } from "./schemas";

const fieldSpecSchema = z.object({
  key: z.enum(["headline", "subline", "offer", "validFrom", "validTo"]),
  required: z.boolean(),
  maxChars: z.number().describe("characters (code points); longer text is refused naming the field"),
  minFontPx: z.number(),
  maxFontPx: z.number(),
});

const renderSchema = z.object({
  id: z.number(),
  number: z.number().describe("the version number; renders and finished uploads share one sequence"),
  source: z.enum(["template", "upload"]),
  state: z.enum(["done", "queued", "running", "failed", "cancelled"]),
  job: jobSchema.nullable(),
  imageUrl: z.string().nullable(),
  zipUrl: z.string().nullable().describe("every variant in one ZIP"),
  variants: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      source: z.string().describe("the QR code's ?src= value: poster-{id}-{key}"),
      imageUrl: z.string(),
    }),
  ),
  createdAt: z.string(),
});

const posterSchema = z.object({
  id: z.number(),
  title: z.string(),
  status: z.string(),
  template: z.string(),
  size: z.string(),
  fields: z.record(z.string(), z.string()),
  version: z.number(),
  renders: z.array(renderSchema),
  qr: z.object({ url: z.string(), printProblem: z.string().nullable() }),
});

/** API operations of the posters capability, for the OpenAPI document. */
export const posterApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/templates",
    summary: "Poster templates with their fields and limits, and the sizes",
    capability: "pieces.read",
    response: z.object({
      templates: z.array(
        z.object({ key: z.string(), usesPhoto: z.boolean(), fields: z.array(fieldSpecSchema) }),
      ),
      sizes: z.array(z.object({ key: z.string(), width: z.number(), height: z.number() })),
    }),
  },
  {
    method: "post",
    path: "/api/v1/posters",
    summary: "Create a poster piece from a template",
    capability: "pieces.create",
    body: createPosterSchema,
    response: posterSchema,
  },
  {
    method: "get",
    path: "/api/v1/posters/{id}",
    summary: "A poster: template, size, copy and its versions",
    capability: "pieces.read",
    response: posterSchema,
  },
  {
    method: "patch",
    path: "/api/v1/posters/{id}",
    summary: "Change a poster's template, size or copy (send the version you edited)",
    capability: "pieces.edit",
    body: updatePosterSchema,
    response: posterSchema,
  },
  {
    method: "post",
    path: "/api/v1/posters/{id}/renders",
    summary:
      "Render the poster as a job (and one variant per consultant or venue, each with its own QR source); copy with block findings or that does not fit is refused",
    capability: "renders.create",
    body: requestPosterRenderSchema,
    response: z.object({ job: jobSchema, renderId: z.number() }),
  },
  {
    method: "get",
    path: "/api/v1/posters/{id}/renders",
    summary: "A poster's versions with their job's progress and variants",
    capability: "pieces.read",
    response: z.object({ items: z.array(renderSchema) }),
  },
];
