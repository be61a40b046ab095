/** Helpers of the account use cases: whether a user exists, and ending a user's sessions. */
import { and, eq, isNull, ne } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { sha256Hex } from "./password.server";

/** Whether an account with this id exists (disabled ones included). */
export function userExists(db: DbOrTx, userId: number): boolean {
  return !!db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.id, userId)).get();
}

/**
 * Ends every live session of the user at once (a reset, a disabled account, a changed password),
 * except the one of `keepToken` (the person changing their own password stays signed in there).
 * Answers how many sessions ended.
 */
export function revokeUserSessions(tx: DbOrTx, userId: number, now: Date, keepToken?: string | null): number {
  const s = schema.sessions;
  return tx
    .update(s)
    .set({ revokedAt: now })
    .where(
      and(
        eq(s.userId, userId),
        isNull(s.revokedAt),
        keepToken ? ne(s.tokenHash, sha256Hex(keepToken)) : undefined,
      ),
    )
    .run().changes;
}
