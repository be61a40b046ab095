/**
 * Reads the demo books under `db/seed-content/ebooks/<slug>/` (a `book.json` plus one Markdown
 * file per chapter) into the `Book` shape the renderer takes. Used by the seed script and the
 * PDF benchmark. A broken seed file is a bug in the repository, so it throws.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Book } from "./types";

const idSchema = z.string().regex(/^[a-z0-9-]+$/, "ids are lowercase letters, digits and dashes");

const bookFileSchema = z.object({
  slug: idSchema,
  title: z.string().min(1),
  subtitle: z.string().optional(),
  author: z.string().min(1),
  keywords: z.array(z.string()).default([]),
  description: z.string().optional(),
  trim: z.enum(["A5", "B5", "A4"]).default("A5"),
  targetPages: z.number().int().positive(),
  sections: z
    .array(
      z.object({
        id: idSchema,
        title: z.string().min(1),
        chapters: z
          .array(
            z.object({
              id: idSchema,
              title: z.string().min(1),
              file: z
                .string()
                .regex(/^[a-z0-9-]+\/[0-9]{2}-[a-z0-9-]+\.md$/, "file is <section>/<nn>-<chapter>.md"),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

export interface DemoBook {
  slug: string;
  targetPages: number;
  book: Book;
}

export function defaultDemoBooksDir(cwd: string = process.cwd()): string {
  return path.join(cwd, "db", "seed-content", "ebooks");
}

export async function loadDemoBooks(options: { rootDir: string }): Promise<DemoBook[]> {
  const entries = await readdir(options.rootDir, { withFileTypes: true });
  const slugs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const books: DemoBook[] = [];
  for (const slug of slugs) {
    const dir = path.join(options.rootDir, slug);
    const file = path.join(dir, "book.json");
    const parsed = bookFileSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    const meta = parsed.data;
    if (meta.slug !== slug)
      throw new Error(`${file}: slug "${meta.slug}" does not match its folder "${slug}"`);
    const sections = await Promise.all(
      meta.sections.map(async (section) => ({
        id: section.id,
        title: section.title,
        chapters: await Promise.all(
          section.chapters.map(async (chapter) => ({
            id: chapter.id,
            title: chapter.title,
            markdown: await readFile(path.join(dir, chapter.file), "utf8"),
          })),
        ),
      })),
    );
    books.push({
      slug,
      targetPages: meta.targetPages,
      book: {
        title: meta.title,
        subtitle: meta.subtitle,
        author: meta.author,
        keywords: meta.keywords,
        description: meta.description,
        trim: meta.trim,
        sections,
      },
    });
  }
  return books;
}
