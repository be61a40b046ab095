import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../../audit/record-audit.server";
import { auditActor, type Actor } from "../../auth/actor";
import { can } from "../../auth/permissions";
import { normalizeForMatch } from "../scanner/normalize";
import { refuseUnknownColumn } from "./originality-settings.server";
import { BOILERPLATE_MAX, BOILERPLATE_MIN_CHARS, type AddBoilerplateInput } from "./schemas";

/**
 * Declares a line (a disclaimer, the dealership's address) left out of the originality score of
 * every text, or of one column's texts. Editors and admins (`terms.manage`); audited. A line too
 * short to be told apart from ordinary words, or one already declared for the same place (after
 * normalisation), is refused.
 */
export function addBoilerplateLine(options: {
  db: Db;
  actor: Actor;
  input: AddBoilerplateInput;
  now: Date;
}): Result<{ id: number }> {
  const { db, actor, now } = options;
  const text = options.input.text.trim();
  const columnId = options.input.columnId ?? null;
  if (!can(actor.roles, "terms.manage"))
    return fail(403, "forbidden", "你的角色不能修改原创度设置。", {
      params: { context: "manageOriginality" },
    });
  if (text.length > BOILERPLATE_MAX)
    return fail(400, "boilerplate_too_long", `固定文字不能超过 ${BOILERPLATE_MAX} 个字。`, {
      field: "text",
      params: { max: BOILERPLATE_MAX },
    });
  const normalized = normalizeForMatch(text).text;
  if (normalized.length < BOILERPLATE_MIN_CHARS)
    return fail(
      400,
      "boilerplate_too_short",
      `固定文字至少要有 ${BOILERPLATE_MIN_CHARS} 个字（不计空格和标点）。`,
      {
        field: "text",
        params: { min: BOILERPLATE_MIN_CHARS },
      },
    );
  const badColumn = refuseUnknownColumn(db, columnId);
  if (badColumn) return badColumn;
  return db.transaction((tx) => {
    const same = tx
      .select({ text: schema.boilerplateLines.text, columnId: schema.boilerplateLines.columnId })
      .from(schema.boilerplateLines)
      .all()
      .some((line) => line.columnId === columnId && normalizeForMatch(line.text).text === normalized);
    if (same) return fail(409, "boilerplate_duplicate", "这条固定文字已经登记过了。", "text");
    const { id } = tx
      .insert(schema.boilerplateLines)
      .values({ text, columnId, createdAt: now })
      .returning({ id: schema.boilerplateLines.id })
      .get();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "originality.boilerplate.add",
      entity: "boilerplate_line",
      entityId: id,
      after: { text, columnId },
      at: now,
    });
    return { ok: true as const, id };
  });
}
