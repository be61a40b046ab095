import { eq } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { BRAND_KIT_ID, DEFAULT_BRAND_KIT, getBrandKitView } from "./get-brand-kit.server";
import { isPosterFontKey } from "./render/poster-catalog";
import type { BrandKitInput } from "./schemas";

type LogoValues = { logoSha256: string; logoWidth: number; logoHeight: number; logoBytes: number };

/**
 * Writes the kit (inserting the one row on first save) in the caller's transaction, with its
 * audit. `version` is the one the editor saw; another save in between is refused as stale.
 */
export function writeBrandKit(
  tx: DbOrTx,
  options: {
    actor: Actor;
    version: number;
    values: Partial<Omit<BrandKitInput, "version">> & Partial<LogoValues>;
    now: Date;
  },
): Result<{ version: number }> {
  const { actor, values, now } = options;
  const before = getBrandKitView(tx);
  if (before.version !== options.version)
    return fail(409, "stale", "品牌资料刚被他人修改，请刷新后再改。", { params: { context: "brandKit" } });
  const version = before.version + 1;
  if (before.version === 0)
    tx.insert(schema.brandKits)
      .values({
        id: BRAND_KIT_ID,
        ...DEFAULT_BRAND_KIT,
        ...values,
        version,
        updatedBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .run();
  else
    tx.update(schema.brandKits)
      .set({ ...values, version, updatedBy: actor.id, updatedAt: now })
      .where(eq(schema.brandKits.id, BRAND_KIT_ID))
      .run();
  const { logo, version: _v, updatedAt: _u, ...shown } = before;
  recordAudit(tx, {
    actor: auditActor(actor),
    action: "posters.brand_kit.save",
    entity: "brand_kit",
    entityId: BRAND_KIT_ID,
    before: { ...shown, logo: logo?.sha256 ?? null },
    after: { ...values, version },
    at: now,
  });
  return { ok: true, version };
}

export function forbiddenKit() {
  return fail(403, "forbidden", "你的角色不能修改品牌资料。", { params: { context: "brandKit" } });
}

/** A face the studio does not offer (the kit's fonts are POSTER_FONTS), named as the font field's error. */
export function unknownPosterFont(font: string) {
  return fail(400, "poster_font_unknown", "品牌资料的字体无效：请从列表中选择一种字体。", {
    field: "font",
    params: { font },
  });
}

/** Saves the kit's text, colours and font; every poster rendered after this draws them. */
export function saveBrandKit(options: {
  db: Db;
  actor: Actor;
  input: BrandKitInput;
  now: Date;
}): Result<{ version: number }> {
  if (!can(options.actor.roles, "posters.brandkit")) return forbiddenKit();
  const { version, ...values } = options.input;
  if (values.font !== undefined && !isPosterFontKey(values.font)) return unknownPosterFont(values.font);
  return options.db.transaction((tx) =>
    writeBrandKit(tx, { actor: options.actor, version, values, now: options.now }),
  );
}
