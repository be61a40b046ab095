import { z } from "zod";

/** What a feed covers: one channel (editors), or the person asking (anyone). */
export type CreateFeedInput = { scope: "channel"; channel: string } | { scope: "user" };

/** The feeds page's "channel feed" form. */
export const createChannelFeedSchema = z.object({
  channel: z.string({ error: "请选择渠道。" }).trim().min(1, "请选择渠道。"),
});

/** The feeds page's "my feed" form: nothing to choose. */
export const createMyFeedSchema = z.object({});

export const revokeFeedSchema = z.object({
  feedId: z.coerce.number({ error: "缺少订阅编号。" }).int().positive("缺少订阅编号。"),
});
