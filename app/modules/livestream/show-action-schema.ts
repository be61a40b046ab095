import { z } from "zod";
import { ADJUST_STEP_MS, MAX_ONLINE_COUNT } from "./livestream-rules";
import type { ShowAction } from "./show-state";

/** Body of the producer's command endpoint; applyShowAction re-checks the show-dependent rules. */
export const showActionSchema: z.ZodType<ShowAction> = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("start"),
      // Kept as typed (trimmed) so an empty reason is refused with its own message, not dropped.
      overrideReason: z.string().trim().max(500, { error: "理由最多 500 个字" }).optional(),
    }),
    z.object({ type: z.literal("pause") }),
    z.object({ type: z.literal("resume") }),
    z.object({ type: z.literal("next") }),
    z.object({ type: z.literal("previous") }),
    z.object({ type: z.literal("end") }),
    z.object({ type: z.literal("fireRedEnvelope") }),
    z.object({
      type: z.literal("jump"),
      blockIndex: z.coerce
        .number({ error: "段落编号必须是数字" })
        .int({ error: "段落编号必须是整数" })
        .min(0, { error: "段落编号无效" }),
    }),
    z.object({
      type: z.literal("adjust"),
      deltaMs: z.coerce
        .number({ error: "调整量必须是数字" })
        .refine((v) => Math.abs(v) === ADJUST_STEP_MS, { error: `每次只能增减 ${ADJUST_STEP_MS / 1000} 秒` }),
      blockIndex: z.coerce.number().int().min(0).optional(),
    }),
    z.object({
      type: z.literal("setOnline"),
      count: z.coerce
        .number({ error: "在线人数必须是数字" })
        .int({ error: "在线人数必须是整数" })
        .min(0, { error: "在线人数不能为负数" })
        .max(MAX_ONLINE_COUNT, { error: "在线人数不合理" }),
    }),
  ],
  { error: "未知操作" },
);
