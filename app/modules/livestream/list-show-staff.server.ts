import { schema, type Db } from "~/lib/db.server";
import { can } from "../auth/permissions";

export interface ListShowStaffOptions {
  db: Db;
}

/** People who can be named host or producer of a show, for the builder's pickers. */
export function listShowStaff(options: ListShowStaffOptions): {
  hosts: { value: string; label: string }[];
  producers: { value: string; label: string }[];
} {
  const users = options.db
    .select({
      id: schema.users.id,
      name: schema.users.name,
      email: schema.users.email,
      roles: schema.users.roles,
      disabled: schema.users.disabled,
    })
    .from(schema.users)
    .all();
  const active = users.filter((u) => !u.disabled);
  const option = (u: (typeof users)[number]) => ({ value: String(u.id), label: `${u.name}（${u.email}）` });
  return {
    hosts: active.filter((u) => can(u.roles, "livestream.prompter")).map(option),
    producers: active.filter((u) => can(u.roles, "livestream.control")).map(option),
  };
}
