import { getStudio } from "~/lib/studio.server";
import { getShowHub } from "./show-hub-instance.server";
import { loadShow } from "./show-store.server";

/** The show's event stream, or null for an unknown show (so the route answers 404, not an empty stream). */
export function openShowEvents(options: { showId: number; request: Request }): Response | null {
  if (!loadShow(getStudio().db, options.showId)) return null;
  return getShowHub().createEventStreamResponse(String(options.showId), options.request);
}
