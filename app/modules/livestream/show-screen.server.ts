import type { Db } from "~/lib/db.server";
import type { RunOfShowBlock } from "./run-of-show";
import { loadShow } from "./show-rows.server";
import type { ShowState } from "./show-state";

export interface ShowScreenData {
  id: number;
  title: string;
  /** The script's workflow status: a show goes live only from an approved script. */
  scriptStatus: string;
  blocks: RunOfShowBlock[];
  snapshot: { state: ShowState; serverNow: number };
}

/** What the prompter and the console render first; the stream takes over after hydration. */
export function getShowScreen(options: { db: Db; showId: number; now: Date }): ShowScreenData | null {
  const loaded = loadShow(options.db, options.showId);
  if (!loaded) return null;
  return {
    id: options.showId,
    title: loaded.piece.title,
    scriptStatus: loaded.piece.status,
    blocks: loaded.blocks,
    snapshot: { state: loaded.state, serverNow: options.now.getTime() },
  };
}
