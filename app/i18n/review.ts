// UI strings of the compliance review (the reviewer's panel on a piece, the calendar's flag),
// under the "review" key: t("review.flagged"). Findings themselves are shown with the "findings"
// strings; a refusal's text comes from errors.<code>.
export const reviewZh = {
  title: "合规审核",
  flagged: "词库更新后发现新的问题",
  flaggedHint:
    "{{at}} 词库更新后重新检查，发现了这条内容以前没有的问题。审核人写明理由或重新审核通过后，这个标记会消失。",
  checked: "检查于 {{at}} · 词库第 {{version}} 版",
  unstored:
    "内容或词库在上次检查之后有变化，下面是按当前文本和当前词库重新计算的结果，会在送审、审核或说明理由时保存。",
  neverChecked: "这条内容还没有送审检查过，下面是按当前文本计算的结果。",
  clean: "未发现需要处理的用语",
  textTitle: "检查的文本",
  textHint: "正文和各渠道还会发出的文案，依次排列；标出的地方就是问题所在。",
  parts: {
    copy: "正文",
    caption: "{{channel}} 文案",
  },
  status: {
    justified: "已说明理由",
    open: "待说明理由",
    isNew: "新发现",
  },
  holds: {
    approval: "审核通过前需要处理",
    publish: "现在不能排期或发布",
    ready: "合规检查没有阻止审核通过的问题",
    publishReady: "合规检查没有阻止排期或发布的问题",
  },
  justify: {
    label: "为什么这些需复核的用语可以保留",
    hint: "理由只对当前的文本有效：改动了哪一段，哪一段就要重新说明。最多 {{max}} 字。",
    submit: "保存理由",
    saved: "理由已保存。",
    allDone: "需复核的用语都已说明理由。",
  },
  originality: {
    excepted: "原创度低于要求，编辑已针对当前正文记录例外。",
    exception: {
      label: "原创度例外理由",
      hint: "原创度低于要求时，编辑可以写明理由记录例外（例如车型参数说明与其他渠道相同）。只对当前正文有效。",
      submit: "记录例外",
      saved: "例外已记录。",
    },
  },
  justifications: {
    title: "说明记录",
    kinds: {
      findings: "用语说明",
      originality: "原创度例外",
    },
    by: "{{name}} · {{at}}",
    earlier: "针对以前的文本",
  },
  calendarFlags: {
    new_findings: "词库更新后发现新的问题",
    unresolved: "有未处理的合规问题",
  },
  goToReview: "查看合规审核",
};

export const reviewEn: typeof reviewZh = {
  title: "Compliance review",
  flagged: "New problems found after a library update",
  flaggedHint:
    "The term library changed on {{at}} and a new check found problems this piece did not have before. The mark goes once a reviewer writes a justification or approves it again.",
  checked: "Checked {{at}} · library version {{version}}",
  unstored:
    "The text or the library changed since the last check. These are the results for the current text and library; they are saved on submitting, approving or justifying.",
  neverChecked:
    "This piece has not been checked on submission yet. These are the results for its current text.",
  clean: "Nothing to deal with",
  textTitle: "Checked text",
  textHint: "The copy, then each channel caption still to go out; the marks show where the problems are.",
  parts: {
    copy: "Copy",
    caption: "{{channel}} caption",
  },
  status: {
    justified: "Justified",
    open: "Needs a justification",
    isNew: "New",
  },
  holds: {
    approval: "To deal with before approval",
    publish: "Cannot be scheduled or published now",
    ready: "The compliance check does not hold the approval",
    publishReady: "The compliance check does not hold scheduling or publishing",
  },
  justify: {
    label: "Why these wordings may stay",
    hint: "A justification covers the current text only: the part that changes needs a new one. At most {{max}} characters.",
    submit: "Save justification",
    saved: "Justification saved.",
    allDone: "Every wording that needs one has a justification.",
  },
  originality: {
    excepted: "Originality is below the threshold; an editor recorded an exception for the current copy.",
    exception: {
      label: "Reason for an originality exception",
      hint: "When originality is below the threshold an editor may record a justified exception (a model's specifications read the same everywhere). It covers the current copy only.",
      submit: "Record exception",
      saved: "Exception recorded.",
    },
  },
  justifications: {
    title: "Justifications",
    kinds: {
      findings: "Wording",
      originality: "Originality exception",
    },
    by: "{{name}} · {{at}}",
    earlier: "for an earlier text",
  },
  calendarFlags: {
    new_findings: "New problems found after a library update",
    unresolved: "Compliance problems left to deal with",
  },
  goToReview: "See the compliance review",
};
