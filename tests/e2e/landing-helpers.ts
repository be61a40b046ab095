// Fixtures of the landing-page browser tests, made through the studio's own API on the e2e
// server (a short column is the one row written straight into its database: columns have no
// create API, and a 60-second demo column would take minutes to render on two cores).
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { demoShowScriptInput } from "~/modules/livestream/demo-show-script";

/**
 * A phone's browser. Headless Chromium says "HeadlessChrome" in its user agent, which the events
 * endpoint rightly ignores as a bot; the visitors of these tests are people.
 */
export const PHONE_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

/** A visitor with no cookies, on a 390 px phone. */
export function visitorContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    locale: "zh-CN",
    viewport: { width: 390, height: 844 },
    userAgent: PHONE_USER_AGENT,
  });
}

export function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dataDir, "studio.sqlite"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A 4-second column with the demo's outro line, so its episodes render in seconds. */
export function insertShortColumn(dataDir: string, name: string): number {
  const db = new Database(path.join(dataDir, "studio.sqlite"), { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    const slug = `landing-${Math.random().toString(36).slice(2, 8)}`;
    const row = db
      .prepare(
        `insert into columns (slug, name, description, episode_target, duration_seconds, outro_line, mix_category)
         values (?, ?, '', 3, 4, '到店报暗号“秒懂”送原厂雨伞', '车型讲解') returning id`,
      )
      .get(slug, name) as { id: number };
    return row.id;
  } finally {
    db.close();
  }
}

async function ok<T>(
  response: { status: () => number; json: () => Promise<unknown>; text: () => Promise<string> },
  status: number,
) {
  if (response.status() !== status)
    throw new Error(`expected ${status}, got ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Polls a job through the API until it has finished; throws unless it succeeded. */
export async function waitForJob(staff: Page, baseUrl: string, jobId: number): Promise<void> {
  // The worker runs one job at a time, and the demo seed queues its own encodes at start.
  const deadline = Date.now() + 240_000;
  for (;;) {
    const job = (await (await staff.request.get(`${baseUrl}/api/v1/jobs/${jobId}`)).json()) as {
      status: string;
      error: unknown;
    };
    if (job.status === "succeeded") return;
    if (job.status === "failed" || job.status === "cancelled")
      throw new Error(`job ${jobId} ${job.status}: ${JSON.stringify(job.error)}`);
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * submit → approve → publish through the transitions API (the staff member must be an editor).
 * With `originalityException`, an originality score under the threshold gets the editor's
 * exception (that note) between submit and approve.
 */
export async function publish(
  editor: Page,
  baseUrl: string,
  pieceId: number,
  options: { originalityException?: string } = {},
): Promise<void> {
  const move = async (action: string) =>
    ok(
      await editor.request.post(`${baseUrl}/api/v1/pieces/${pieceId}/transitions`, { data: { action } }),
      200,
    );
  await move("submit");
  if (options.originalityException) {
    const review = await ok<{ textHash: string; originality: { below: boolean } | null }>(
      await editor.request.get(`${baseUrl}/api/v1/pieces/${pieceId}/compliance`),
      200,
    );
    if (review.originality?.below)
      await ok(
        await editor.request.post(`${baseUrl}/api/v1/pieces/${pieceId}/compliance/justifications`, {
          data: { kind: "originality", note: options.originalityException, textHash: review.textHash },
        }),
        201,
      );
  }
  await move("approve");
  await move("publish");
}

export interface CreatedPiece {
  id: number;
  slug: string;
}

export async function createPiece(
  editor: Page,
  baseUrl: string,
  input: { kind: string; title: string; body: string; columnId?: number },
): Promise<CreatedPiece> {
  return ok<CreatedPiece>(await editor.request.post(`${baseUrl}/api/v1/pieces`, { data: input }), 201);
}

/**
 * An episode of a 4-second column with one verified clip and a script, rendered by the server's
 * own render job (a real H.264 file of 1080×1920 with its cover frame). Not published.
 */
export async function renderedEpisode(
  editor: Page,
  options: { baseUrl: string; dataDir: string; clip: string; title: string },
): Promise<CreatedPiece> {
  const { baseUrl } = options;
  const columnId = insertShortColumn(options.dataDir, "落地页测试栏目");
  const piece = await createPiece(editor, baseUrl, {
    kind: "episode",
    title: options.title,
    body: "",
    columnId,
  });
  const uploaded = await ok<{ job: { id: number } }>(
    await editor.request.post(`${baseUrl}/api/v1/episodes/${piece.id}/media`, {
      multipart: {
        file: {
          name: "门店外景.mp4",
          mimeType: "video/mp4",
          buffer: await import("node:fs").then((fs) => fs.readFileSync(options.clip)),
        },
      },
    }),
    201,
  );
  await waitForJob(editor, baseUrl, uploaded.job.id);
  await ok(
    await editor.request.put(`${baseUrl}/api/v1/episodes/${piece.id}/script`, {
      data: {
        version: 1,
        lines: [
          { voiceover: "原厂雨刮", caption: "", shotNote: "", seconds: 1.5 },
          { voiceover: "三年质保", caption: "", shotNote: "", seconds: 1.5 },
        ],
      },
    }),
    200,
  );
  const render = await ok<{ job: { id: number } }>(
    await editor.request.post(`${baseUrl}/api/v1/episodes/${piece.id}/renders`, { data: {} }),
    202,
  );
  await waitForJob(editor, baseUrl, render.job.id);
  return piece;
}

/** A published e-book with one chapter and a finished screen build. */
export async function publishedBook(editor: Page, baseUrl: string, title: string): Promise<CreatedPiece> {
  const { book } = await ok<{ book: CreatedPiece }>(
    await editor.request.post(`${baseUrl}/api/v1/ebooks`, {
      data: {
        kind: "ebook",
        title,
        subtitle: "雨季 · 高原 · 长途",
        author: "城东4S店",
        description: "三十年老司机的用车心得：雨季看得见、高原跑得动、长途开得稳。",
        keywords: ["雨季"],
        trim: "A5",
        targetPages: 8,
      },
    }),
    201,
  );
  const intent = (data: Record<string, string>) =>
    editor.request.post(`${baseUrl}/ebooks/${book.id}?_data=routes/_app.ebooks.$id`, {
      form: data,
      headers: { Origin: baseUrl },
    });
  expect((await intent({ intent: "add-section", title: "雨季篇" })).status()).toBe(200);
  const page = await ok<{ sections: { id: number }[] }>(
    await editor.request.get(`${baseUrl}/api/v1/ebooks/${book.id}`),
    200,
  );
  const sectionId = page.sections[0].id;
  expect(
    (await intent({ intent: "add-chapter", sectionId: String(sectionId), title: "雨天看得见" })).status(),
  ).toBe(200);
  const detail = await ok<{ sections: { chapters: { id: number }[] }[] }>(
    await editor.request.get(`${baseUrl}/api/v1/ebooks/${book.id}`),
    200,
  );
  const chapter = { ...detail.sections[0].chapters[0], version: 1 };
  await ok(
    await editor.request.put(`${baseUrl}/api/v1/ebooks/${book.id}/chapters/${chapter.id}`, {
      data: {
        version: chapter.version,
        sectionId,
        title: "雨天看得见",
        markdown: "雨天出行，先检查雨刮和灯光。\n\n保持车距，提前减速。",
      },
    }),
    200,
  );
  const build = await ok<{ id: number }>(
    await editor.request.post(`${baseUrl}/api/v1/ebooks/${book.id}/builds`, { data: { profile: "screen" } }),
    202,
  );
  await waitForJob(editor, baseUrl, build.id);
  await publish(editor, baseUrl, book.id);
  return book;
}

/** A published livestream (the demo script, starting at `startsAt`), created by the producer. */
export async function publishedShow(
  producer: Page,
  editor: Page,
  baseUrl: string,
  options: { title: string; startsAt: string },
): Promise<CreatedPiece> {
  const show = await ok<{ id: number; slug?: string }>(
    await producer.request.post(`${baseUrl}/api/v1/livestreams`, {
      data: {
        ...demoShowScriptInput({
          title: options.title,
          scheduledAt: options.startsAt,
          // The demo's opening and closing use words the term library blocks ("first") or sends
          // to a reviewer's justification ("厂价直销"); the fixture publishes without a review.
          opening: "家人们晚上好！欢迎来到年中粉丝夜，今晚五款车型限时优惠，还有三轮红包雨。",
          closing: "今晚的粉丝夜就到这里，没抢到的家人可以在小程序留资，我们下次直播见！",
          cta: "想了解优惠的家人，点击下方小程序留下电话，顾问十分钟内联系你，到店还送原厂雨伞。",
        }),
      },
    }),
    201,
  );
  // The fixture repeats the demo show's products, so its copy is close to the demo's script (an
  // earlier piece): the editor records an originality exception for this exact copy, audited.
  await publish(editor, baseUrl, show.id, { originalityException: "同一批车型的直播脚本，产品介绍沿用。" });
  const piece = await ok<CreatedPiece>(await editor.request.get(`${baseUrl}/api/v1/pieces/${show.id}`), 200);
  return { id: show.id, slug: piece.slug };
}
