import type { Db } from "~/lib/db.server";
import { can } from "../auth/permissions";
import { staffMembers } from "../auth/staff-members.server";

export interface ListShowStaffOptions {
  db: Db;
}

/** People who can be named host or producer of a show, for the builder's pickers. */
export function listShowStaff(options: ListShowStaffOptions): {
  hosts: { value: string; label: string }[];
  producers: { value: string; label: string }[];
} {
  const users = staffMembers(options.db);
  const active = users.filter((u) => !u.disabled);
  const option = (u: (typeof users)[number]) => ({ value: String(u.id), label: `${u.name}（${u.email}）` });
  return {
    hosts: active.filter((u) => can(u.roles, "livestream.prompter")).map(option),
    producers: active.filter((u) => can(u.roles, "livestream.control")).map(option),
  };
}
