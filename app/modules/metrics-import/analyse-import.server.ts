import { eq } from "drizzle-orm";
import { translator } from "~/i18n/i18n";
import { formatInstant } from "~/lib/dates";
import { schema, type DbOrTx } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import { matchRows, type ManualChoice, type MatchedRow } from "./match-rows.server";
import { aliasMap } from "./alias-map.server";
import { readExport, type ExportColumn } from "./read-export";
import type { ImportEncoding } from "./read-import-file.server";

export interface ImportCounts {
  rows: number;
  /** Rows that would be (or were) written. */
  ready: number;
  skipped: number;
  /** Rows with a problem and not skipped: any of them stops the apply. */
  blocked: number;
  byUrl: number;
  byPlatformId: number;
  byTitle: number;
  byManual: number;
}

export interface ImportAnalysis {
  platform: string;
  channelId: number;
  channelName: string;
  asOfDay: string;
  encoding: ImportEncoding;
  fileName: string;
  headerRow: number;
  columns: ExportColumn[];
  rows: MatchedRow[];
  counts: ImportCounts;
}

export function countRows(rows: MatchedRow[]): ImportCounts {
  const by = (kind: string) => rows.filter((r) => !r.skipped && !r.blocking && r.match?.by === kind).length;
  return {
    rows: rows.length,
    ready: rows.filter((r) => !r.skipped && !r.blocking).length,
    skipped: rows.filter((r) => r.skipped).length,
    blocked: rows.filter((r) => r.blocking).length,
    byUrl: by("url"),
    byPlatformId: by("platformId"),
    byTitle: by("title"),
    byManual: by("manual"),
  };
}

/**
 * The platform (a channel key) and the as-of day checked: the channel exists, the day is a real
 * one and not after today in the studio's zone (figures "as of tomorrow" are a typo).
 */
export function checkTarget(options: {
  tx: DbOrTx;
  platform: string;
  asOfDay: string;
  now: Date;
  timeZone: string;
}): { ok: true; channel: { id: number; name: string } } | Failure {
  const channel = options.tx
    .select({ id: schema.channels.id, name: schema.channels.name })
    .from(schema.channels)
    .where(eq(schema.channels.key, options.platform))
    .get();
  if (!channel)
    return fail(400, "unknown_channel", `没有这个渠道：${options.platform}`, {
      field: "platform",
      params: { key: options.platform },
    });
  const today = formatInstant(options.now, options.timeZone, "YYYY-MM-DD");
  if (options.asOfDay > today)
    return fail(400, "as_of_in_future", `数据日期 ${options.asOfDay} 晚于今天（${today}）。`, {
      field: "asOf",
      params: { day: options.asOfDay, today },
    });
  return { ok: true, channel };
}

/**
 * Reads an export's text (headers through the alias table), matches its rows to pieces and
 * applies a person's choices; the same analysis serves the preview, the apply and the API's dry
 * run, so what the preview shows is what the apply writes.
 */
export function analyseImport(options: {
  tx: DbOrTx;
  text: string;
  encoding: ImportEncoding;
  fileName: string;
  platform: string;
  asOfDay: string;
  manual: ReadonlyMap<number, ManualChoice>;
  now: Date;
  timeZone: string;
}): { ok: true; analysis: ImportAnalysis } | Failure {
  const { tx, now } = options;
  const target = checkTarget(options);
  if (!target.ok) return target;
  const table = readExport(options.text, aliasMap({ db: tx, now }));
  if ("ok" in table) return table;
  const rows = matchRows({
    tx,
    channelId: target.channel.id,
    rows: table.rows,
    manual: options.manual,
    timeZone: options.timeZone,
  });
  return {
    ok: true,
    analysis: {
      platform: options.platform,
      channelId: target.channel.id,
      channelName: target.channel.name,
      asOfDay: options.asOfDay,
      encoding: options.encoding,
      fileName: options.fileName,
      headerRow: table.headerRow,
      columns: table.columns,
      rows,
      counts: countRows(rows),
    },
  };
}

/** The refusal of an apply with blocked rows: the first one named, and how many more there are. */
export function blockedRowsFailure(rows: MatchedRow[]): Failure | null {
  const blocked = rows.filter((r) => r.blocking);
  if (blocked.length === 0) return null;
  const [first] = blocked;
  const [problem] = first.problems;
  const more = blocked.length - 1;
  const params = {
    ...(more > 0 ? { context: "more", more } : {}),
    row: first.row,
    rows: blocked
      .slice(0, 20)
      .map((r) => r.row)
      .join(", "),
    problem: problem.problem,
    column: problem.column,
    value: problem.value,
    count: problem.count,
    other: problem.other,
  };
  return fail(400, "import_row", translator("zh")("errors.import_row", params), { field: "file", params });
}
