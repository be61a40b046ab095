import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import type { Actor } from "./actor";
import { sha256Hex } from "./password.server";

export interface SignOutOptions {
  db: Db;
  token: string;
  actor: Actor;
  now: Date;
}

/** Revokes the session of this token, with its audit entry. */
export function signOut(options: SignOutOptions): void {
  options.db.transaction((tx) => {
    tx.update(schema.sessions)
      .set({ revokedAt: options.now })
      .where(eq(schema.sessions.tokenHash, sha256Hex(options.token)))
      .run();
    recordAudit(tx, {
      actor: { id: options.actor.id, label: options.actor.email },
      action: "auth.sign_out",
      entity: "user",
      entityId: options.actor.id,
      at: options.now,
    });
  });
}
