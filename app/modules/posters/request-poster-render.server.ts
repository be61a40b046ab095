import { and, desc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { scanText } from "../compliance/scan-text.server";
import type { PublicBase } from "../ebooks/public-url.server";
import { enqueueJob, type JobRow } from "../jobs/queue.server";
import { findPoster, posterNotFound } from "./find-poster.server";
import { posterBody } from "./poster-copy";
import { posterQrUrl, posterRenderInputs } from "./poster-render-input.server";
import { resolveVariants } from "./poster-variants.server";
import { nextRenderNumber } from "./record-poster-image.server";
import { buildPosterTree } from "./render/render-poster.server";
import type { RequestPosterRenderInput } from "./schemas";

export const POSTER_RENDER_JOB = "poster.render";

/**
 * Queues a render of the poster as it is now (and one variant per consultant or venue asked
 * for). Refused before queueing: a role that may not render, a piece published or archived, copy
 * with block findings of the term library (named), copy that does not fit (the field named), bad
 * variants. A render of the poster already waiting or running is answered instead of a second.
 */
export async function requestPosterRender(options: {
  db: Db;
  dataDir: string;
  actor: Actor;
  pieceId: number;
  input: RequestPosterRenderInput;
  publicBase: PublicBase | string;
  now: Date;
}): Promise<Result<{ job: JobRow; renderId: number; created: boolean }>> {
  const { db, actor, pieceId, now } = options;
  if (!can(actor.roles, "renders.create"))
    return fail(403, "forbidden", "你的角色不能生成海报。", { params: { context: "renderPoster" } });
  const found = findPoster(db, pieceId);
  if (!found) return posterNotFound();
  const { piece, poster } = found;
  if (piece.status === "archived")
    return fail(409, "invalid_transition", "已归档的海报不能再生成。", {
      params: { context: "posterArchived" },
    });

  const scan = scanText({ db, text: posterBody(poster.fields) });
  if (!scan.ok) return scan;
  const blocks = scan.findings.filter((f) => f.severity === "block");
  if (blocks.length > 0) {
    const terms = [...new Set(blocks.map((f) => f.match))].join("、");
    return fail(
      422,
      "compliance_blocked",
      `海报文案有 ${blocks.length} 处禁用用语（${terms}），修改后才能生成。`,
      {
        field: "fields",
        params: { context: "poster", count: blocks.length, terms },
      },
    );
  }

  const variants = resolveVariants(db, options.input.variants ?? []);
  if (!variants.ok) return variants;
  const qr = posterQrUrl({ base: options.publicBase, piece });
  if (!qr.ok) return qr;
  // Laid out once here (no drawing), so copy that cannot fit is refused now, naming the field,
  // rather than as a failed job later.
  const inputs = await posterRenderInputs(db, options.dataDir, poster);
  const tree = await buildPosterTree({ ...inputs, qrUrl: qr.url });
  if (!tree.ok) return tree;
  const publicUrl = typeof options.publicBase === "string" ? options.publicBase : options.publicBase.url;

  return db.transaction((tx) => {
    const active = tx
      .select({ job: schema.jobs, renderId: schema.posterRenders.id })
      .from(schema.posterRenders)
      .innerJoin(schema.jobs, eq(schema.jobs.id, schema.posterRenders.jobId))
      .where(
        and(eq(schema.posterRenders.pieceId, pieceId), inArray(schema.jobs.status, ["queued", "running"])),
      )
      .orderBy(desc(schema.jobs.id))
      .limit(1)
      .get();
    if (active) return { ok: true as const, job: active.job, renderId: active.renderId, created: false };
    const number = nextRenderNumber(tx, pieceId);
    const { job } = enqueueJob(tx, {
      type: POSTER_RENDER_JOB,
      payload: { pieceId, number, publicUrl },
      actor,
      now,
    });
    const renderId = tx
      .insert(schema.posterRenders)
      .values({
        pieceId,
        number,
        source: "template",
        jobId: job.id,
        template: poster.template,
        size: poster.size,
        fields: poster.fields,
        variants: variants.variants,
        requestedBy: actor.id,
        createdAt: now,
      })
      .returning({ id: schema.posterRenders.id })
      .get().id;
    return { ok: true as const, job, renderId, created: true };
  });
}
