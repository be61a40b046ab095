import { and, count, desc, eq, gte, like, lte, type SQL } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";

export interface AuditFilter {
  entity?: string;
  action?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export function listAudit(options: { db: Db; filter: AuditFilter }) {
  const { db, filter } = options;
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(schema.auditLog.entity, filter.entity));
  if (filter.action) conditions.push(like(schema.auditLog.action, `${filter.action}%`));
  if (filter.actor) conditions.push(like(schema.auditLog.actorLabel, `%${filter.actor}%`));
  if (filter.from) conditions.push(gte(schema.auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(schema.auditLog.at, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(schema.auditLog).where(where).get()?.n ?? 0;
  const items = db
    .select()
    .from(schema.auditLog)
    .where(where)
    .orderBy(desc(schema.auditLog.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all()
    .map((row) => ({ ...row, summary: JSON.parse(row.summary) as { before: unknown; after: unknown } }));
  return { items, total };
}
