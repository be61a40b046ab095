/** Read models for the e-book pages and API: plain JSON-able DTOs. */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { canEditPiece } from "../pieces/status-machine";
import {
  bookSnapshot,
  buildQrUrls,
  contentHashOf,
  loadBookContent,
  signoffState,
  type BuildRow,
  type SignoffRow,
} from "./book-store.server";
import { compareSnapshots } from "./compare-builds";
import { PUBLIC_BOOK_STATUS } from "./get-public-book.server";
import { printedUrlReason, printTarget, resolvePublicBase, type PublicBase } from "./public-url.server";
import { firstContentProblem, signoffRequiredMessage } from "./request-build.server";
import { BOOK_KINDS } from "./schemas";
import { validateChapterMarkdown } from "./validate-chapter-markdown";

export interface BuildDto {
  id: number;
  profile: string;
  pages: number;
  bytes: number;
  sha256: string;
  contentHash: string;
  signoffId: number | null;
  renderMs: number;
  createdAt: string;
  /** Typeset from the book's content as it is now. */
  current: boolean;
  downloadUrl: string;
  /** The address this build's QR codes encode (null when unknown). */
  qrUrl: string | null;
  /** Whether that address is public, i.e. could go to print (not loopback, private or local). */
  qrPublic: boolean;
}

export function toBuildDto(
  build: BuildRow,
  currentHash: string | null,
  qrUrl: string | null = null,
): BuildDto {
  return {
    id: build.id,
    profile: build.profile,
    pages: build.pages,
    bytes: build.bytes,
    sha256: build.sha256,
    contentHash: build.contentHash,
    signoffId: build.signoffId,
    renderMs: build.renderMs,
    createdAt: build.createdAt.toISOString(),
    current: build.contentHash === currentHash,
    downloadUrl: `/api/v1/builds/${build.id}.pdf`,
    qrUrl,
    qrPublic: qrUrl !== null && printedUrlReason(qrUrl) === null,
  };
}

/** Build DTOs with the address each build's QR codes point to. */
export function toBuildDtos(db: Db, builds: BuildRow[], currentHash: string | null): BuildDto[] {
  const qr = buildQrUrls(db, builds);
  return builds.map((b) => toBuildDto(b, currentHash, qr.get(b.id) ?? null));
}

export function listBuilds(options: { db: Db; pieceId: number }): BuildRow[] {
  return options.db
    .select()
    .from(schema.ebookBuilds)
    .where(eq(schema.ebookBuilds.pieceId, options.pieceId))
    .orderBy(desc(schema.ebookBuilds.id))
    .all();
}

export function getBuild(options: { db: Db; buildId: number }): BuildRow | null {
  return (
    options.db.select().from(schema.ebookBuilds).where(eq(schema.ebookBuilds.id, options.buildId)).get() ??
    null
  );
}

export function listBooks(options: { db: Db }) {
  const { db } = options;
  const rows = db
    .select({ piece: schema.pieces, meta: schema.ebooks, ownerName: schema.users.name })
    .from(schema.ebooks)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.ebooks.pieceId))
    .leftJoin(schema.users, eq(schema.users.id, schema.pieces.ownerId))
    .where(inArray(schema.pieces.kind, [...BOOK_KINDS]))
    .orderBy(desc(schema.pieces.updatedAt))
    .all();
  return rows.map(({ piece, meta, ownerName }) => {
    const chapters = db
      .select({ id: schema.ebookChapters.id })
      .from(schema.ebookChapters)
      .where(eq(schema.ebookChapters.pieceId, piece.id))
      .all().length;
    const latest = db
      .select()
      .from(schema.ebookBuilds)
      .where(eq(schema.ebookBuilds.pieceId, piece.id))
      .orderBy(desc(schema.ebookBuilds.id))
      .limit(1)
      .get();
    const signoff = signoffState(db, piece.id);
    return {
      id: piece.id,
      kind: piece.kind,
      title: piece.title,
      status: piece.status,
      ownerName: ownerName ?? "",
      trim: meta.trim,
      targetPages: meta.targetPages,
      chapters,
      latestPages: latest?.pages ?? null,
      latestBuildAt: latest?.createdAt.toISOString() ?? null,
      signoff: signoff.state,
      updatedAt: piece.updatedAt.toISOString(),
    };
  });
}

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
  const content = loadBookContent(db, pieceId);
  if (!content) return null;
  const snapshot = bookSnapshot(content);
  const contentHash = contentHashOf(snapshot);
  const imageNames = new Set(content.images.map((i) => i.name));
  const builds = listBuilds({ db, pieceId });
  const latestScreen = builds.find((b) => b.profile === "screen");
  const latest = builds[0];
  const signoff = signoffState(db, pieceId, contentHash);
  const buildDtos = toBuildDtos(db, builds, contentHash);
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
  const canEdit = can(actor.roles, "ebooks.edit") && canEditPiece(content.piece, actor);
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
    sections: content.sections.map((s) => ({
      id: s.id,
      title: s.title,
      chapters: s.chapters.map((c) => ({
        id: c.id,
        title: c.title,
        chars: c.markdown.length,
        problems: validateChapterMarkdown(c.markdown, (name) => (imageNames.has(name) ? "image" : "missing"))
          .length,
        updatedAt: c.updatedAt.toISOString(),
      })),
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

export function getChapterPage(options: { db: Db; pieceId: number; chapterId: number; actor: Actor }) {
  const { db, pieceId, chapterId, actor } = options;
  const content = loadBookContent(db, pieceId);
  if (!content) return null;
  const chapter = content.sections.flatMap((s) => s.chapters).find((c) => c.id === chapterId);
  if (!chapter) return null;
  return {
    book: { id: content.piece.id, title: content.piece.title, kind: content.piece.kind },
    chapter: {
      id: chapter.id,
      title: chapter.title,
      markdown: chapter.markdown,
      sectionId: chapter.sectionId,
      version: chapter.version,
      updatedAt: chapter.updatedAt.toISOString(),
    },
    sections: content.sections.map((s) => ({ id: s.id, title: s.title })),
    images: content.images.map((i) => ({ name: i.name, url: `/api/v1/ebooks/${pieceId}/images/${i.id}` })),
    canEdit: can(actor.roles, "ebooks.edit") && canEditPiece(content.piece, actor),
  };
}

export function getImage(options: { db: Db; pieceId: number; imageId: number }) {
  return (
    options.db
      .select()
      .from(schema.ebookImages)
      .where(and(eq(schema.ebookImages.id, options.imageId), eq(schema.ebookImages.pieceId, options.pieceId)))
      .get() ?? null
  );
}

/** Two builds of the same book side by side, with the chapters that changed between them. */
export function compareBuilds(options: { db: Db; pieceId: number; a: number; b: number }) {
  const { db, pieceId } = options;
  const rows = db
    .select()
    .from(schema.ebookBuilds)
    .where(
      and(eq(schema.ebookBuilds.pieceId, pieceId), inArray(schema.ebookBuilds.id, [options.a, options.b])),
    )
    .orderBy(asc(schema.ebookBuilds.id))
    .all();
  const older = rows.find((r) => r.id === Math.min(options.a, options.b));
  const newer = rows.find((r) => r.id === Math.max(options.a, options.b));
  if (!older || !newer) return null;
  const currentHash = contentHashOf(bookSnapshot(loadBookContent(db, pieceId)!));
  const [olderDto, newerDto] = toBuildDtos(db, [older, newer], currentHash);
  return {
    older: olderDto,
    newer: newerDto,
    diff: compareSnapshots(older.snapshot, newer.snapshot),
  };
}
