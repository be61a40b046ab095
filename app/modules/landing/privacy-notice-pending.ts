// Placeholder until the leads capability's privacy notice lands; removed then.
export const PRIVACY_NOTICE = {
  version: "pending",
  text: "个人信息保护说明（待发布）",
  textEn: "Personal information notice (pending)",
  hash: "",
};
