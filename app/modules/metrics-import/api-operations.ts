import { z } from "zod";
import type { ApiOperation } from "../api/openapi";
import { importQuerySchema } from "./import-schemas";
import { METRIC_FIELDS } from "./metric-fields";

const figures = {
  plays: z.number().nullable(),
  completionRate: z.number().nullable().describe("0..1"),
  avgWatchSeconds: z.number().nullable(),
  likes: z.number().nullable(),
  comments: z.number().nullable(),
  shares: z.number().nullable(),
  saves: z.number().nullable(),
  profileVisits: z.number().nullable(),
  followerGain: z.number().nullable(),
  reads: z.number().nullable(),
};
const importSchema = z.object({
  id: z.number(),
  platform: z.string().describe("The channel key"),
  channelName: z.string().nullable(),
  fileName: z.string(),
  encoding: z.enum(["utf-8-bom", "utf-8", "gb18030"]),
  asOfDay: z.string().describe("YYYY-MM-DD"),
  rowCount: z.number(),
  written: z.number(),
  status: z.enum(["preview", "applied", "undone"]),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
const counts = z.object({
  rows: z.number(),
  ready: z.number(),
  skipped: z.number(),
  blocked: z.number(),
  byUrl: z.number(),
  byPlatformId: z.number(),
  byTitle: z.number(),
  byManual: z.number(),
});
const previewSchema = z.object({
  platform: z.string(),
  asOfDay: z.string(),
  encoding: z.string(),
  columns: z.array(z.object({ header: z.string(), field: z.enum(METRIC_FIELDS).nullable() })),
  ignoredColumns: z.array(z.string()),
  counts,
  rows: z.array(
    z.object({
      row: z.number(),
      title: z.string().nullable(),
      url: z.string().nullable(),
      platformId: z.string().nullable(),
      figures: z.object(figures),
      match: z
        .object({
          pieceId: z.number(),
          pieceTitle: z.string(),
          slotId: z.number().nullable(),
          by: z.enum(["url", "platformId", "title", "manual"]),
        })
        .nullable(),
      skipped: z.boolean(),
      blocking: z.boolean(),
      problems: z.array(z.object({ problem: z.string(), message: z.string() })),
    }),
  ),
});

/** Platform metrics imports. */
export const metricsImportApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/imports",
    summary: "The history of platform imports, newest first",
    capability: "metrics.import",
    response: z.object({ items: z.array(importSchema) }),
  },
  {
    method: "post",
    path: "/api/v1/imports",
    summary:
      "Import a platform export (CSV, UTF-8 or GBK, at most 5 MB) sent as the body (Content-Type: text/csv) or as the file field of multipart/form-data. All or nothing: answers 201 with the import, or 400 naming the bad row; match=ROW:PIECE_ID or ROW:skip decides rows by hand; dryRun=1 answers the preview ({dryRun, preview}) and stores nothing",
    capability: "metrics.import",
    query: importQuerySchema,
    multipart: true,
    response: z.union([
      z.object({ import: importSchema, counts }),
      z.object({ dryRun: z.literal(true), preview: previewSchema }),
    ]),
  },
  {
    method: "get",
    path: "/api/v1/imports/{id}",
    summary: "One import and the figures it wrote, by CSV row",
    capability: "metrics.import",
    response: z.object({
      import: importSchema,
      rows: z.array(
        z.object({
          row: z.number(),
          pieceId: z.number(),
          pieceTitle: z.string(),
          slotId: z.number().nullable(),
          ...figures,
        }),
      ),
    }),
  },
  {
    method: "delete",
    path: "/api/v1/imports/{id}",
    summary:
      "Undo an applied import: its figures stop counting and each piece's platform figures are again those of its latest applied import; the record stays",
    capability: "metrics.import",
    response: z.object({ import: importSchema }),
  },
];
