import { z } from "zod";
import type { ApiOperation } from "../../api/openapi";
import { TERM_CATEGORIES, TERM_SEVERITIES } from "../compliance-types";
import {
  exportQuerySchema,
  importQuerySchema,
  termEntrySchema,
  termListQuerySchema,
  termPatchSchema,
  versionListQuerySchema,
} from "./term-schemas";
import { LIBRARY_CAUSES } from "./term-types";

const iso = z.string().describe("ISO 8601 instant (UTC)");

const entryFields = {
  term: z.string().nullable(),
  pattern: z.string().nullable(),
  category: z.enum(TERM_CATEGORIES),
  severity: z.enum(TERM_SEVERITIES),
  reason: z.string(),
  basis: z.string(),
  suggestion: z.string(),
  allowedContexts: z.array(z.string()),
};
const termSchema = z.object({ id: z.number(), ...entryFields, createdAt: iso, updatedAt: iso });
const versionSchema = z.object({
  version: z.number(),
  cause: z.enum(LIBRARY_CAUSES),
  note: z.string().nullable(),
  termCount: z.number(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  createdAt: iso,
});
const counts = { added: z.number(), updated: z.number(), removed: z.number(), unchanged: z.number() };
const version = z.number().describe("The library version after the call");

/** The sensitive-term library's API operations (merged into the compliance list). */
export const termApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/terms",
    summary: "The term library now, filtered by category, severity and text, with its current version",
    capability: "terms.read",
    query: termListQuerySchema,
    response: z.object({ items: z.array(termSchema), total: z.number(), termsTotal: z.number(), version }),
  },
  {
    method: "post",
    path: "/api/v1/terms",
    summary:
      "Add a term or a pattern (exactly one); the pattern must pass the scanner's guard. Writes a new library version and queues the rescan; answers 201",
    capability: "terms.manage",
    body: termEntrySchema,
    response: z.object({ term: termSchema, version }),
  },
  {
    method: "get",
    path: "/api/v1/terms/{id}",
    summary: "Get a term",
    capability: "terms.read",
    response: termSchema,
  },
  {
    method: "patch",
    path: "/api/v1/terms/{id}",
    summary:
      "Change any of a term's fields (the result is checked as a whole term; a change that changes nothing makes no version)",
    capability: "terms.manage",
    body: termPatchSchema,
    response: z.object({ term: termSchema, version, changed: z.boolean() }),
  },
  {
    method: "delete",
    path: "/api/v1/terms/{id}",
    summary: "Delete a term (a new library version; the earlier one still holds it)",
    capability: "terms.manage",
    response: z.object({ version }),
  },
  {
    method: "post",
    path: "/api/v1/terms/import",
    summary:
      "Import a CSV file (at most 2 MB; UTF-8 with or without BOM, or GBK) sent as the body with Content-Type: text/csv (curl --data-binary @terms.csv) or as the file field of multipart/form-data. Header row: term,pattern,category,severity,reason,basis,suggestion,allowed_contexts (contexts separated by |). All or nothing: a bad row imports nothing and is named in the error (第 12 行：…). mode=merge adds and updates by term or pattern; mode=replace makes the library the file",
    capability: "terms.manage",
    query: importQuerySchema,
    multipart: true,
    response: z.object({
      mode: z.enum(["merge", "replace"]),
      ...counts,
      version,
      changed: z.boolean(),
      rows: z.number(),
      encoding: z.enum(["utf-8-bom", "utf-8", "gb18030"]),
    }),
  },
  {
    method: "get",
    path: "/api/v1/terms/export",
    summary:
      "The whole library as a CSV file (the import's columns): UTF-8 with a BOM, or GBK with encoding=gbk. Importing it with mode=replace gives the same library",
    capability: "terms.read",
    query: exportQuerySchema,
  },
  {
    method: "get",
    path: "/api/v1/terms/versions",
    summary: "The library's versions, newest first: cause, who, when and how many terms",
    capability: "terms.read",
    query: versionListQuerySchema,
    response: z.object({ items: z.array(versionSchema), total: z.number() }),
  },
  {
    method: "get",
    path: "/api/v1/terms/versions/{version}",
    summary: "One version with the whole library as it was then",
    capability: "terms.read",
    response: versionSchema.extend({ terms: z.array(z.object(entryFields)) }),
  },
  {
    method: "post",
    path: "/api/v1/terms/versions/{version}/restore",
    summary:
      "Make an earlier version the library again, as a new version (cause restore; nothing in between is lost). 409 for the current version",
    capability: "terms.manage",
    response: z.object({ ...counts, version, restoredFrom: z.number() }),
  },
];
