import type { TFunction } from "i18next";
import { blockKindKey, type RunOfShowBlock } from "~/modules/livestream/run-of-show";
import type { ShowAction, ShowState } from "~/modules/livestream/show-state";
import type { ShowSnapshot } from "./use-show-clock";

export type ShowCommandResult =
  { ok: true; state?: ShowState; serverNow?: number } | { ok: false; message: string; code?: string };

/**
 * What both screens need; the routes supply URLs, so nothing here depends on Remix. The strings
 * come from the page's i18next instance (`useTranslation`).
 */
export interface ShowViewProps {
  blocks: RunOfShowBlock[];
  initialSnapshot: ShowSnapshot | null;
  eventsUrl: string;
  timeUrl?: string;
  snapshotUrl?: string;
  /** Absent for a viewer without the right to drive the show. */
  onCommand?: (action: ShowAction) => Promise<ShowCommandResult>;
  /**
   * Called when the blocks this screen holds may no longer be the show's: the block count differs
   * from the state's, or the show just went live (the blocks were frozen then). The page reloads them.
   */
  onBlocksStale?: () => void;
}

/** A block as the prompter and the console name it: loop · product · kind, each part when it applies. */
export function blockLabel(block: RunOfShowBlock, t: TFunction): string {
  const parts: string[] = [];
  if (block.loop > 0) parts.push(t("livestream.screen.loop", { n: block.loop }));
  if (block.productIndex !== undefined && block.productName)
    parts.push(t("livestream.productLabel", { n: block.productIndex + 1, name: block.productName }));
  parts.push(t(blockKindKey(block.kind)));
  return parts.join(" · ");
}
