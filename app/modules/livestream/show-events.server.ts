import { fail, type Result } from "~/lib/result";
import { getStudio } from "~/lib/studio.server";
import type { StreamAccess } from "./show-hub.server";
import { getShowHub } from "./show-hub-instance.server";
import { loadShow } from "./show-rows.server";

/**
 * The show's event stream: 404 for an unknown show (not an empty stream), 429 past the hub's caps.
 * `access` names the holder and re-checks their session while the stream stays open.
 */
export function openShowEvents(options: {
  showId: number;
  request: Request;
  access: StreamAccess;
}): Result<{ response: Response }> {
  if (!loadShow(getStudio().db, options.showId))
    return fail(404, "not_found", "直播不存在。", { params: { context: "show" } });
  return getShowHub().createEventStreamResponse(String(options.showId), options.request, options.access);
}
