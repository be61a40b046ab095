import { sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { schema } from "~/lib/db.server";
import type { ComplianceFlag } from "./review-types";

const { pieceChecks: pc, complianceJustifications: j } = schema;

/**
 * The calendar's compliance mark of a piece as one SQL expression, for the slot queries: from the
 * piece's stored check, "new_findings" while a library change's flag is up, "unresolved" when it
 * has a block finding or a review finding that no justification for its part's text covers
 * (the rule of `resolution.ts`, for a flag that is down), else null. A text changed since its
 * check is judged by the publish gate when it matters; the mark shows the last check.
 */
export function complianceFlagSql(pieceId: AnySQLiteColumn): SQL<ComplianceFlag | null> {
  return sql<ComplianceFlag | null>`(select case
      when ${pc.flaggedAt} is not null then 'new_findings'
      when ${pc.blockCount} > 0 then 'unresolved'
      when ${pc.reviewCount} > 0 and exists (
        select 1 from json_each(${pc.findings}) as f
        where json_extract(f.value, '$.severity') = 'review'
          and not exists (
            select 1 from ${j}
            where ${j.pieceId} = ${pc.pieceId} and ${j.kind} = 'findings'
              and ${j.textHash} = json_extract(f.value, '$.partHash')
          )
      ) then 'unresolved'
    end
    from ${pc} where ${pc.pieceId} = ${pieceId})`;
}
