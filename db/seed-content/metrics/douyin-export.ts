/**
 * A 抖音创作者中心 "作品数据" export as the dealership's main account would download it: a note
 * line above the header, the creator centre's Chinese column names (some the studio does not read:
 * 体裁, 审核状态, 5s完播率, 封面点击率), figures written the way the platform writes them (1.2万,
 * 23.5%, 00:00:23), most rows with their video link, a few with only their title, and one video
 * the studio never planned (a livestream clip posted from the phone). Built at seed time from the
 * demo's published slots, so the links and titles match whatever day the studio was first started.
 */

export const DOUYIN_EXPORT_HEADER = [
  "作品名称",
  "发布时间",
  "体裁",
  "审核状态",
  "播放量",
  "完播率",
  "5s完播率",
  "平均播放时长",
  "点赞量",
  "评论量",
  "分享量",
  "收藏量",
  "主页访问量",
  "粉丝增量",
  "封面点击率",
  "视频链接",
];

export interface ExportVideo {
  title: string;
  /** "YYYY-MM-DD HH:mm" on the platform's (China's) clock. */
  publishedAt: string;
  /** Null for rows the export lists without a link (matched by title). */
  url: string | null;
}

/** A small deterministic generator: the same videos give the same figures on every machine. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** 12,345 → "1.2万" as the creator centre shows counts of ten thousand and more. */
function wan(value: number): string {
  return value >= 10_000 ? `${(value / 10_000).toFixed(1)}万` : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `00:${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The export's rows (header first) for the given videos: plays between 20,000 and 800,000, about
 * one in five over 500,000 (the department's viral line), completion 14–38%, a 60-second video
 * watched 12–30 s on average, and the interactions in the proportions the account sees.
 */
export function douyinExportRows(videos: ExportVideo[], updatedAt: string): string[][] {
  const next = random(20_260_616);
  const rows = videos.map((video) => {
    const viral = next() < 0.2;
    const plays = Math.round(viral ? 500_000 + next() * 300_000 : 20_000 + next() * 380_000);
    const completion = 0.14 + next() * 0.24;
    const likes = Math.round(plays * (0.02 + next() * 0.03));
    return [
      video.title,
      video.publishedAt,
      "视频",
      "已发布",
      wan(plays),
      `${(completion * 100).toFixed(1)}%`,
      `${(completion * 100 + 30 + next() * 15).toFixed(1)}%`,
      clock(12 + completion * 50),
      wan(likes),
      String(Math.round(plays * (0.002 + next() * 0.003))),
      String(Math.round(plays * (0.003 + next() * 0.004))),
      String(Math.round(plays * (0.005 + next() * 0.006))),
      String(Math.round(plays * (0.008 + next() * 0.006))),
      String(Math.round(plays * (0.001 + next() * 0.002))),
      `${(4 + next() * 6).toFixed(1)}%`,
      video.url ?? "",
    ];
  });
  return [[`数据更新时间：${updatedAt}`], DOUYIN_EXPORT_HEADER, ...rows];
}

/** The video on the account that no piece of the studio stands for (the import skips it). */
export const UNPLANNED_VIDEO = "直播切片：周末试驾团购会现场";
