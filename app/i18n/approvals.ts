// UI strings of approvals that hold: the changed-after-approval note, out-of-date renders, going
// live only from an approved script (and its override), ending a show, and duplicating a piece.
// Under "approvals": t("approvals.x").
export const approvalsZh = {
  heldTitle: "内容在通过后被修改",
  heldBody:
    "{{name}} 于 {{at}} 修改了{{from}}的内容，已退回「{{to}}」。需要重新送审通过后才能排期、发布或开播。",
  someone: "有人",
  renderOutdated: "已过期",
  renderOutdatedHint: "这个成片是用旧版脚本或素材合成的，请重新合成。",
  notApprovedTitle: "脚本尚未审核通过",
  notApprovedBody: "直播只能从审核通过的脚本开播。编辑或管理员可以写明理由后强制开播，理由会记入审计日志。",
  overrideOpen: "强制开播…",
  overrideTitle: "脚本未审核通过，强制开播",
  overrideReason: "强制开播的理由",
  overrideReasonHint: "必填，会记入审计日志。",
  overrideSubmit: "写明理由并开播",
  consoleWatchOnly: "你以编辑身份查看场控台：可以在脚本未通过时写明理由强制开播，其余操作由场控执行。",
  cancel: "取消",
  endTitle: "结束直播？",
  endBody: "结束后不能恢复：提词器和场控台都会停止，红包雨倒计时也会停止。",
  endConfirm: "确认结束直播",
  duplicate: "复制为新草稿",
  duplicateHint: "复制脚本（不含素材和成片），由你负责，从草稿开始。",
  duplicateShowHint: "复制脚本和商品（不含直播记录），由你负责，从草稿开始。",
  copyTitle: "{{title}}（副本）",
};

export const approvalsEn: typeof approvalsZh = {
  heldTitle: "Changed after approval",
  heldBody:
    "{{name}} changed this {{from}} piece on {{at}}; it went back to “{{to}}”. It needs a new approval before it can be scheduled, published or go live.",
  someone: "Someone",
  renderOutdated: "Out of date",
  renderOutdatedHint: "This render was made from an older script or footage; render it again.",
  notApprovedTitle: "The script is not approved",
  notApprovedBody:
    "A show goes live only from an approved script. An editor or admin may go live anyway with a reason, which is audited.",
  overrideOpen: "Go live anyway…",
  overrideTitle: "Go live without an approved script",
  overrideReason: "Reason for going live anyway",
  overrideReasonHint: "Required; written to the audit log.",
  overrideSubmit: "Go live with this reason",
  consoleWatchOnly:
    "You are viewing the console as an editor: you may take the show live with a reason while its script is not approved; the producer drives everything else.",
  cancel: "Cancel",
  endTitle: "End the show?",
  endBody:
    "This cannot be undone: the prompter and the console stop, and so does any red-envelope countdown.",
  endConfirm: "End the show",
  duplicate: "Duplicate as a new draft",
  duplicateHint: "Copies the script (not the footage or renders) as your own draft.",
  duplicateShowHint: "Copies the script and products (not the live record) as your own draft.",
  copyTitle: "{{title}} (copy)",
};
