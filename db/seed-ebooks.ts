import { and, eq } from "drizzle-orm";
import { projectRoot } from "../app/lib/env.server";
import { insertBook } from "../app/modules/ebooks/create-book.server";
import { defaultDemoBooksDir, loadDemoBooks } from "../app/modules/ebooks/load-demo-books.server";
import { publicBaseUrl } from "../app/modules/ebooks/public-url.server";
import { requestBuild } from "../app/modules/ebooks/request-build.server";
import * as schema from "./schema";
import type { DemoSeedOptions } from "./seed-options";

/** Which demo folder is a print handbook; the rest are e-books. */
const HANDBOOKS = new Set(["nvxing-chezhu-anquan"]);

/**
 * Demo data of the ebooks capability; runs once (its own marker in app_meta). Creates 《老司机秘籍》
 * and 《女性车主安全手册》 from db/seed-content/ebooks, owned by copy@studio.local (taking over the
 * foundation's placeholder pieces of the same title when they exist), and queues a first screen
 * build of each.
 */
export async function seedEbooksDemo(options: DemoSeedOptions): Promise<void> {
  const { db, now } = options;
  const copy = options.users.get("copy@studio.local");
  if (!copy) return;
  const demo = await loadDemoBooks({ rootDir: defaultDemoBooksDir(projectRoot()) });
  for (const { slug, targetPages, book } of demo) {
    const kind = HANDBOOKS.has(slug) ? "handbook" : "ebook";
    const pieceId = db.transaction((tx) => {
      const placeholder = tx
        .select()
        .from(schema.pieces)
        .where(and(eq(schema.pieces.kind, kind), eq(schema.pieces.title, book.title)))
        .get();
      const free =
        placeholder &&
        !tx.select().from(schema.ebooks).where(eq(schema.ebooks.pieceId, placeholder.id)).get();
      if (free)
        tx.update(schema.pieces)
          .set({ ownerId: copy.id, updatedAt: now })
          .where(eq(schema.pieces.id, placeholder.id))
          .run();
      const id = insertBook(tx, {
        actor: copy,
        now,
        pieceId: free ? placeholder.id : undefined,
        input: {
          kind,
          title: book.title,
          subtitle: book.subtitle ?? "",
          author: book.author,
          description: book.description ?? "",
          keywords: book.keywords ?? [],
          trim: book.trim ?? "A5",
          targetPages,
        },
      });
      book.sections.forEach((section, si) => {
        const sectionId = tx
          .insert(schema.ebookSections)
          .values({ pieceId: id, title: section.title, position: si + 1 })
          .returning({ id: schema.ebookSections.id })
          .get().id;
        section.chapters.forEach((chapter, ci) => {
          tx.insert(schema.ebookChapters)
            .values({
              pieceId: id,
              sectionId,
              title: chapter.title,
              markdown: chapter.markdown,
              position: ci + 1,
              version: 1,
              updatedAt: now,
            })
            .run();
        });
      });
      return id;
    });
    requestBuild({ db, actor: copy, pieceId, profile: "screen", publicBaseUrl: publicBaseUrl(), now });
  }
}
