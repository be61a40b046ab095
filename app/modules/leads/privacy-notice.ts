/**
 * The privacy notice a person agrees to on a lead form. Its version and the SHA-256 of its Chinese
 * text are stored with every lead, so the studio can show what each person consented to. Changing
 * the text means a new version and a new hash (a unit test recomputes the hash and fails when they
 * drift). Plain module: the landing page shows it in the browser.
 */
export const PRIVACY_NOTICE = {
  version: "2026-12-01",
  text: [
    "个人信息保护说明",
    "1. 我们收集：您的手机号码，以及您自愿填写的称呼。",
    "2. 用途：仅用于本店销售顾问联系您，提供您咨询的车型、试驾、活动或资料服务；不会出售或提供给第三方。",
    "3. 保存：号码加密保存，工作人员只能看到部分号码；自您留资起最长保存 2 年，之后删除。",
    "4. 您的权利：您可以随时在本站“个人信息删除与撤回同意”页面（/privacy）凭手机号申请删除或撤回同意，我们会在 48 小时内处理完毕。",
    "5. 依据：《中华人民共和国个人信息保护法》。勾选即表示您已阅读并同意以上说明。",
  ].join("\n"),
  textEn: [
    "Personal information notice",
    "1. We collect your mobile number and, if you give it, how to address you.",
    "2. Use: only for our sales consultants to contact you about the model, test drive, event or material you asked for; never sold or passed to third parties.",
    "3. Storage: the number is stored encrypted and staff see only part of it; kept at most 2 years from when you left it, then deleted.",
    "4. Your rights: at any time you can ask, by phone number, for deletion or withdraw your consent on this site's page /privacy; we complete it within 48 hours.",
    "5. Basis: the Personal Information Protection Law of the PRC. Ticking the box means you have read and agree to this notice.",
  ].join("\n"),
  /** SHA-256 (hex) of `text`, the version people agreed to. */
  hash: "e6f98b20604d7d7df495c6f50d2b2748d51d5050429e0b28488bdb98c41f7135",
} as const;
