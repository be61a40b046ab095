import { inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

/**
 * Accounts with what decides whether one may be named for a job (a show's host, a poster's
 * consultant): name, email, roles and whether disabled. Every account, or only those of `ids`.
 */
export function staffMembers(db: DbOrTx, ids?: number[]) {
  return db
    .select({
      id: schema.users.id,
      name: schema.users.name,
      email: schema.users.email,
      roles: schema.users.roles,
      disabled: schema.users.disabled,
    })
    .from(schema.users)
    .where(ids ? inArray(schema.users.id, ids) : undefined)
    .all();
}
