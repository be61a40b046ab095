import type { DbOrTx } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { notify } from "./notify.server";

/** The workflow steps people are told of: a submission, an approval, a rejection with its reason. */
export function notifyTransition(options: {
  db: DbOrTx;
  now: Date;
  pieceId: number;
  action: string;
  actor: Actor;
  note?: string | null;
}) {
  const { db, now, pieceId, actor } = options;
  if (options.action === "submit") notify({ db, now, event: { type: "review_requested", pieceId, actor } });
  if (options.action === "approve") notify({ db, now, event: { type: "approved", pieceId, actor } });
  if (options.action === "reject")
    notify({ db, now, event: { type: "rejected", pieceId, actor, reason: options.note?.trim() ?? "" } });
}
