import type { DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { staffMembers } from "../auth/staff-members.server";
import type { VariantRequest } from "./schemas";

export interface PosterVariant {
  /** Part of the QR source `poster-{id}-{key}`: [a-z0-9-], unique within a render. */
  key: string;
  label: string;
}

/** The QR source of a poster's main image or of one of its variants. */
export function posterSource(pieceId: number, key?: string): string {
  return key ? `poster-${pieceId}-${key}` : `poster-${pieceId}`;
}

/**
 * A consultant's key is their e-mail's local part, which is how the landing page finds the name
 * to show ("poster-12-wangfang" → 王芳); a venue's key is its position, as venue names are free
 * Chinese text that a source cannot carry.
 */
function consultantKey(email: string): string {
  return (email.split("@")[0] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

function invalid(detail: string) {
  return fail(400, "invalid_body", `批量版本无效：${detail}`, {
    field: "variants",
    params: { context: "variants", detail },
  });
}

/** Turns requested variants into keys and labels: consultants must be active sales users, no repeats. */
export function resolveVariants(
  db: DbOrTx,
  requests: VariantRequest[],
): Result<{ variants: PosterVariant[] }> {
  const ids = requests.flatMap((r) => ("consultantId" in r ? [r.consultantId] : []));
  const users = ids.length ? staffMembers(db, ids) : [];
  const variants: PosterVariant[] = [];
  let venue = 0;
  for (const request of requests) {
    if ("consultantId" in request) {
      const user = users.find((u) => u.id === request.consultantId);
      if (!user || user.disabled || !user.roles.includes("sales"))
        return invalid(`用户 ${request.consultantId} 不是在职的销售顾问`);
      const key = consultantKey(user.email);
      if (!key) return invalid(`用户 ${user.name} 的邮箱无法生成来源标识`);
      variants.push({ key, label: user.name });
    } else variants.push({ key: `venue-${++venue}`, label: request.venue });
  }
  const keys = new Set(variants.map((v) => v.key));
  if (keys.size !== variants.length) return invalid("名单里有重复");
  // Two consultants may share a name (their keys differ); the same venue twice is a typo.
  const venues = variants.filter((v) => v.key.startsWith("venue-")).map((v) => v.label);
  if (new Set(venues).size !== venues.length) return invalid("名单里有重复");
  return { ok: true, variants };
}
