import { count, eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import type { Studio } from "~/lib/studio.server";
import type { PieceKind } from "~/modules/pieces/status-machine";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { action as eventsAction } from "~/routes/api.v1.events";
import { workflowPiece } from "../setup/pieces";
import { respond, routeArgs, signedInUser } from "../setup/test-studio";

export const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

/** A piece taken through the workflow to published, so its landing page and endpoints answer. */
export async function publishedPiece(
  studio: Studio,
  options: { kind?: PieceKind; title?: string; body?: string; status?: "published" | "draft" } = {},
) {
  const owner = await signedInUser(studio, ["copywriter"]);
  const editor = await signedInUser(studio, ["editor"]);
  const piece = workflowPiece(studio, {
    owner: owner.actor,
    editor: editor.actor,
    kind: options.kind ?? "poster",
    title: options.title ?? "透明车间开放日",
    body: options.body ?? "玻璃房透明车间开放日，参与互动即送原厂玻璃水。",
    status: options.status === "draft" ? "draft" : "approved",
  });
  if (options.status !== "draft") {
    const moved = transitionPiece({
      db: studio.db,
      actor: editor.actor,
      pieceId: piece.id,
      action: "publish",
      now: studio.now(),
    });
    if (!moved.ok) throw new Error(moved.message);
  }
  return studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, piece.id)).get()!;
}

/** POSTs a beacon body to the events route as a browser's sendBeacon would. */
export function postEvents(
  body: unknown,
  options: { ip?: string; userAgent?: string; contentType?: string } = {},
): Promise<Response> {
  const request = new Request("http://localhost/api/v1/events", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: {
      "Content-Type": options.contentType ?? "text/plain;charset=UTF-8",
      "User-Agent": options.userAgent ?? PHONE_UA,
    },
  });
  return respond(() => eventsAction(routeArgs(request, {}, options.ip ?? "203.0.113.7")));
}

let next = 0;
/** A fresh client-made event id. */
export const eventId = () => `evt-${Date.now().toString(36)}-${(next++).toString(36).padStart(4, "0")}`;

export function storedEventCount(studio: Studio): number {
  return studio.db.select({ n: count() }).from(schema.trackingEvents).get()!.n;
}

export function rollupsOf(studio: Studio, pieceId: number) {
  return studio.db.select().from(schema.eventRollups).where(eq(schema.eventRollups.pieceId, pieceId)).all();
}
