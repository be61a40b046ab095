// Shared setup of the media integration tests: a short test column, an episode made through the
// column page, multipart uploads through the API route, and a worker running the media jobs.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { schema } from "~/lib/db.server";
import { mediaJobHandlers } from "~/modules/media/job-handlers.server";
import { makeLavfiClip, type LavfiClipSpec } from "~/modules/media/make-sample-clips.server";
import { action as columnAction } from "~/routes/_app.columns.$id";
import { action as uploadAction } from "~/routes/api.v1.episodes.$id.media";
import { action as cancelAction } from "~/routes/api.v1.jobs.$id.cancel";
import { formRequest, respond, routeArgs as args, type TestStudio } from "../setup/test-studio";
import { runQueuedJobs } from "../setup/run-jobs";

export { routeArgs as args } from "../setup/test-studio";

export function insertTestColumn(
  t: TestStudio,
  durationSeconds = 4,
  slug = `test-${Math.random().toString(36).slice(2, 8)}`,
): number {
  return t.studio.db
    .insert(schema.columns)
    .values({
      slug,
      name: "测试栏目",
      episodeTarget: 3,
      durationSeconds,
      outroLine: "到店报暗号“秒懂”",
      mixCategory: "车型讲解",
    })
    .returning({ id: schema.columns.id })
    .get().id;
}

export async function createEpisodeViaPage(
  columnId: number,
  cookie: string,
  title = "测试短视频",
): Promise<number> {
  const res = await respond(() =>
    columnAction(
      args(formRequest(`/columns/${columnId}`, { intent: "new-episode", title }, cookie), {
        id: String(columnId),
      }),
    ),
  );
  expect(res.status).toBe(302);
  return Number(res.headers.get("Location")!.split("/").pop());
}

export async function makeClip(dir: string, name: string, spec: LavfiClipSpec): Promise<string> {
  const made = await makeLavfiClip({ outputPath: path.join(dir, name), spec });
  if (!made.ok) throw new Error(made.message);
  return made.path;
}

/** A one-frame still image (PNG or JPEG by its name) drawn by the given lavfi video source. */
export const makeStill = (dir: string, name: string, video: string) =>
  makeClip(dir, name, { video, seconds: 1, videoCodecOptions: ["-frames:v", "1"] });

/** The first half of a file's bytes, written next to it as `name`: a file cut short. */
export function cutInHalf(source: string, name: string): string {
  const target = path.join(path.dirname(source), name);
  const bytes = fs.readFileSync(source);
  fs.writeFileSync(target, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return target;
}

export function uploadRequest(
  pieceId: number,
  file: { bytes: Uint8Array; name: string; type?: string },
  cookie: string,
): Request {
  const body = new FormData();
  body.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "video/mp4" }), file.name);
  return new Request(`http://localhost/api/v1/episodes/${pieceId}/media`, {
    method: "POST",
    body,
    headers: { Cookie: cookie },
  });
}

export async function upload(
  pieceId: number,
  filePath: string,
  cookie: string,
  name = path.basename(filePath),
) {
  return respond(() =>
    uploadAction(
      args(uploadRequest(pieceId, { bytes: fs.readFileSync(filePath), name }, cookie), {
        id: String(pieceId),
      }),
    ),
  );
}

/** A brand asset (logo, intro, outro, outro audio) posted to the column page's upload form. */
export async function uploadColumnAsset(
  columnId: number,
  role: string,
  filePath: string,
  cookie: string,
  name = path.basename(filePath),
) {
  const body = new FormData();
  body.append("role", role);
  body.append("file", new Blob([new Uint8Array(fs.readFileSync(filePath))]), name);
  return respond(() =>
    columnAction(
      args(
        new Request(`http://localhost/columns/${columnId}`, {
          method: "POST",
          body,
          headers: { Cookie: cookie },
        }),
        { id: String(columnId) },
      ),
    ),
  );
}

/** A multipart body sent as it is (written by hand, byte for byte), to the episode's upload route. */
export async function uploadRaw(pieceId: number, body: Uint8Array, boundary: string, cookie: string) {
  return respond(() =>
    uploadAction(
      args(
        new Request(`http://localhost/api/v1/episodes/${pieceId}/media`, {
          method: "POST",
          body: new Uint8Array(body),
          headers: { Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}` },
        }),
        { id: String(pieceId) },
      ),
    ),
  );
}

/** POST /api/v1/jobs/{id}/cancel as the given user. */
export async function cancelJobAs(jobId: number, cookie: string) {
  return respond(() =>
    cancelAction(
      args(
        new Request(`http://localhost/api/v1/jobs/${jobId}/cancel`, {
          method: "POST",
          headers: { Cookie: cookie },
        }),
        { id: String(jobId) },
      ),
    ),
  );
}

/** Runs queued media jobs in this process until none is left. */
export const runMediaJobs = (t: TestStudio, timeout = 120_000) =>
  runQueuedJobs(t.studio, { handlers: mediaJobHandlers, backoffBaseMs: 10, timeout });

/** Every regular file under a directory (hidden ones included), relative to it. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath ?? d.path, d.name)));
}

export function assetsOf(t: TestStudio, pieceId: number) {
  return t.studio.db.select().from(schema.mediaAssets).where(eq(schema.mediaAssets.pieceId, pieceId)).all();
}
