import { z } from "zod";
import { ROLES } from "./permissions";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "请输入邮箱")
  .max(200, "邮箱太长")
  .pipe(z.email("邮箱格式不正确"));

export const loginSchema = z.object({
  email,
  password: z.string().min(1, "请输入密码").max(200, "密码太长"),
  redirectTo: z.string().optional(),
});

// Forms send roles as repeated fields or one comma-joined value (Mantine MultiSelect).
const roles = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
  z.array(z.enum(ROLES, { error: "未知角色" }), { error: "至少选择一个角色" }).min(1, "至少选择一个角色"),
);

export const inviteUserSchema = z.object({
  email,
  name: z.string().trim().min(1, "请输入姓名").max(60, "姓名不能超过 60 个字"),
  roles,
});

export const updateUserSchema = z.object({
  userId: z.coerce.number().int().positive(),
  roles,
  disabled: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});

export const resetUserPasswordSchema = z.object({
  userId: z.coerce.number().int().positive(),
  // Echoed back beside the new one-time password, so the admin sees whose it is.
  email: z.string().max(200).default(""),
});

export const revokeApiTokenSchema = z.object({ tokenId: z.coerce.number().int().positive() });

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "请输入令牌名称").max(80, "名称不能超过 80 个字"),
  userId: z.coerce.number().int().positive("请选择令牌代表的用户"),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "请输入当前密码"),
  newPassword: z.string().min(10, "新密码至少 10 位").max(200, "密码太长"),
});
