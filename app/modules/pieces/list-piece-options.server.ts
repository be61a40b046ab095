import { asc } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";

/** Choices for the piece filters and form selects. */
export function listPieceOptions(options: { db: Db }) {
  const { db } = options;
  return {
    campaigns: db
      .select({ id: schema.campaigns.id, name: schema.campaigns.name, month: schema.campaigns.month })
      .from(schema.campaigns)
      .orderBy(asc(schema.campaigns.month))
      .all(),
    columns: db
      .select({ id: schema.columns.id, name: schema.columns.name })
      .from(schema.columns)
      .orderBy(asc(schema.columns.id))
      .all(),
    owners: db
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.users)
      .orderBy(asc(schema.users.id))
      .all(),
  };
}
