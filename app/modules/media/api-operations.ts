import { z } from "zod";
import type { ApiOperation } from "../api/openapi";
import { jobSchema } from "../jobs/api-operations";
import { SHORT_SCRIPT_FITS, saveScriptSchema, updateEpisodeSchema } from "./episode-script";
import { requestRenderSchema } from "./page-schemas";

const mediaAssetSchema = z.object({
  id: z.number(),
  role: z.string(),
  kind: z.enum(["video", "image", "audio"]),
  originalName: z.string(),
  bytes: z.number(),
  durationSeconds: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  hasAudio: z.boolean(),
  position: z.number(),
  verifyStatus: z
    .enum(["pending", "verified", "failed"])
    .describe(
      "only verified clips go into a render; failed also when the check job failed or was cancelled (re-check from the episode page)",
    ),
  verifyError: z.string().nullable(),
  createdAt: z.string(),
});

const renderVersionSchema = z.object({
  id: z.number(),
  number: z.number(),
  jobId: z.number(),
  bytes: z.number(),
  durationSeconds: z.number(),
  coverAtSecond: z.number().nullable(),
  createdAt: z.string(),
  videoUrl: z
    .string()
    .describe("GET with the session or token; supports Range; ?download=1 for an attachment"),
  coverUrl: z.string(),
  thumbnailUrl: z.string(),
});

const scriptLineSchema = z.object({
  voiceover: z.string(),
  caption: z.string(),
  shotNote: z.string(),
  seconds: z.number(),
});

/** API operations of the media capability, for the OpenAPI document. */
export const mediaApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/episodes/{id}",
    summary: "Get an episode: script lines, clips, render versions and the latest render job",
    capability: "columns.read",
    response: z.object({
      episode: z.object({
        id: z.number(),
        title: z.string(),
        status: z.string(),
        version: z.number(),
        shortScriptFit: z
          .enum(SHORT_SCRIPT_FITS)
          .describe(
            "a script shorter than the column: pad keeps the column's length, shorten ends the video 0.5 s after the last line",
          ),
      }),
      column: z.object({
        id: z.number(),
        name: z.string(),
        durationSeconds: z.number(),
        outroLine: z.string(),
        readingSpeedCps: z.number(),
      }),
      lines: z.array(scriptLineSchema),
      clips: z.array(mediaAssetSchema),
      versions: z.array(renderVersionSchema),
      renderJob: jobSchema.nullable(),
    }),
  },
  {
    method: "patch",
    path: "/api/v1/episodes/{id}",
    summary:
      "Choose what a script shorter than the column does (pad or shorten); like a script save it follows the edit rules and takes back an approval",
    capability: "pieces.edit",
    body: updateEpisodeSchema,
    response: z.object({
      shortScriptFit: z.enum(SHORT_SCRIPT_FITS),
      status: z.string().nullable().describe("the piece's new status when an approval was taken back"),
    }),
  },
  {
    method: "put",
    path: "/api/v1/episodes/{id}/script",
    summary:
      "Replace the script lines (send the piece version you edited; 409 when stale). The column's outro line is appended automatically",
    capability: "pieces.edit",
    body: saveScriptSchema,
    response: z.object({ version: z.number() }),
  },
  {
    method: "get",
    path: "/api/v1/episodes/{id}/media",
    summary: "List the episode's clips in playing order",
    capability: "columns.read",
    response: z.object({ items: z.array(mediaAssetSchema) }),
  },
  {
    method: "post",
    path: "/api/v1/episodes/{id}/media",
    summary:
      "Upload a clip or image (multipart field `file`, streamed to disk; any file name as the browser sends it). 201 with the clip and its media.verify job; 400 malformed multipart body, 413 too large (MAX_UPLOAD_BYTES), 415 not a video or image (playlists included), 422 corrupt, incomplete image or empty",
    capability: "media.upload",
    multipart: true,
    response: z.object({ asset: mediaAssetSchema, job: jobSchema }),
  },
  {
    method: "get",
    path: "/api/v1/episodes/{id}/renders",
    summary: "List render versions (newest first) and the latest render job",
    capability: "columns.read",
    response: z.object({ items: z.array(renderVersionSchema), renderJob: jobSchema.nullable() }),
  },
  {
    method: "post",
    path: "/api/v1/episodes/{id}/renders",
    summary:
      "Queue a render (202 with the job; poll GET /api/v1/jobs/{id}). While a render of the same script, clips and cover is queued or running, the same job is returned (created: false)",
    capability: "renders.create",
    body: requestRenderSchema,
    response: z.object({ job: jobSchema, created: z.boolean() }),
  },
];
