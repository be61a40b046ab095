import { asc } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { episodeCounts, toColumnDto, type ColumnDto } from "./column-rows.server";

export interface ListColumnsOptions {
  db: Db;
}

/** Every column with its progress toward the episode target (published / target). */
export function listColumns(options: ListColumnsOptions): ColumnDto[] {
  const rows = options.db.select().from(schema.columns).orderBy(asc(schema.columns.id)).all();
  const counts = episodeCounts(
    options.db,
    rows.map((r) => r.id),
  );
  return rows.map((c) => toColumnDto(c, counts.get(c.id)?.published ?? 0, counts.get(c.id)?.total ?? 0));
}
