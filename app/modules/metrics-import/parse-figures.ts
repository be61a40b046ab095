/**
 * Figures as the platforms' exports write them: "1.2万", "3,456", "12.3w", "23.5%", "00:00:23",
 * "1分23秒". Pure functions; a value they cannot read is `undefined` (the row gets a problem), a
 * blank or a dash is `null` (the export has no figure there).
 */

/** Export cells that mean "no figure": empty, dashes, "暂无". */
const BLANK = /^(?:|-+|—+|－+|\/|暂无|无|n\/a|null)$/i;

/** Full-width digits and punctuation as ASCII, spaces gone. */
function normalise(cell: string): string {
  return cell.normalize("NFKC").replace(/\s+/g, "");
}

const UNITS: Record<string, number> = {
  "": 1,
  k: 1_000,
  千: 1_000,
  w: 10_000,
  万: 10_000,
  m: 1_000_000,
  百万: 1_000_000,
  千万: 10_000_000,
  亿: 100_000_000,
};

/**
 * A count: "3,456", "1.2万", "12.3w", "1.5亿", "2.4k", "+12". Rounded to a whole number (1.23万
 * is 12,300: the platform rounded first). Negative only where `allowNegative` (a follower gain
 * can be a loss).
 */
export function parseCount(
  cell: string,
  options: { allowNegative?: boolean } = {},
): number | null | undefined {
  const text = normalise(cell);
  if (BLANK.test(text)) return null;
  const match = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(k|千|w|万|m|百万|千万|亿)?(?:次|个|人)?$/i.exec(
    text,
  );
  if (!match) return undefined;
  const [, sign, whole, fraction, unit] = match;
  const value = Number(`${whole.replaceAll(",", "")}.${fraction ?? "0"}`) * UNITS[(unit ?? "").toLowerCase()];
  if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) return undefined;
  // A bare count cannot have a fraction ("12.5" plays); with a unit it can ("1.25万").
  if (!unit && fraction && Number(fraction) !== 0) return undefined;
  const rounded = Math.round(value);
  if (sign === "-") return options.allowNegative ? -rounded : undefined;
  return rounded;
}

/**
 * A rate as 0..1: "23.5%" → 0.235; "0.235" → 0.235; a bare number above 1 ("23.5") is read as
 * percent, as the exports that drop the sign mean it. Above 100% is not a rate.
 */
export function parsePercent(cell: string): number | null | undefined {
  const text = normalise(cell);
  if (BLANK.test(text)) return null;
  const match = /^(\d+(?:\.\d+)?)(%)?$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const rate = match[2] || value > 1 ? value / 100 : value;
  if (rate > 1) return undefined;
  return Math.round(rate * 1_000_000) / 1_000_000;
}

/**
 * A duration in seconds: "23", "23.4", "23秒", "23s", "1分23秒", "1分钟23秒", "1m23s", "01:23",
 * "00:01:23".
 */
export function parseDuration(cell: string): number | null | undefined {
  const text = normalise(cell).toLowerCase();
  if (BLANK.test(text)) return null;
  let match = /^(\d+(?:\.\d+)?)(?:秒|s|sec)?$/.exec(text);
  if (match) return Number(match[1]);
  match = /^(?:(\d+)(?:小时|h))?(?:(\d+)(?:分钟|分|m|min))?(?:(\d+(?:\.\d+)?)(?:秒|s))?$/.exec(text);
  if (match && (match[1] || match[2] || match[3]))
    return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  match = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(text);
  if (match && Number(match[2]) < 60 && Number(match[3]) < 60)
    return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  return undefined;
}

/**
 * The calendar day of a publish time as exports write it ("2026-11-20 19:00", "2026/11/20",
 * "2026年11月20日 19:00"), as YYYY-MM-DD; null when it is not one. The time of day is the
 * platform's wall clock, which for these four platforms is China's.
 */
export function parseDay(cell: string): string | null {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:$|[\sT])/.exec(cell.normalize("NFKC").trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
