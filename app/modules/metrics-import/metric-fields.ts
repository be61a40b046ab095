/**
 * What a platform export's columns can mean. Figures are stored in platform_metrics; the
 * identifying fields (url, platform_id, title, published_at) only find the piece a row is about.
 */
export const FIGURE_FIELDS = [
  "plays",
  "completion_rate",
  "avg_watch_seconds",
  "likes",
  "comments",
  "shares",
  "saves",
  "profile_visits",
  "follower_gain",
  "reads",
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

export const IDENTITY_FIELDS = ["url", "platform_id", "title", "published_at"] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

export const METRIC_FIELDS = [...FIGURE_FIELDS, ...IDENTITY_FIELDS] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

export function isMetricField(value: string): value is MetricField {
  return (METRIC_FIELDS as readonly string[]).includes(value);
}

/** A row's figures, keyed as platform_metrics' columns are; null when the export leaves it blank. */
export type Figures = {
  plays: number | null;
  completionRate: number | null;
  avgWatchSeconds: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  profileVisits: number | null;
  followerGain: number | null;
  reads: number | null;
};

export const FIGURE_KEY: Record<FigureField, keyof Figures> = {
  plays: "plays",
  completion_rate: "completionRate",
  avg_watch_seconds: "avgWatchSeconds",
  likes: "likes",
  comments: "comments",
  shares: "shares",
  saves: "saves",
  profile_visits: "profileVisits",
  follower_gain: "followerGain",
  reads: "reads",
};

export function emptyFigures(): Figures {
  return {
    plays: null,
    completionRate: null,
    avgWatchSeconds: null,
    likes: null,
    comments: null,
    shares: null,
    saves: null,
    profileVisits: null,
    followerGain: null,
    reads: null,
  };
}

/**
 * The headers the four platforms' creator centres (抖音, 快手, 小红书, 视频号) write, as of 2026, and
 * the spellings colleagues type by hand. Seeded once; users edit the table afterwards.
 */
export const DEFAULT_ALIASES: ReadonlyArray<readonly [alias: string, field: MetricField]> = [
  ["播放量", "plays"],
  ["播放数", "plays"],
  ["播放次数", "plays"],
  ["观看次数", "plays"],
  ["观看量", "plays"],
  ["观看人数", "plays"],
  ["浏览量", "plays"],
  ["曝光播放量", "plays"],
  ["完播率", "completion_rate"],
  ["视频完播率", "completion_rate"],
  ["平均播放时长", "avg_watch_seconds"],
  ["平均观看时长", "avg_watch_seconds"],
  ["人均观看时长", "avg_watch_seconds"],
  ["点赞", "likes"],
  ["点赞数", "likes"],
  ["点赞量", "likes"],
  ["获赞", "likes"],
  ["喜欢", "likes"],
  ["评论", "comments"],
  ["评论数", "comments"],
  ["评论量", "comments"],
  ["分享", "shares"],
  ["分享数", "shares"],
  ["分享量", "shares"],
  ["转发", "shares"],
  ["转发数", "shares"],
  ["收藏", "saves"],
  ["收藏数", "saves"],
  ["收藏量", "saves"],
  ["主页访问", "profile_visits"],
  ["主页访问量", "profile_visits"],
  ["主页访问数", "profile_visits"],
  ["粉丝增量", "follower_gain"],
  ["新增粉丝", "follower_gain"],
  ["新增粉丝数", "follower_gain"],
  ["涨粉", "follower_gain"],
  ["涨粉量", "follower_gain"],
  ["阅读量", "reads"],
  ["阅读数", "reads"],
  ["阅读次数", "reads"],
  ["笔记阅读", "reads"],
  ["视频链接", "url"],
  ["作品链接", "url"],
  ["笔记链接", "url"],
  ["链接", "url"],
  ["视频ID", "platform_id"],
  ["作品ID", "platform_id"],
  ["笔记ID", "platform_id"],
  ["标题", "title"],
  ["作品标题", "title"],
  ["视频标题", "title"],
  ["作品名称", "title"],
  ["笔记标题", "title"],
  ["视频描述", "title"],
  ["作品描述", "title"],
  ["发布时间", "published_at"],
  ["发布日期", "published_at"],
];
