/**
 * What a build's content hash covers: everything that changes the typeset pages (not the page
 * target). Stored with every build (`ebook_builds.snapshot`) and compared between two builds.
 * Plain types with no imports, so the schema, the server and the UI can all share this one shape.
 */
export interface EbookSnapshot {
  title: string;
  subtitle: string;
  author: string;
  description: string;
  keywords: string[];
  trim: string;
  sections: Array<{
    id: number;
    title: string;
    chapters: Array<{ id: number; title: string; hash: string; chars: number }>;
  }>;
  images: Array<{ name: string; sha256: string }>;
}
