/** Helper: the Actor a live session or API token acts as, read from its user row. */
import { schema } from "~/lib/db.server";
import type { Actor } from "./actor";
import { isRole } from "./permissions";

export function toActor(user: typeof schema.users.$inferSelect): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles.filter(isRole),
    mustChangePassword: user.mustChangePassword,
  };
}
