/**
 * Reading a book back from its tables: the content the renderer takes, its snapshot and content
 * hash, where its files live, and whether its external sign-off still holds.
 */
import crypto from "node:crypto";
import path from "node:path";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import type { EbookSnapshot } from "./ebook-snapshot";
import { BOOK_KINDS } from "./schemas";
import type { Book, ResolveImage, TrimSize } from "./types";

export type PieceRow = typeof schema.pieces.$inferSelect;
export type EbookRow = typeof schema.ebooks.$inferSelect;
export type ChapterRow = typeof schema.ebookChapters.$inferSelect;
export type SectionRow = typeof schema.ebookSections.$inferSelect;
export type ImageRow = typeof schema.ebookImages.$inferSelect;
export type BuildRow = typeof schema.ebookBuilds.$inferSelect;
export type SignoffRow = typeof schema.ebookSignoffs.$inferSelect;

export interface BookContent {
  piece: PieceRow;
  meta: EbookRow;
  sections: Array<SectionRow & { chapters: ChapterRow[] }>;
  images: ImageRow[];
}

export function sha256Hex(data: string | Buffer): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

/** The book row pair (piece + ebook detail), or null when the id is not a book. */
export function findBook(db: DbOrTx, pieceId: number): { piece: PieceRow; meta: EbookRow } | null {
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  if (!piece || !(BOOK_KINDS as readonly string[]).includes(piece.kind)) return null;
  const meta = db.select().from(schema.ebooks).where(eq(schema.ebooks.pieceId, pieceId)).get();
  return meta ? { piece, meta } : null;
}

export function loadBookContent(db: DbOrTx, pieceId: number): BookContent | null {
  const found = findBook(db, pieceId);
  if (!found) return null;
  const sections = db
    .select()
    .from(schema.ebookSections)
    .where(eq(schema.ebookSections.pieceId, pieceId))
    .orderBy(asc(schema.ebookSections.position), asc(schema.ebookSections.id))
    .all();
  const chapters = db
    .select()
    .from(schema.ebookChapters)
    .where(eq(schema.ebookChapters.pieceId, pieceId))
    .orderBy(asc(schema.ebookChapters.position), asc(schema.ebookChapters.id))
    .all();
  const images = db
    .select()
    .from(schema.ebookImages)
    .where(eq(schema.ebookImages.pieceId, pieceId))
    .orderBy(asc(schema.ebookImages.name))
    .all();
  return {
    ...found,
    sections: sections.map((s) => ({ ...s, chapters: chapters.filter((c) => c.sectionId === s.id) })),
    images,
  };
}

/** What the content hash covers: everything that changes the typeset pages (not the page target). */
export function bookSnapshot(content: BookContent): EbookSnapshot {
  return {
    title: content.piece.title,
    subtitle: content.meta.subtitle,
    author: content.meta.author,
    description: content.meta.description,
    keywords: content.meta.keywords,
    trim: content.meta.trim,
    sections: content.sections.map((s) => ({
      id: s.id,
      title: s.title,
      chapters: s.chapters.map((c) => ({
        id: c.id,
        title: c.title,
        hash: sha256Hex(c.markdown),
        chars: c.markdown.length,
      })),
    })),
    images: content.images.map((i) => ({ name: i.name, sha256: i.sha256 })),
  };
}

export function contentHashOf(snapshot: EbookSnapshot): string {
  return sha256Hex(JSON.stringify(snapshot));
}

export function currentContentHash(db: DbOrTx, pieceId: number): string | null {
  const content = loadBookContent(db, pieceId);
  return content ? contentHashOf(bookSnapshot(content)) : null;
}

export function toRenderBook(content: BookContent): Book {
  return {
    title: content.piece.title,
    subtitle: content.meta.subtitle || undefined,
    author: content.meta.author,
    keywords: content.meta.keywords,
    description: content.meta.description || undefined,
    trim: content.meta.trim as TrimSize,
    sections: content.sections.map((s) => ({
      id: `s${s.id}`,
      title: s.title,
      chapters: s.chapters.map((c) => ({ id: `c${c.id}`, title: c.title, markdown: c.markdown })),
    })),
  };
}

// ---- files under DATA_DIR: every path is built from ids and hashes, never from user input ----

export function ebooksDir(dataDir: string): string {
  return path.join(dataDir, "ebooks");
}

