// Strings of the public deletion and withdrawal page, under the "privacy" key.
export const privacyZh = {
  title: "个人信息删除与撤回同意",
  intro: "您在本店页面留下的手机号和称呼，可以随时申请删除，或撤回您的同意。我们会在 48 小时内处理完毕。",
  noticeTitle: "个人信息保护说明",
  phone: "手机号",
  phonePlaceholder: "您留资时填写的 11 位手机号",
  kind: "您要办理",
  kindDelete: "删除我的个人信息",
  kindWithdraw: "撤回同意（并删除个人信息）",
  submit: "提交申请",
  doneTitle: "已收到您的申请",
  doneBody:
    "申请编号 {{id}}，号码 {{phone}}。我们会在 {{due}} 前处理完毕，处理后您的号码和称呼将被彻底删除。",
  doneAlready: "这个号码已有一份处理中的申请（编号 {{id}}），会在 {{due}} 前完成。",
};

export const privacyEn: { [K in keyof typeof privacyZh]: string } = {
  title: "Delete your data or withdraw consent",
  intro:
    "The number and name you left on our pages can be deleted, or your consent withdrawn, at any time. We complete it within 48 hours.",
  noticeTitle: "Personal information notice",
  phone: "Mobile number",
  phonePlaceholder: "The 11-digit number you left",
  kind: "You want to",
  kindDelete: "Delete my personal data",
  kindWithdraw: "Withdraw my consent (and delete my data)",
  submit: "Send request",
  doneTitle: "Your request has been received",
  doneBody:
    "Request {{id}} for {{phone}}. We complete it before {{due}}; your number and name are then deleted for good.",
  doneAlready: "This number already has a request in progress (no. {{id}}), due before {{due}}.",
};
