import { asc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

/** People a lead can be given to: active accounts with the sales role, by name. */
export function listSalesStaff(db: DbOrTx): Array<{ id: number; name: string }> {
  return db
    .select({ id: schema.users.id, name: schema.users.name, roles: schema.users.roles })
    .from(schema.users)
    .where(eq(schema.users.disabled, false))
    .orderBy(asc(schema.users.name), asc(schema.users.id))
    .all()
    .filter((user) => user.roles.includes("sales"))
    .map(({ id, name }) => ({ id, name }));
}

/** Whether `userId` is one of them. */
export function isSalesStaff(db: DbOrTx, userId: number): boolean {
  const user = db.select().from(schema.users).where(eq(schema.users.id, userId)).get();
  return Boolean(user && !user.disabled && user.roles.includes("sales"));
}
