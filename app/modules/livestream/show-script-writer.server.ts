/**
 * Writing a show's script into its tables: the helpers `createShow` and `updateShow` share
 * (staff check, the product and fixed-block rows, the plain-text piece body).
 */
import { eq } from "drizzle-orm";
import { translator } from "~/i18n/i18n";
import { schema, type DbOrTx } from "~/lib/db.server";
import { fail } from "~/lib/result";
import { can } from "../auth/permissions";
import { blockKindKey, type BlockKind } from "./run-of-show";
import type { ShowInput } from "./show-input";
import type { ShowScript } from "./show-script";
import { flatProduct, toShowScript } from "./show-script";

/** Plain-text rendering of the script for the piece body: search and revisions see the words. */
export function pieceBody(script: ShowScript): string {
  // Stored and diffed, so always in the studio's language.
  const t = translator("zh");
  const kind = (k: BlockKind) => t(blockKindKey(k));
  const part = (k: BlockKind, text: string) => t("livestream.scriptText.part", { kind: kind(k), text });
  const timed = (k: BlockKind, p: { text: string; seconds: number }) =>
    `  ${t("livestream.scriptText.timedPart", { kind: kind(k), seconds: p.seconds, text: p.text })}`;
  const lines = [
    t("livestream.scriptText.summary", {
      minutes: script.plannedMinutes,
      products: script.products.length,
    }),
    part("opening", script.opening.text),
  ];
  script.products.forEach((p, i) => {
    lines.push(
      t("livestream.productLabel", { n: i + 1, name: p.name }),
      timed("pain", p.painPoint),
      timed("selling", p.sellingPoint),
      timed("perk", p.perk),
    );
  });
  lines.push(
    part("interaction", script.interaction.text),
    t("livestream.scriptText.cta", { kind: kind("cta"), text: script.cta.text, url: script.cta.url }),
    part("closing", script.closing.text),
  );
  return lines.join("\n");
}

export function checkStaff(db: DbOrTx, input: ShowInput) {
  for (const [field, id, capability, label, context] of [
    ["hostId", input.hostId, "livestream.prompter", "主播", "host"],
    ["producerId", input.producerId, "livestream.control", "场控", "producer"],
  ] as const) {
    if (id === undefined) continue;
    const user = db
      .select({ roles: schema.users.roles, disabled: schema.users.disabled })
      .from(schema.users)
      .where(eq(schema.users.id, id))
      .get();
    if (!user || user.disabled || !can(user.roles, capability))
      return fail(400, "invalid_staff", `所选${label}不存在或没有${label}角色`, {
        field,
        params: { context },
      });
  }
  return null;
}

export function writeScript(tx: DbOrTx, showId: number, input: ShowInput, now: Date) {
  const script = toShowScript(input, { timing: { hostCharsPerMinute: input.hostCharsPerMinute } });
  const values = {
    scheduledAt: script.scheduledAt ? new Date(script.scheduledAt) : null,
    hostId: input.hostId ?? null,
    producerId: input.producerId ?? null,
    plannedMinutes: script.plannedMinutes,
    hostCharsPerMinute: script.hostCharsPerMinute,
    openingText: script.opening.text,
    interactionText: script.interaction.text,
    ctaText: script.cta.text,
    ctaUrl: script.cta.url,
    closingText: script.closing.text,
    updatedAt: now,
  };
  tx.delete(schema.livestreamProducts).where(eq(schema.livestreamProducts.showId, showId)).run();
  script.products.forEach((p, position) => {
    tx.insert(schema.livestreamProducts)
      .values({ showId, position, ...flatProduct(p) })
      .run();
  });
  return { script, values };
}
