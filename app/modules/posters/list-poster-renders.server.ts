import { asc, desc, eq, inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { toJobDto, type JobDto } from "../jobs/queue.server";

export interface PosterRenderDto {
  id: number;
  number: number;
  source: "template" | "upload";
  template: string | null;
  size: string | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  /** done when the image exists; otherwise the job's status. */
  state: "done" | "queued" | "running" | "failed" | "cancelled";
  job: JobDto | null;
  imageUrl: string | null;
  zipUrl: string | null;
  variants: Array<{ key: string; label: string; source: string; imageUrl: string }>;
  createdAt: string;
}

/** A poster's versions, newest first, with their job's progress and their variants. */
export function listPosterRenders(db: DbOrTx, pieceId: number): PosterRenderDto[] {
  const rows = db
    .select({ render: schema.posterRenders, job: schema.jobs })
    .from(schema.posterRenders)
    .leftJoin(schema.jobs, eq(schema.jobs.id, schema.posterRenders.jobId))
    .where(eq(schema.posterRenders.pieceId, pieceId))
    .orderBy(desc(schema.posterRenders.number))
    .all();
  const ids = rows.map((r) => r.render.id);
  const variants = ids.length
    ? db
        .select()
        .from(schema.posterVariants)
        .where(inArray(schema.posterVariants.renderId, ids))
        .orderBy(asc(schema.posterVariants.id))
        .all()
    : [];
  return rows.map(({ render, job }) => {
    const done = render.assetId !== null;
    const base = `/posters/${pieceId}/renders/${render.id}`;
    const own = variants.filter((v) => v.renderId === render.id);
    const jobState = (job?.status ?? "failed") as PosterRenderDto["state"];
    return {
      id: render.id,
      number: render.number,
      source: render.source as PosterRenderDto["source"],
      template: render.template,
      size: render.size,
      width: render.width,
      height: render.height,
      bytes: render.bytes,
      state: done ? "done" : jobState,
      job: job ? toJobDto(job) : null,
      imageUrl: done ? base : null,
      zipUrl: done && own.length > 0 ? `${base}/zip` : null,
      variants: own.map((v) => ({
        key: v.key,
        label: v.label,
        source: v.source,
        imageUrl: `${base}?variant=${v.key}`,
      })),
      createdAt: render.createdAt.toISOString(),
    };
  });
}
