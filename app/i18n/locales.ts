// UI strings. Simplified Chinese is the studio's language; English is the switch.
export const zh = {
  app: { name: "内容工作室", tagline: "4S店营销内容中心" },
  nav: { dashboard: "工作台", pieces: "内容", columns: "短视频栏目", livestreams: "直播", ebooks: "电子书与手册", users: "用户", tokens: "API 令牌", audit: "审计日志", account: "我的账号" },
  common: {
    save: "保存", cancel: "取消", create: "新建", search: "搜索", filter: "筛选", reset: "重置", all: "全部", none: "无",
    logout: "退出登录", language: "English", dark: "深色", light: "浅色", previous: "上一页", next: "下一页",
    total: "共 {{count}} 条", loading: "加载中…", back: "返回", actions: "操作", status: "状态", owner: "负责人",
    updatedAt: "更新时间", createdAt: "创建时间", title: "标题", kind: "类型", campaign: "营销活动", column: "栏目", mixCategory: "内容类别",
    body: "正文", dueAt: "截止日期", note: "说明", noResults: "没有符合条件的内容", forbidden: "无权访问", notFound: "页面不存在",
    errorTitle: "出错了", tryAgain: "请返回重试。",
  },
  kinds: { episode: "短视频", poster: "海报", article: "文章", ebook: "电子书", handbook: "手册", livestream: "直播脚本" },
  statuses: { draft: "草稿", in_review: "待审核", approved: "已通过", rejected: "已退回", scheduled: "已排期", published: "已发布", archived: "已归档" },
  actions: { submit: "提交审核", approve: "审核通过", reject: "退回修改", redraft: "重新编辑", schedule: "排期", unschedule: "取消排期", publish: "发布", archive: "归档", restore: "恢复为草稿" },
  login: { title: "登录内容工作室", email: "邮箱", password: "密码", submit: "登录", hint: "忘记密码请联系管理员重置。" },
  dashboard: { greeting: "你好，{{name}}", myPieces: "我负责的内容", due: "近期截止", review: "等待审核", campaign: "本月活动", empty: "暂无" },
  pieces: {
    listTitle: "内容", newPiece: "新建内容", editTitle: "编辑内容", history: "修订历史", transitions: "状态记录", diff: "与上一版的差异",
    version: "第 {{version}} 版", searchPlaceholder: "搜索标题、正文或追踪码", slug: "追踪码", saved: "已保存", created: "已创建",
    workflow: "流程", scheduleAt: "发布时间", rejectNote: "退回原因（退回时必填）", readOnly: "此内容当前不能编辑。", openEditor: "打开专用编辑器",
  },
  admin: {
    usersTitle: "用户管理", invite: "邀请用户", name: "姓名", roles: "角色", disabled: "已停用", enabled: "正常", oneTimePassword: "一次性密码（只显示一次）：",
    resetPassword: "重置密码", tokensTitle: "API 令牌", tokenName: "名称", tokenUser: "代表用户", tokenCreated: "新令牌（只显示一次，请立即保存）：", revoke: "吊销", revoked: "已吊销", lastUsed: "最近使用",
    auditTitle: "审计日志", chainOk: "哈希链完整（{{count}} 条）", chainBroken: "哈希链在第 {{id}} 条断开：{{reason}}", entity: "对象", action: "操作", actor: "操作人", at: "时间", summary: "变更摘要",
  },
  account: { title: "我的账号", changePassword: "修改密码", currentPassword: "当前密码", newPassword: "新密码（至少 10 位）", mustChange: "请先修改一次性密码。", changed: "密码已修改" },
  roles: { admin: "管理员", editor: "编辑", copywriter: "文案", host: "主播", producer: "场控", analyst: "数据" },
};

type Dict = { [K in keyof typeof zh]: { [P in keyof (typeof zh)[K]]: string } };

export const en: Dict = {
  app: { name: "Content Studio", tagline: "Dealership marketing content hub" },
  nav: { dashboard: "Dashboard", pieces: "Pieces", columns: "Video columns", livestreams: "Livestreams", ebooks: "E-books & handbooks", users: "Users", tokens: "API tokens", audit: "Audit log", account: "My account" },
  common: {
    save: "Save", cancel: "Cancel", create: "Create", search: "Search", filter: "Filter", reset: "Reset", all: "All", none: "None",
    logout: "Sign out", language: "中文", dark: "Dark", light: "Light", previous: "Previous", next: "Next",
    total: "{{count}} in total", loading: "Loading…", back: "Back", actions: "Actions", status: "Status", owner: "Owner",
    updatedAt: "Updated", createdAt: "Created", title: "Title", kind: "Kind", campaign: "Campaign", column: "Column", mixCategory: "Mix category",
    body: "Body", dueAt: "Due", note: "Note", noResults: "Nothing matches", forbidden: "Forbidden", notFound: "Page not found",
    errorTitle: "Something went wrong", tryAgain: "Please go back and try again.",
  },
  kinds: { episode: "Short video", poster: "Poster", article: "Article", ebook: "E-book", handbook: "Handbook", livestream: "Livestream script" },
  statuses: { draft: "Draft", in_review: "In review", approved: "Approved", rejected: "Rejected", scheduled: "Scheduled", published: "Published", archived: "Archived" },
  actions: { submit: "Send to review", approve: "Approve", reject: "Reject", redraft: "Back to draft", schedule: "Schedule", unschedule: "Unschedule", publish: "Publish", archive: "Archive", restore: "Restore to draft" },
  login: { title: "Sign in to Content Studio", email: "Email", password: "Password", submit: "Sign in", hint: "Forgot your password? Ask an admin to reset it." },
  dashboard: { greeting: "Hello, {{name}}", myPieces: "My pieces", due: "Due soon", review: "Waiting for review", campaign: "This month's campaign", empty: "Nothing here" },
  pieces: {
    listTitle: "Pieces", newPiece: "New piece", editTitle: "Edit piece", history: "Revision history", transitions: "Status history", diff: "Changes from the previous version",
    version: "Version {{version}}", searchPlaceholder: "Search title, body or tracking slug", slug: "Tracking slug", saved: "Saved", created: "Created",
    workflow: "Workflow", scheduleAt: "Publish at", rejectNote: "Reason (required to reject)", readOnly: "This piece cannot be edited now.", openEditor: "Open its editor",
  },
  admin: {
    usersTitle: "Users", invite: "Invite user", name: "Name", roles: "Roles", disabled: "Disabled", enabled: "Active", oneTimePassword: "One-time password (shown once): ",
    resetPassword: "Reset password", tokensTitle: "API tokens", tokenName: "Name", tokenUser: "Acts as", tokenCreated: "New token (shown once, copy it now): ", revoke: "Revoke", revoked: "Revoked", lastUsed: "Last used",
    auditTitle: "Audit log", chainOk: "Hash chain intact ({{count}} entries)", chainBroken: "Hash chain broken at entry {{id}}: {{reason}}", entity: "Entity", action: "Action", actor: "Actor", at: "At", summary: "Summary",
  },
  account: { title: "My account", changePassword: "Change password", currentPassword: "Current password", newPassword: "New password (10+ characters)", mustChange: "Please change your one-time password first.", changed: "Password changed" },
  roles: { admin: "Admin", editor: "Editor", copywriter: "Copywriter", host: "Host", producer: "Producer", analyst: "Analyst" },
};

export const LANGUAGES = ["zh", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
