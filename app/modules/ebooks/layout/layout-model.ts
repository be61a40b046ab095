/**
 * The page model `layoutBook` returns: per-page display lists the painter only has to draw, plus
 * what it needs to be handed in (glyph widths, image sizes, the QR matrix). Plain types.
 */
import type { PageGeometry } from "../page-geometry";
import type { Block, Book, OutlineEntry } from "../types";

export type FontKey = "regular" | "bold";

export interface TextStyle {
  font: FontKey;
  size: number;
  color: string;
  href?: string;
}

export interface QrMatrix {
  size: number;
  /** Row-major, 1 = dark module. */
  cells: Uint8Array;
}

export type DisplayItem =
  | { kind: "text"; x: number; baseline: number; text: string; style: TextStyle; characterSpacing: number }
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  | { kind: "image"; path: string; x: number; y: number; w: number; h: number }
  | { kind: "qr"; x: number; y: number; size: number; matrix: QrMatrix }
  /** A clickable area: an internal named destination or an external URL (screen profile only). */
  | { kind: "link"; x: number; y: number; w: number; h: number; dest?: string; url?: string }
  | { kind: "dest"; name: string }
  | { kind: "outline"; title: string; level: number };

export type PageRole = "cover" | "toc" | "section" | "chapter-start" | "body" | "blank" | "back";

export interface LaidPage {
  role: PageRole;
  chapterTitle?: string;
  /** Coordinates are in points from the trim's top-left corner. */
  items: DisplayItem[];
}

export interface ImageInfo {
  path: string;
  width: number;
  height: number;
}

export interface LayoutInput {
  book: Book;
  /** Parsed blocks per chapter id. */
  chapters: Map<string, Block[]>;
  geometry: PageGeometry;
  measure: (text: string, font: FontKey, size: number) => number;
  images: Map<string, ImageInfo>;
  qr: QrMatrix;
  publicUrl: string;
  onProgress?: (fraction: number) => void;
}

export interface BookLayout {
  pages: LaidPage[];
  outline: OutlineEntry[];
  /** Chapter id -> 1-based page number. */
  chapterStartPages: Record<string, number>;
}
