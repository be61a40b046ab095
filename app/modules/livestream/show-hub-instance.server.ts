import { getStudio } from "~/lib/studio.server";
import { createShowHub, type ShowHub } from "./show-hub.server";
import { loadShow } from "./show-rows.server";

const holder = globalThis as unknown as { __livestreamShowHub?: ShowHub };

/**
 * One hub per process, kept on globalThis so a dev rebuild does not orphan the open streams.
 * It reads through to the database, so a restarted server serves the stored state at once.
 */
export function getShowHub(): ShowHub {
  holder.__livestreamShowHub ??= createShowHub({
    loadState: (showId) => {
      const id = Number(showId);
      if (!Number.isInteger(id) || id <= 0) return null;
      return loadShow(getStudio().db, id)?.state ?? null;
    },
  });
  return holder.__livestreamShowHub;
}

/** Drops the hub (tests simulate a restart with it); subscribers of the old one are forgotten. */
export function resetShowHub(): void {
  holder.__livestreamShowHub?.close();
  holder.__livestreamShowHub = undefined;
}
