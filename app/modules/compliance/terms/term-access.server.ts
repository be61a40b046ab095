import { fail, type Failure } from "~/lib/result";
import type { Actor } from "../../auth/actor";
import { can } from "../../auth/permissions";

/** Every change to the library asks this first: only editors and admins keep the library. */
export function refuseUnlessTermManager(actor: Actor): Failure | null {
  return can(actor.roles, "terms.manage")
    ? null
    : fail(403, "forbidden", "你的角色不能修改敏感词库。", { params: { context: "manageTerms" } });
}
