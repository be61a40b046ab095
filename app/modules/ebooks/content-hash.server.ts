/**
 * The content hash: a snapshot of everything that is printed, and its sha256. A sign-off covers
 * one hash, and a build records the hash it was typeset from.
 */
import crypto from "node:crypto";
import { bookOutline, type BookContent } from "./book-rows.server";
import type { EbookSnapshot } from "./ebook-snapshot";

export function sha256Hex(data: string | Buffer): string {
  return crypto.createHash("sha256").update(data).digest("hex");
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
    sections: bookOutline(content, (c) => ({ hash: sha256Hex(c.markdown), chars: c.markdown.length })),
    images: content.images.map((i) => ({ name: i.name, sha256: i.sha256 })),
  };
}

export function contentHashOf(snapshot: EbookSnapshot): string {
  return sha256Hex(JSON.stringify(snapshot));
}
