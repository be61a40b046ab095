import type { Role } from "./permissions";

/** The signed-in person (or the user an API token acts for) that every use case receives. */
export interface Actor {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  /** Set for invited users and after a reset: pages send them to change it first. */
  mustChangePassword?: boolean;
}

export function auditActor(actor: Actor | null) {
  return actor ? { id: actor.id, label: actor.email } : { id: null, label: "system" };
}
