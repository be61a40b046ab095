/**
 * One zod schema per form or API body of the ebooks capability, shared by the page forms and the
 * API routes. Pure and browser-safe.
 */
import { z } from "zod";
import { positiveId, requiredText } from "~/lib/schema-fields";
import { isCalendarDate } from "~/lib/dates";

export const BOOK_KINDS = ["ebook", "handbook"] as const;
export type BookKind = (typeof BOOK_KINDS)[number];
export const TRIM_SIZES = ["A5", "B5", "A4"] as const;
export const BUILD_PROFILES = ["screen", "print"] as const;
export type BuildProfile = (typeof BUILD_PROFILES)[number];

export const BOOK_TITLE_MAX = 120;
export const SUBTITLE_MAX = 200;
export const AUTHOR_MAX = 100;
export const DESCRIPTION_MAX = 1000;
export const KEYWORDS_MAX = 20;
export const SECTION_TITLE_MAX = 60;
export const CHAPTER_TITLE_MAX = 80;
export const CHAPTER_MARKDOWN_MAX = 100_000;
export const TARGET_PAGES_MAX = 2000;
/** Uploaded images: big enough for a print photo, small enough for a memory check. */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_NAME_MAX = 80;

/** Keywords arrive as one comma-separated field in forms and as an array in the API. */
const keywordsField = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[,，、]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z
    .array(z.string().trim().min(1).max(30, "每个关键词不超过 30 个字"))
    .max(KEYWORDS_MAX, `关键词最多 ${KEYWORDS_MAX} 个`)
    .default([]),
);

const metadataFields = {
  title: requiredText(BOOK_TITLE_MAX, {
    empty: "书名不能为空",
    tooLong: `书名不能超过 ${BOOK_TITLE_MAX} 个字`,
  }),
  subtitle: z.string().trim().max(SUBTITLE_MAX, `副标题不能超过 ${SUBTITLE_MAX} 个字`).default(""),
  author: requiredText(AUTHOR_MAX, {
    empty: "作者或品牌不能为空",
    tooLong: `作者不能超过 ${AUTHOR_MAX} 个字`,
  }),
  description: z.string().trim().max(DESCRIPTION_MAX, `简介不能超过 ${DESCRIPTION_MAX} 个字`).default(""),
  keywords: keywordsField,
  trim: z.enum(TRIM_SIZES, { error: "开本只能是 A5、B5 或 A4" }),
  targetPages: z.coerce
    .number({ error: "目标页数必须是数字" })
    .int("目标页数必须是整数")
    .min(4, "目标页数至少 4 页")
    .max(TARGET_PAGES_MAX, `目标页数不能超过 ${TARGET_PAGES_MAX}`),
};

export const createBookSchema = z.object({
  kind: z.enum(BOOK_KINDS, { error: "请选择电子书或印刷手册" }),
  ...metadataFields,
});
export type CreateBookInput = z.infer<typeof createBookSchema>;

export const updateBookSchema = z.object({
  version: positiveId("缺少版本号"),
  ...metadataFields,
});
export type UpdateBookInput = z.infer<typeof updateBookSchema>;

export const addSectionSchema = z.object({
  title: requiredText(SECTION_TITLE_MAX, {
    empty: "分部标题不能为空",
    tooLong: `分部标题不能超过 ${SECTION_TITLE_MAX} 个字`,
  }),
});

export const renameSectionSchema = addSectionSchema.extend({ sectionId: positiveId("未知的分部") });

export const addChapterSchema = z.object({
  sectionId: positiveId("请选择分部"),
  title: requiredText(CHAPTER_TITLE_MAX, {
    empty: "章节标题不能为空",
    tooLong: `章节标题不能超过 ${CHAPTER_TITLE_MAX} 个字`,
  }),
});

export const updateChapterSchema = z.object({
  version: positiveId("缺少版本号"),
  sectionId: positiveId("请选择分部"),
  title: requiredText(CHAPTER_TITLE_MAX, {
    empty: "章节标题不能为空",
    tooLong: `章节标题不能超过 ${CHAPTER_TITLE_MAX} 个字`,
  }),
  markdown: z
    .string({ error: "正文必须是文本" })
    .max(CHAPTER_MARKDOWN_MAX, `章节正文不能超过 ${CHAPTER_MARKDOWN_MAX} 个字符`)
    .default(""),
});
export type UpdateChapterInput = z.infer<typeof updateChapterSchema>;

/** A list of ids in their new order: repeated form fields, or an array in JSON. */
const idList = (message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
    z.array(positiveId(message)).min(1, message).max(500),
  );

export const reorderChaptersSchema = z.object({
  sectionId: positiveId("未知的分部"),
  chapterIds: idList("请给出章节的新顺序"),
});

export const reorderSectionsSchema = z.object({
  sectionIds: idList("请给出分部的新顺序"),
});

export const deleteChapterSchema = z.object({ chapterId: positiveId("未知的章节") });
export const deleteSectionSchema = z.object({ sectionId: positiveId("未知的分部") });
export const deleteImageSchema = z.object({ imageId: positiveId("未知的图片") });

export const requestBuildSchema = z.object({
  profile: z.enum(BUILD_PROFILES, { error: "profile 只能是 screen（屏幕版）或 print（印刷版）" }),
});

export const recordSignoffSchema = z.object({
  buildId: positiveId("请选择送审的版本"),
  organisation: requiredText(100, { empty: "请填写审阅单位", tooLong: "审阅单位不能超过 100 个字" }),
  reviewer: requiredText(60, { empty: "请填写审阅人", tooLong: "审阅人不能超过 60 个字" }),
  reviewedOn: z
    .string({ error: "请填写审阅日期" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "审阅日期格式应为 YYYY-MM-DD")
    .refine(isCalendarDate, "审阅日期不是有效的日期"),
  note: z.string().trim().max(500, "备注不能超过 500 个字").default(""),
});
export type RecordSignoffInput = z.infer<typeof recordSignoffSchema>;

export const compareQuerySchema = z.object({
  a: positiveId("请选择两个版本"),
  b: positiveId("请选择两个版本"),
});

/** Image names a chapter can refer to: letters, digits, dot, dash, underscore, CJK; no path. */
export const IMAGE_NAME_RE = /^[\p{L}\p{N}_-][\p{L}\p{N}._-]{0,79}\.(png|jpe?g)$/iu;
