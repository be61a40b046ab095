import { z } from "zod";
import { optionalId, positiveId, requiredText } from "~/lib/schema-fields";

/** The notifications page's "mark read" button (one notification). */
export const markOneReadSchema = z.object({ id: positiveId("通知编号无效") });

export const ROBOT_NAME_MAX = 60;
export const ROBOT_URL_MAX = 500;

/** One schema for the WeCom robot form (create and edit). */
export const wecomRobotFormSchema = z.object({
  id: optionalId("机器人编号无效"),
  version: optionalId("版本号无效"),
  name: requiredText(ROBOT_NAME_MAX, {
    empty: "请填写群名称",
    tooLong: `群名称不能超过 ${ROBOT_NAME_MAX} 个字`,
  }),
  url: z.string().trim().max(ROBOT_URL_MAX, `地址不能超过 ${ROBOT_URL_MAX} 个字符`).default(""),
  roles: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.string()).max(20)),
  enabled: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});

export const removeRobotSchema = z.object({ robotId: positiveId("机器人编号无效") });
