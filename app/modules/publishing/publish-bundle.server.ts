import { and, desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { trackedLink } from "../ebooks/public-url.server";
import { latestVerifiedImage } from "../media/latest-image.server";
import { captionHashtags } from "./hashtags";
import type { PublishBundleDto } from "./publishing-types";

function linkFor(base: string, slug: string, channelKey: string): string {
  const link = trackedLink({ base, slug, source: channelKey });
  // A slug or key outside the tracked-link alphabet still gets a plain landing link.
  return link.ok ? link.url : `${base.replace(/\/+$/, "")}/p/${encodeURIComponent(slug)}`;
}

/**
 * What an operator needs to post a slot by hand, and what a webhook receiver gets: the piece's
 * latest rendered file (an episode's render, a book's screen PDF, a poster's image), its cover, the
 * caption with its hashtags, and the tracked link with the channel as source. File URLs are paths
 * on the studio (signed-in users open them); the tracked link is absolute on `base`.
 */
export function getPublishBundle(options: {
  db: DbOrTx;
  piece: { id: number; kind: string; title: string; slug: string };
  channelKey: string;
  caption: string;
  /** The public base URL (`publicBaseUrl()`). */
  base: string;
}): PublishBundleDto {
  const { db, piece } = options;
  let media: PublishBundleDto["media"] = null;
  let cover: PublishBundleDto["cover"] = null;
  if (piece.kind === "episode") {
    const render = db
      .select({ id: schema.episodeRenders.id, number: schema.episodeRenders.number })
      .from(schema.episodeRenders)
      .where(eq(schema.episodeRenders.pieceId, piece.id))
      .orderBy(desc(schema.episodeRenders.number))
      .limit(1)
      .get();
    if (render) {
      media = {
        kind: "video",
        url: `/renders/${render.id}/video`,
        downloadUrl: `/renders/${render.id}/video?download=1`,
        label: `v${render.number}.mp4`,
      };
      cover = { url: `/renders/${render.id}/cover` };
    }
  } else if (piece.kind === "ebook" || piece.kind === "handbook") {
    // The screen build is what goes online; print builds go to the printer.
    const build = db
      .select({ id: schema.ebookBuilds.id, pages: schema.ebookBuilds.pages })
      .from(schema.ebookBuilds)
      .where(and(eq(schema.ebookBuilds.pieceId, piece.id), eq(schema.ebookBuilds.profile, "screen")))
      .orderBy(desc(schema.ebookBuilds.createdAt), desc(schema.ebookBuilds.id))
      .limit(1)
      .get();
    if (build) {
      const url = `/api/v1/builds/${build.id}.pdf`;
      media = { kind: "pdf", url, downloadUrl: url, label: `${build.pages} 页 PDF` };
    }
  } else {
    const image = latestVerifiedImage(db, piece.id);
    if (image) {
      media = {
        kind: "image",
        url: `/media/${image.id}`,
        downloadUrl: `/media/${image.id}`,
        label: image.originalName,
      };
      cover = { url: `/media/${image.id}` };
    }
  }
  const link = linkFor(options.base, piece.slug, options.channelKey);
  const caption = options.caption.trim();
  return {
    media,
    cover,
    caption,
    hashtags: captionHashtags(caption),
    copyText: caption ? `${caption}\n${link}` : link,
    trackedLink: link,
  };
}
