import { z } from "zod";
import { MIX_CATEGORIES, PIECE_KINDS, PIECE_STATUSES } from "./status-machine";

export const TITLE_MAX = 120;
export const BODY_MAX = 50_000;

const optionalId = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z.coerce.number().int().positive().optional(),
);
const optionalDate = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z.coerce.date({ error: "日期格式不正确" }).optional(),
);

const editableFields = {
  title: z.string().trim().min(1, "标题不能为空").max(TITLE_MAX, `标题不能超过 ${TITLE_MAX} 个字`),
  body: z.string().max(BODY_MAX, `正文不能超过 ${BODY_MAX} 个字`).default(""),
  campaignId: optionalId,
  columnId: optionalId,
  mixCategory: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(MIX_CATEGORIES, { error: "未知的内容类别" }).optional(),
  ),
  dueAt: optionalDate,
};

/** One schema for the create form and POST /api/v1/pieces. */
export const createPieceSchema = z.object({
  kind: z.enum(PIECE_KINDS, { error: "请选择内容类型" }),
  ...editableFields,
});

/** One schema for the edit form and PATCH /api/v1/pieces/{id}; `version` guards stale edits. */
export const updatePieceSchema = z.object({
  version: z.coerce.number({ error: "缺少版本号" }).int().positive("缺少版本号"),
  ...editableFields,
});

export const transitionPieceSchema = z.object({
  action: z.string().min(1, "请选择操作"),
  note: z.string().trim().max(500, "说明不能超过 500 个字").optional(),
  scheduledAt: optionalDate,
});

export const listPiecesQuerySchema = z.object({
  kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(PIECE_KINDS).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(PIECE_STATUSES).optional()),
  ownerId: optionalId,
  campaignId: optionalId,
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListPiecesQuery = z.infer<typeof listPiecesQuerySchema>;