export function imageExtension(format: string): string {
  return format === "jpeg" ? "jpg" : "png";
}

export function imageFilePath(
  dataDir: string,
  image: Pick<ImageRow, "pieceId" | "sha256" | "format">,
): string {
  return path.join(
    ebooksDir(dataDir),
    "images",
    String(image.pieceId),
    `${image.sha256}.${imageExtension(image.format)}`,
  );
}

export function buildFilePath(dataDir: string, build: Pick<BuildRow, "pieceId" | "sha256">): string {
  return path.join(ebooksDir(dataDir), "builds", String(build.pieceId), `${build.sha256}.pdf`);
}

export function imageResolver(dataDir: string, images: ImageRow[]): ResolveImage {
  const byName = new Map(images.map((i) => [i.name, i]));
  return (name) => {
    const image = byName.get(name);
    return image
      ? { ok: true, path: imageFilePath(dataDir, image) }
      : { ok: false, message: "本书没有这个图片" };
  };
}

// ---- where a build's QR codes point ----

/**
 * The absolute URL each build's QR codes encode, by build id (null when unknown). It is the
 * `publicUrl` its job was queued with: the job row stays as long as the build (foreign key).
 */
export function buildQrUrls(
  db: DbOrTx,
  builds: Array<Pick<BuildRow, "id" | "jobId">>,
): Map<number, string | null> {
  const jobIds = [...new Set(builds.map((b) => b.jobId))];
  const payloads = new Map(
    jobIds.length
      ? db
          .select({ id: schema.jobs.id, payload: schema.jobs.payload })
          .from(schema.jobs)
          .where(inArray(schema.jobs.id, jobIds))
          .all()
          .map((j) => [j.id, j.payload] as const)
      : [],
  );
  return new Map(
    builds.map((b) => {
      const url = payloads.get(b.jobId)?.publicUrl;
      return [b.id, typeof url === "string" ? url : null];
    }),
  );
}

// ---- external review sign-off ----

export type SignoffState =
  | { state: "none" }
  | { state: "valid"; signoff: SignoffRow }
  | { state: "voided"; signoff: SignoffRow; reason: string };

/**
 * The latest sign-off and whether it still covers the current content. A sign-off is valid only
 * while it is not voided and the content hash it names is the book's hash now.
 */
export function signoffState(db: DbOrTx, pieceId: number, contentHash?: string | null): SignoffState {
  const latest = db
    .select()
    .from(schema.ebookSignoffs)
    .where(eq(schema.ebookSignoffs.pieceId, pieceId))
    .orderBy(desc(schema.ebookSignoffs.id))
    .limit(1)
    .get();
  if (!latest) return { state: "none" };
  if (latest.voidedAt) return { state: "voided", signoff: latest, reason: latest.voidReason ?? "内容已修改" };
  const hash = contentHash === undefined ? currentContentHash(db, pieceId) : contentHash;
  if (hash !== latest.contentHash) return { state: "voided", signoff: latest, reason: "内容已修改" };
  return { state: "valid", signoff: latest };
}

/**
 * Called inside every transaction that changes a book's content: active sign-offs are voided with
 * the reason, in the same transaction, so a print build can never use a stale approval.
 */
export function voidSignoffs(
  tx: DbOrTx,
  options: { pieceId: number; reason: string; actor: Actor; now: Date },
): number[] {
  const active = tx
    .select({ id: schema.ebookSignoffs.id })
    .from(schema.ebookSignoffs)
    .where(and(eq(schema.ebookSignoffs.pieceId, options.pieceId), isNull(schema.ebookSignoffs.voidedAt)))
    .all()
    .map((r) => r.id);
  if (active.length === 0) return [];
  tx.update(schema.ebookSignoffs)
    .set({ voidedAt: options.now, voidReason: options.reason })
    .where(inArray(schema.ebookSignoffs.id, active))
    .run();
  recordAudit(tx, {
    actor: auditActor(options.actor),
    action: "ebook.signoff.void",
    entity: "piece",
    entityId: options.pieceId,
    before: { signoffIds: active },
    after: { reason: options.reason },
    at: options.now,
  });
  return active;
}

/** Marks the piece as touched (its list order and "updated" column follow book edits). */
export function touchPiece(tx: DbOrTx, pieceId: number, now: Date): void {
  tx.update(schema.pieces).set({ updatedAt: now }).where(eq(schema.pieces.id, pieceId)).run();
}
