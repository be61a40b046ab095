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

// The admin list of requests, under the "privacyAdmin" key.
export const privacyAdminZh = {
  title: "个人信息删除申请",
  intro:
    "个人通过 /privacy 提交的删除或撤回同意申请，须在 48 小时内处理完毕；系统任务会自动删除对应线索的号码和称呼（线索计数保留）。",
  none: "还没有申请。",
  id: "编号",
  phone: "号码",
  kind: "类型",
  requested: "提交时间",
  due: "截止时间",
  state: "状态",
  erased: "已删除线索",
  overdue: "已逾期",
  kinds: { delete: "删除个人信息", withdraw: "撤回同意" },
  states: { pending: "处理中", done: "已完成", failed: "失败" },
};

export const privacyAdminEn: typeof privacyAdminZh = {
  title: "Deletion requests",
  intro:
    "Requests to delete personal data or withdraw consent, sent through /privacy, are due within 48 hours; a job erases the matching leads' numbers and names (lead counts stay).",
  none: "No requests yet.",
  id: "No.",
  phone: "Number",
  kind: "Kind",
  requested: "Requested",
  due: "Due",
  state: "State",
  erased: "Leads erased",
  overdue: "Overdue",
  kinds: { delete: "Delete data", withdraw: "Withdraw consent" },
  states: { pending: "In progress", done: "Done", failed: "Failed" },
};
