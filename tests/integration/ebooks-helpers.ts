// Shared setup of the e-book tests: the studio they run in, the build jobs, the API calls that make
// a book, save a chapter and queue or list builds, and the book fields a test does not care about.
import type { Studio } from "~/lib/studio.server";
import type { CreateBookInput } from "~/modules/ebooks/schemas";
import { ebookJobHandlers } from "~/modules/ebooks/job-handlers.server";
import { action as createBookAction } from "~/routes/api.v1.ebooks";
import { action as buildsAction, loader as buildsLoader } from "~/routes/api.v1.ebooks.$id.builds";
import { action as chapterAction } from "~/routes/api.v1.ebooks.$id.chapters.$chapterId";
import { runQueuedJobs } from "../setup/run-jobs";
import { getRequest, jsonRequest, respond, routeArgs as args, withTestStudio } from "../setup/test-studio";

/**
 * Every test of the calling file gets its own studio (see withTestStudio). Print and sign-off need
 * QR codes to a public address; the tests' requests come in on http://localhost, so the fixture
 * sets the public base explicitly (tests of the refusal unset it).
 */
export const withEbookStudio = () =>
  withTestStudio({ env: { PUBLIC_BASE_URL: "https://studio.example.cn" } });

/** Runs the real worker with the e-book handlers until every queued job has finished. */
export const runEbookJobs = (studio: Studio, options: { backoffBaseMs?: number } = {}) =>
  runQueuedJobs(studio, {
    handlers: ebookJobHandlers,
    backoffBaseMs: options.backoffBaseMs,
    timeout: 60_000,
  });

/** The fields of a new book that the tests leave at their plain values, around its kind and title. */
export const bookInput = (kind: CreateBookInput["kind"], title: string): CreateBookInput => ({
  kind,
  title,
  subtitle: "",
  author: "店",
  description: "",
  keywords: [],
  trim: "A5",
  targetPages: 8,
});

/** POST /api/v1/ebooks with `body` as the holder of `cookie`; the route's Response. */
export const apiCreateBook = (cookie: string, body: unknown) =>
  respond(() => createBookAction(args(jsonRequest("/api/v1/ebooks", "POST", body, { Cookie: cookie }))));

/** PATCH one chapter through the chapter API as the holder of `cookie`; the route's Response. */
export const apiSaveChapter = (cookie: string, bookId: number, chapterId: number, body: unknown) =>
  respond(() =>
    chapterAction(
      args(jsonRequest(`/api/v1/ebooks/${bookId}/chapters/${chapterId}`, "PATCH", body, { Cookie: cookie }), {
        id: String(bookId),
        chapterId: String(chapterId),
      }),
    ),
  );

/** POST /api/v1/ebooks/{id}/builds with `body` and `headers` (a Cookie or a token); the Response. */
export const postBuild = (bookId: number | string, body: unknown, headers: Record<string, string>) =>
  respond(() =>
    buildsAction(
      args(jsonRequest(`/api/v1/ebooks/${bookId}/builds`, "POST", body, headers), { id: String(bookId) }),
    ),
  );

/** The book's builds as the API lists them, newest first. */
export async function listBuilds(bookId: number, cookie: string) {
  const res = await respond(() =>
    buildsLoader(
      args(getRequest(`/api/v1/ebooks/${bookId}/builds`, { Cookie: cookie }), { id: String(bookId) }),
    ),
  );
  return (await res.json()).items;
}
