import { asc } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";

export interface ListUsersOptions {
  db: Db;
}

/** Every account in creation order, for the admin page and the token form. */
export function listUsers(options: ListUsersOptions) {
  return options.db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      roles: schema.users.roles,
      disabled: schema.users.disabled,
      createdAt: schema.users.createdAt,
    })
    .from(schema.users)
    .orderBy(asc(schema.users.id))
    .all();
}
