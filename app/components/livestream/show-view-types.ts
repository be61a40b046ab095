import type { RunOfShowBlock } from "~/modules/livestream/run-of-show";
import type { ShowAction, ShowState } from "~/modules/livestream/show-state";
import type { LivestreamDictionary, LivestreamLang } from "./livestream-i18n";
import type { ShowSnapshot } from "./use-show-clock";

export type ShowCommandResult =
  { ok: true; state?: ShowState; serverNow?: number } | { ok: false; message: string; code?: string };

/** What both screens need; the routes supply URLs, so nothing here depends on Remix. */
export interface ShowViewProps {
  blocks: RunOfShowBlock[];
  initialSnapshot: ShowSnapshot | null;
  eventsUrl: string;
  timeUrl?: string;
  snapshotUrl?: string;
  /** Absent for a viewer without the right to drive the show. */
  onCommand?: (action: ShowAction) => Promise<ShowCommandResult>;
  lang?: LivestreamLang;
  /**
   * Called when the blocks this screen holds may no longer be the show's: the block count differs
   * from the state's, or the show just went live (the blocks were frozen then). The page reloads them.
   */
  onBlocksStale?: () => void;
}

export function blockLabel(block: RunOfShowBlock, t: LivestreamDictionary): string {
  const parts: string[] = [];
  if (block.loop > 0) parts.push(t.loop(block.loop));
  if (block.productIndex !== undefined && block.productName)
    parts.push(t.product(block.productIndex + 1, block.productName));
  parts.push(t.kind[block.kind]);
  return parts.join(" · ");
}
