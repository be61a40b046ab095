/**
 * The short-video content mix of a month: the plan wants model explainers (车型讲解) 30%, driving
 * tips (用车技巧) 40% and owner stories (车主故事) 30% of what goes out. Counted over the month's
 * slots of episodes that are (or will be) posts, so a video on three channels counts three times,
 * as the audience sees it three times. Pure.
 */
import { COUNTED_SLOT_STATUSES, type MixDto } from "./calendar-types";

/** Target shares in percent; the category names are the values stored on pieces and columns. */
export const MIX_TARGETS: ReadonlyArray<{ category: string; target: number }> = [
  { category: "车型讲解", target: 30 },
  { category: "用车技巧", target: 40 },
  { category: "车主故事", target: 30 },
];

/** A category more than this many percentage points off its target is flagged. */
export const MIX_TOLERANCE_POINTS = 5;

/** The piece kind the mix is about: short videos. */
export const MIX_KIND = "episode";

export interface MixSlot {
  pieceKind: string;
  /** The piece's category, else its column's (episodes take their column's category). */
  mixCategory: string | null;
  status: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function computeMix(month: string, slots: readonly MixSlot[]): MixDto {
  const counted = slots.filter(
    (s) => s.pieceKind === MIX_KIND && (COUNTED_SLOT_STATUSES as readonly string[]).includes(s.status),
  );
  const total = counted.length;
  const byCategory = new Map<string, number>();
  for (const s of counted)
    if (s.mixCategory) byCategory.set(s.mixCategory, (byCategory.get(s.mixCategory) ?? 0) + 1);
  const known = MIX_TARGETS.reduce((n, t) => n + (byCategory.get(t.category) ?? 0), 0);
  return {
    month,
    total,
    uncategorised: total - known,
    categories: MIX_TARGETS.map(({ category, target }) => {
      const actual = byCategory.get(category) ?? 0;
      const share = total ? (actual / total) * 100 : 0;
      const offBy = share - target;
      return {
        category,
        target,
        actual,
        share: round1(share),
        offBy: round1(offBy),
        // An empty month is not off target: there is nothing to judge yet.
        warning: total > 0 && Math.abs(offBy) > MIX_TOLERANCE_POINTS,
      };
    }),
  };
}
