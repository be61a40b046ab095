import { fail, type Failure } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";

/** Every change here (imports, undo, aliases) is the importers' (metrics.import), whoever calls. */
export function refuseUnlessImporter(actor: Actor): Failure | null {
  return can(actor.roles, "metrics.import") ? null : fail(403, "forbidden", "你的角色无权执行此操作。");
}
