import { z } from "zod";
import type { ApiOperation } from "../api/openapi";
import { jobSchema } from "../jobs/api-operations";
import {
  compareQuerySchema,
  createBookSchema,
  recordSignoffSchema,
  requestBuildSchema,
  updateChapterSchema,
} from "./schemas";

const buildSchema = z.object({
  id: z.number(),
  profile: z.enum(["screen", "print"]),
  pages: z.number(),
  bytes: z.number(),
  sha256: z.string(),
  contentHash: z.string(),
  signoffId: z.number().nullable(),
  renderMs: z.number().describe("typesetting time in milliseconds"),
  createdAt: z.string(),
  current: z.boolean().describe("typeset from the book's content as it is now"),
  downloadUrl: z.string(),
  qrUrl: z.string().nullable().describe("the address this build's QR codes encode"),
  qrPublic: z
    .boolean()
    .describe("the QR address is public (not loopback, private or local): the build may be signed off"),
});

const segmentSchema = z.object({ text: z.string(), changed: z.boolean() });

const bodyDiffSchema = z.union([
  z.object({
    tooLarge: z.literal(false),
    lines: z.array(
      z.object({
        kind: z.enum(["added", "removed", "same", "skipped"]),
        text: z.string(),
        segments: z
          .array(segmentSchema)
          .optional()
          .describe("an edited line in runs of characters; `changed` marks what this side added or removed"),
        count: z.number().optional().describe("for `skipped`: how many unchanged lines are folded away"),
      }),
    ),
  }),
  z.object({ tooLarge: z.literal(true) }).describe("more than 1,000 changed lines: not computed"),
]);

const buildSideSchema = z.enum(["older", "newer"]);

const comparisonSchema = z.object({
  older: buildSchema,
  newer: buildSchema,
  diff: z.object({
    metadata: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
    chapters: z.array(
      z.object({
        chapterId: z.number(),
        kind: z.enum(["added", "removed", "changed", "retitled", "moved", "same"]),
        title: z.string(),
        previousTitle: z.string().optional(),
        section: z.string(),
        charsBefore: z.number().optional(),
        charsAfter: z.number().optional(),
        textDiff: bodyDiffSchema
          .optional()
          .describe("for a chapter whose Markdown differs: its line diff, when both builds kept the text"),
        textMissing: z
          .array(buildSideSchema)
          .optional()
          .describe("the builds made before chapter texts were kept: no textDiff, only the kind"),
      }),
    ),
    images: z.array(z.object({ name: z.string(), kind: z.enum(["added", "removed", "changed"]) })),
    identicalContent: z.boolean(),
    textMissing: z.array(buildSideSchema),
  }),
});

const bookSummarySchema = z.object({
  id: z.number(),
  kind: z.enum(["ebook", "handbook"]),
  title: z.string(),
  status: z.string(),
  targetPages: z.number(),
  latestPages: z.number().nullable(),
  signoff: z.enum(["none", "valid", "voided"]),
});

const chapterSchema = z.object({
  id: z.number(),
  title: z.string(),
  markdown: z.string(),
  sectionId: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});

/** API operations of the ebooks capability, for the OpenAPI document. */
export const ebookApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/ebooks",
    summary: "List e-books and handbooks with page count against target",
    capability: "ebooks.read",
    response: z.object({ items: z.array(bookSummarySchema) }),
  },
  {
    method: "post",
    path: "/api/v1/ebooks",
    summary: "Create an e-book or a print handbook",
    capability: "ebooks.edit",
    body: createBookSchema,
  },
  {
    method: "get",
    path: "/api/v1/ebooks/{id}",
    summary: "A book: metadata, sections and chapters, images, builds, sign-off state",
    capability: "ebooks.read",
  },
  {
    method: "get",
    path: "/api/v1/ebooks/{id}/chapters/{chapterId}",
    summary: "A chapter's Markdown",
    capability: "ebooks.read",
    response: chapterSchema,
  },
  {
    method: "patch",
    path: "/api/v1/ebooks/{id}/chapters/{chapterId}",
    summary: "Save a chapter (send the version you edited); voids a sign-off",
    capability: "ebooks.edit",
    body: updateChapterSchema,
    response: chapterSchema,
  },
  {
    method: "get",
    path: "/api/v1/ebooks/{id}/builds",
    summary: "The book's built versions, newest first",
    capability: "ebooks.read",
    response: z.object({ items: z.array(buildSchema) }),
  },
  {
    method: "post",
    path: "/api/v1/ebooks/{id}/builds",
    summary:
      "Queue a PDF build (202 with the job). print needs a valid external sign-off (409 signoff_required) and a public PUBLIC_BASE_URL for its QR codes, not loopback or private (409 public_url_not_public); a chapter problem answers 422 naming the chapter",
    capability: "ebooks.build",
    body: requestBuildSchema,
    response: jobSchema,
  },
  {
    method: "get",
    path: "/api/v1/ebooks/{id}/compare",
    summary:
      "Compare two builds of the book (a and b, in either order): chapters added, removed, changed, retitled or moved, each changed chapter's line diff with the changed characters, metadata and image changes. A build made before chapter texts were kept gives the kinds only (textMissing)",
    capability: "ebooks.read",
    query: compareQuerySchema,
    response: comparisonSchema,
  },
  {
    method: "post",
    path: "/api/v1/ebooks/{id}/signoffs",
    summary:
      "Record an external review sign-off for one build of the current content whose QR codes point to a public address (409 qr_not_public otherwise)",
    capability: "ebooks.signoff",
    body: recordSignoffSchema,
  },
  {
    method: "get",
    path: "/api/v1/ebooks/{id}/images",
    summary: "Images uploaded to the book",
    capability: "ebooks.read",
  },
  {
    method: "post",
    path: "/api/v1/ebooks/{id}/images",
    summary:
      "Upload an image (field `file`, PNG or JPEG sniffed from the bytes, at most 5 MB; 413 too large, 415 not an image). The same name replaces the image and voids a sign-off",
    capability: "ebooks.edit",
    multipart: true,
  },
  {
    method: "get",
    path: "/api/v1/ebooks/{id}/images/{imageId}",
    summary: "An image uploaded to the book (PNG or JPEG)",
    capability: "ebooks.read",
  },
  {
    method: "get",
    path: "/api/v1/builds/{id}.pdf",
    summary: "Download a built version (application/pdf)",
    capability: "ebooks.read",
  },
];
