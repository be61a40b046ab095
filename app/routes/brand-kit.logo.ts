import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { reply } from "~/lib/reply.server";
import { readSmallUpload } from "~/lib/small-upload.server";
import { getStudio } from "~/lib/studio.server";
import { loadBrandKit } from "~/modules/posters/get-brand-kit.server";
import { POSTER_IMAGE_LIMITS } from "~/modules/posters/schemas";
import { uploadBrandLogo } from "~/modules/posters/upload-brand-logo.server";
import { uploadRefusal } from "~/modules/posters/upload-refusal";

/** The kit's current logo, for the brand kit page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  const { db, config } = getStudio();
  const kit = await loadBrandKit(db, config.dataDir);
  if (!kit.logoPng) throw new Response(null, { status: 404 });
  return new Response(Buffer.from(kit.logoPng), {
    headers: { "Content-Type": "image/png", "Cache-Control": "no-cache" },
  });
}

/** The brand kit page's logo upload (its fetcher posts here): one PNG, with the kit's version. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "posters.brandkit");
  const maxBytes = POSTER_IMAGE_LIMITS.logo.maxBytes;
  const upload = await readSmallUpload(request, { maxBytes });
  if (!upload.ok) return reply(request, uploadRefusal(upload.reason, maxBytes), { intent: "upload-logo" });
  const { db, config, now } = getStudio();
  const result = await uploadBrandLogo({
    db,
    dataDir: config.dataDir,
    actor,
    version: Number(upload.form.get("version")) || 0,
    bytes: Buffer.from(await upload.file.arrayBuffer()),
    now: now(),
  });
  return reply(request, result, { intent: "upload-logo", notice: "posterPages.uploaded" });
}
