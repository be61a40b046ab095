import { desc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { mayEditBook } from "./book-access.server";
import { bookOutline, type SignoffRow } from "./book-rows.server";
import { firstContentProblem, signoffRequiredMessage } from "./build-checks.server";
import { toBuildDtos } from "./build-dtos.server";
import { bookSnapshot, contentHashOf } from "./content-hash.server";
import { PUBLIC_BOOK_STATUS } from "./get-public-book.server";
import { getSignoffState } from "./get-signoff-state.server";
import { listBuilds } from "./list-builds.server";
import { loadBookContent } from "./load-book-content.server";
import { printTarget, resolvePublicBase, type PublicBase } from "./public-url.server";
import { validateChapterMarkdown } from "./validate-chapter-markdown";

function signoffDto(row: SignoffRow, validId: number | null, recorder: string, qrUrl: string | null) {
  return {
    id: row.id,
    buildId: row.buildId,
    /** Where the QR codes of the build the reviewer signed point. */
    qrUrl,
    contentHash: row.contentHash,
    organisation: row.organisation,
    reviewer: row.reviewer,
    reviewedOn: row.reviewedOn,
    note: row.note,
    recordedBy: recorder,
    createdAt: row.createdAt.toISOString(),
    valid: row.id === validId,
    voidedAt: row.voidedAt?.toISOString() ?? null,
    voidReason: row.voidReason ?? (row.id === validId ? null : "内容已修改"),
  };
}

/**
 * Everything the book page shows, with what this actor may do. `publicBase` is where a print
 * build's QR codes would point now (resolvePublicBase of the request): the page shows it and
 * says when it cannot be printed.
 */
export function getBookPage(options: {
  db: Db;
  pieceId: number;
  actor: Actor;
  publicBase?: PublicBase | string;
}) {
  const { db, pieceId, actor } = options;
  const content = loadBookContent({ db, pieceId });
  if (!content) return null;
  const snapshot = bookSnapshot(content);
  const contentHash = contentHashOf(snapshot);
  const imageNames = new Set(content.images.map((i) => i.name));
  const builds = listBuilds({ db, pieceId });
  const latestScreen = builds.find((b) => b.profile === "screen");
  const latest = builds[0];
  const signoff = getSignoffState({ db, pieceId, contentHash });
  const buildDtos = toBuildDtos({ db, builds, currentHash: contentHash });
  const qrOfBuild = new Map(buildDtos.map((b) => [b.id, b.qrUrl]));
  const printQr = printTarget({ base: options.publicBase ?? resolvePublicBase(), slug: content.piece.slug });
  const users = new Map(
    db
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.users)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const signoffs = db
    .select()
    .from(schema.ebookSignoffs)
    .where(eq(schema.ebookSignoffs.pieceId, pieceId))
    .orderBy(desc(schema.ebookSignoffs.id))
    .all();
  const requests = db
    .select({ request: schema.ebookBuildRequests, job: schema.jobs })
    .from(schema.ebookBuildRequests)
    .innerJoin(schema.jobs, eq(schema.jobs.id, schema.ebookBuildRequests.jobId))
    .where(eq(schema.ebookBuildRequests.pieceId, pieceId))
    .orderBy(desc(schema.ebookBuildRequests.id))
    .limit(8)
    .all();
  const problem = firstContentProblem(content);
  const canEdit = mayEditBook(content.piece, actor);
  return {
    book: {
      id: content.piece.id,
      kind: content.piece.kind,
      title: content.piece.title,
      status: content.piece.status,
      slug: content.piece.slug,
      /** Whether /p/{slug} answers (only published books are public). */
      isPublic: content.piece.status === PUBLIC_BOOK_STATUS,
      ownerName: users.get(content.piece.ownerId) ?? "",
      subtitle: content.meta.subtitle,
      author: content.meta.author,
      description: content.meta.description,
      keywords: content.meta.keywords,
      trim: content.meta.trim,
      targetPages: content.meta.targetPages,
      version: content.meta.version,
      contentHash,
    },
    sections: bookOutline(content, (c) => ({
      chars: c.markdown.length,
      problems: validateChapterMarkdown(c.markdown, (name) => (imageNames.has(name) ? "image" : "missing"))
        .length,
      updatedAt: c.updatedAt.toISOString(),
    })),
    images: content.images.map((i) => ({
      id: i.id,
      name: i.name,
      format: i.format,
      width: i.width,
      height: i.height,
      bytes: i.bytes,
      url: `/api/v1/ebooks/${pieceId}/images/${i.id}`,
    })),
    builds: buildDtos,
    jobs: requests.map(({ request, job }) => ({
      id: job.id,
      profile: request.profile,
      status: job.status,
      progress: job.progress,
      progressNote: job.progressNote,
      error: job.error,
      createdAt: job.createdAt.toISOString(),
    })),
    pages: {
      latest: latest?.pages ?? null,
      latestScreen: latestScreen?.pages ?? null,
      target: content.meta.targetPages,
    },
    signoff: {
      state: signoff.state,
      reason: signoff.state === "voided" ? signoff.reason : null,
      list: signoffs.map((s) =>
        signoffDto(
          s,
          signoff.state === "valid" ? signoff.signoff.id : null,
          users.get(s.recordedBy) ?? "",
          qrOfBuild.get(s.buildId) ?? null,
        ),
      ),
    },
    /** Where a print build's QR codes would point if requested now, and why that cannot print. */
    printQr,
    buildProblem: problem?.message ?? null,
    printBlockedReason: signoff.state === "valid" ? printQr.problem : signoffRequiredMessage(signoff),
    can: {
      edit: canEdit,
      build: can(actor.roles, "ebooks.build"),
      signoff: can(actor.roles, "ebooks.signoff"),
    },
  };
}
export type BookPage = NonNullable<ReturnType<typeof getBookPage>>;
