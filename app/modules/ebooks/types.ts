/**
 * Shared shapes of the e-book engine. Pure types only, so the browser bundle (chapter editor
 * preview) and the server renderer agree on one model.
 */

export type TrimSize = "A5" | "B5" | "A4";
export type RenderProfile = "screen" | "print";

export interface BookChapter {
  id: string;
  title: string;
  markdown: string;
}

export interface BookSection {
  id: string;
  title: string;
  chapters: BookChapter[];
}

export interface Book {
  title: string;
  subtitle?: string;
  author: string;
  keywords?: string[];
  description?: string;
  /** Defaults to A5. */
  trim?: TrimSize;
  sections: BookSection[];
}

/** Inline text with the marks the typesetter understands. */
export interface InlineSpan {
  text: string;
  strong?: boolean;
  em?: boolean;
  code?: boolean;
  /** Only http(s) and mailto targets survive parsing. */
  href?: string;
  /** A hard line break (two trailing spaces or a backslash in Markdown). */
  hardBreak?: boolean;
}

export type TableAlign = "left" | "center" | "right" | null;

/** Every block carries the 1-based source line it started on, for error messages. */
export type Block =
  | { type: "heading"; level: number; inlines: InlineSpan[]; line: number }
  | { type: "paragraph"; inlines: InlineSpan[]; line: number }
  | { type: "list"; ordered: boolean; start: number; items: Block[][]; line: number }
  | { type: "quote"; blocks: Block[]; line: number }
  | { type: "tip"; kind: "tip" | "warning"; blocks: Block[]; line: number }
  | { type: "table"; header: InlineSpan[][]; rows: InlineSpan[][][]; align: TableAlign[]; line: number }
  | { type: "image"; name: string; alt: string; line: number }
  | { type: "code"; text: string; line: number }
  | { type: "rule"; line: number };

export interface ImageRef {
  name: string;
  alt: string;
  line: number;
}

export type ResolveImageResult = { ok: true; path: string } | { ok: false; message: string };
export type ResolveImage = (name: string) => ResolveImageResult;

export interface OutlineEntry {
  title: string;
  /** 1 = section, 2 = chapter. */
  level: number;
  /** 1-based physical page number, which is also the printed folio. */
  page: number;
}

export interface RenderBookError {
  chapterId?: string;
  line?: number;
  message: string;
}
