import { z } from "zod";
import type { ApiOperation } from "../api/openapi";
import { jobSchema } from "../jobs/api-operations";
import { createBookSchema, recordSignoffSchema, requestBuildSchema, updateChapterSchema } from "./schemas";

const buildSchema = z.object({
  id: z.number(),
  profile: z.enum(["screen", "print"]),
  pages: z.number(),
  bytes: z.number(),
  sha256: z.string(),
  contentHash: z.string(),
  signoffId: z.number().nullable(),
  createdAt: z.string(),
  current: z.boolean().describe("typeset from the book's content as it is now"),
  downloadUrl: z.string(),
  qrUrl: z.string().nullable().describe("the address this build's QR codes encode"),
  qrPublic: z
    .boolean()
    .describe("the QR address is public (not loopback, private or local): the build may be signed off"),
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
