import { z } from "zod";
import { instantField } from "~/lib/dates";
import { optionalId } from "~/lib/schema-fields";
import { MIX_CATEGORIES, PIECE_KINDS, PIECE_STATUSES } from "./status-machine";

export const TITLE_MAX = 120;
export const BODY_MAX = 50_000;

const editableFields = {
  title: z.string().trim().min(1, "标题不能为空").max(TITLE_MAX, `标题不能超过 ${TITLE_MAX} 个字`),
  body: z.string().max(BODY_MAX, `正文不能超过 ${BODY_MAX} 个字`).default(""),
  campaignId: optionalId(),
  columnId: optionalId(),
  mixCategory: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(MIX_CATEGORIES, { error: "未知的内容类别" }).optional(),
  ),
};

/*
 * The schemas with a wall-clock field are made for the studio's time zone: a `datetime-local`
 * value ("2026-12-10T18:00") is read in that zone, an ISO instant with an offset as written.
 */

/** One schema for the create form and POST /api/v1/pieces. */
export const createPieceSchema = (timeZone: string) =>
  z.object({
    kind: z.enum(PIECE_KINDS, { error: "请选择内容类型" }),
    ...editableFields,
    dueAt: instantField(timeZone, "截止时间格式不正确"),
  });
export type CreatePieceInput = z.infer<ReturnType<typeof createPieceSchema>>;

/** One schema for the edit form and PATCH /api/v1/pieces/{id}; `version` guards stale edits. */
export const updatePieceSchema = (timeZone: string) =>
  z.object({
    version: z.coerce.number({ error: "缺少版本号" }).int().positive("缺少版本号"),
    ...editableFields,
    dueAt: instantField(timeZone, "截止时间格式不正确"),
  });
export type UpdatePieceInput = z.infer<ReturnType<typeof updatePieceSchema>>;

export const transitionPieceSchema = (timeZone: string) =>
  z.object({
    action: z.string().min(1, "请选择操作"),
    note: z.string().trim().max(500, "说明不能超过 500 个字").optional(),
    scheduledAt: instantField(timeZone, "发布时间格式不正确"),
  });

export const listPiecesQuerySchema = z.object({
  kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(PIECE_KINDS).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(PIECE_STATUSES).optional()),
  ownerId: optionalId(),
  campaignId: optionalId(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListPiecesQuery = z.infer<typeof listPiecesQuerySchema>;
