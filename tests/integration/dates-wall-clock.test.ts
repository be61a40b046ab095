import { MantineProvider } from "@mantine/core";
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { StaticRouterProvider, createStaticHandler, createStaticRouter } from "react-router-dom/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ShowBuilderForm } from "~/components/livestream/show-builder-form";
import { PieceForm } from "~/components/piece-form";
import { StudioTimeZoneProvider } from "~/components/studio-time-zone";
import { createI18n } from "~/i18n/i18n";
import { demoShowScriptInput } from "~/modules/livestream/demo-show-script";
import { schema } from "~/lib/db.server";
import { createBook } from "~/modules/ebooks/create-book.server";
import { loader as rootLoader } from "~/root";
import { loader as dashboardLoader } from "~/routes/_app._index";
import { loader as bookLoader } from "~/routes/_app.ebooks.$id";
import { action as newShowAction } from "~/routes/_app.livestreams.new";
import { action as showAction, loader as showLoader } from "~/routes/_app.livestreams.$id._index";
import { action as pieceAction, loader as pieceLoader } from "~/routes/_app.pieces.$id";
import { action as newPieceAction } from "~/routes/_app.pieces.new";
import {
  createTestStudio,
  formRequest,
  getRequest,
  respond,
  routeArgs as args,
  signedInUser,
  type TestStudio,
} from "../setup/test-studio";
import { pagePost } from "../setup/pieces";

/*
 * Deadlines moved 8 hours on every save: the edit form showed the instant in the studio's zone,
 * and the server read the posted wall clock back in its own zone (UTC). These tests save through
 * the real route actions, each time posting exactly the fields the edit form renders.
 */

const SAVES = 10;
const env = { TZ: process.env.TZ, STUDIO_TIME_ZONE: process.env.STUDIO_TIME_ZONE };
const restore = (key: keyof typeof env) =>
  env[key] === undefined ? delete process.env[key] : (process.env[key] = env[key]);

beforeAll(() => {
  // The server process runs in UTC, as on most servers.
  process.env.TZ = "UTC";
});
afterAll(() => {
  restore("TZ");
  restore("STUDIO_TIME_ZONE");
});

async function load<T>(fn: () => Promise<unknown>): Promise<T> {
  const res = await respond(fn);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** Server-renders a form the way the page does: inside the root document's providers. */
async function render(form: ReactElement, timeZone: string): Promise<string> {
  const { query, dataRoutes } = createStaticHandler([{ path: "/", element: form }]);
  const context = await query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("the form route redirected");
  const router = createStaticRouter(dataRoutes, context);
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n: createI18n("zh") },
      createElement(
        MantineProvider,
        null,
        createElement(StudioTimeZoneProvider, {
          timeZone,
          children: createElement(StaticRouterProvider, { router, context, hydrate: false }),
        }),
      ),
    ),
  );
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** What a browser would submit from the rendered form: named inputs and textareas with their values. */
function submittedFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const attr = (name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
    const name = attr("name");
    if (!name || /\sdisabled=""/.test(tag) || ["submit", "button"].includes(attr("type") ?? "")) continue;
    fields[unescape(name)] = unescape(attr("value") ?? "");
  }
  for (const [, name, text] of html.matchAll(/<textarea\b[^>]*\sname="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g))
    fields[unescape(name)] = unescape(text);
  return fields;
}

describe.each(["Asia/Shanghai", "America/New_York"])("server in UTC, studio in %s", (studioZone) => {
  let t: TestStudio;
  beforeEach(() => {
    process.env.STUDIO_TIME_ZONE = studioZone;
    t = createTestStudio();
  });
  afterEach(() => t.cleanup());

  const rootTimeZone = async () =>
    (await load<{ timeZone: string }>(() => rootLoader(args(getRequest("/"))))).timeZone;

  it(`keeps a piece's deadline through ${SAVES} saves of the edit form`, async () => {
    // The zone reaches the pages through the root loader, from the server's config.
    const timeZone = await rootTimeZone();
    expect(timeZone).toBe(studioZone);
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const created = await respond(() =>
      newPieceAction(
        args(
          formRequest(
            "/pieces/new",
            {
              intent: "create",
              kind: "article",
              title: "雨季用车十问",
              body: "正文",
              dueAt: "2026-12-10T18:00",
            },
            copy.cookie,
          ),
        ),
      ),
    );
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.split("/").pop()!;
    type PiecePage = Awaited<ReturnType<typeof pieceLoader>>;
    const page = () =>
      load<PiecePage>(() => pieceLoader(args(getRequest(`/pieces/${id}`, { Cookie: copy.cookie }), { id })));

    // 18:00 on the studio's wall clock, whatever the server's.
    const deadline = (await page()).piece.dueAt;
    expect(deadline).toBe(
      studioZone === "Asia/Shanghai" ? "2026-12-10T10:00:00.000Z" : "2026-12-10T23:00:00.000Z",
    );

    for (let save = 1; save <= SAVES; save += 1) {
      const { piece, options } = await page();
      const fields = submittedFields(
        await render(createElement(PieceForm, { intent: "update", values: piece, options }), timeZone),
      );
      expect(fields.dueAt, `save ${save}: the form shows the studio's wall clock`).toBe("2026-12-10T18:00");
      expect(fields.version).toBe(String(piece.version));
      const saved = await respond(() =>
        pieceAction(
          args(formRequest(`/pieces/${id}`, { ...fields, body: `第 ${save} 次保存` }, copy.cookie), { id }),
        ),
      );
      expect(saved.status, JSON.stringify(await saved.clone().json())).toBe(200);
      expect((await page()).piece.dueAt, `after save ${save}`).toBe(deadline);
    }
    expect((await page()).piece.version).toBe(SAVES + 1);
  });

  it("schedules a piece at the wall-clock time typed into the schedule field", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const created = await respond(() =>
      newPieceAction(
        args(
          formRequest("/pieces/new", { kind: "poster", title: "五一自驾节海报", body: "文案" }, copy.cookie),
        ),
      ),
    );
    const id = created.headers.get("Location")!.split("/").pop()!;
    const transition = (cookie: string, fields: Record<string, string>) =>
      pagePost(cookie, id, { intent: "transition", ...fields });
    expect((await transition(copy.cookie, { action: "submit" })).status).toBe(200);
    expect((await transition(editor.cookie, { action: "approve" })).status).toBe(200);
    const bad = await transition(editor.cookie, { action: "schedule", scheduledAt: "2026-04-31T09:00" });
    expect(bad.status).toBe(400);
    // The one action reply: the transition form shows `error`, the field keeps it under its name.
    const refused = await bad.json();
    expect(refused.error).toBe("发布时间格式不正确");
    expect(refused.errors.scheduledAt).toBe("发布时间格式不正确");
    expect(
      (await transition(editor.cookie, { action: "schedule", scheduledAt: "2026-05-01T09:00" })).status,
    ).toBe(200);
    const { piece } = await load<Awaited<ReturnType<typeof pieceLoader>>>(() =>
      pieceLoader(args(getRequest(`/pieces/${id}`, { Cookie: editor.cookie }), { id })),
    );
    expect(piece.status).toBe("scheduled");
    expect(piece.scheduledAt).toBe(
      studioZone === "Asia/Shanghai" ? "2026-05-01T01:00:00.000Z" : "2026-05-01T13:00:00.000Z",
    );
  });

  it(`keeps a show's start time through ${SAVES} saves of the script builder`, async () => {
    const timeZone = await rootTimeZone();
    const producer = await signedInUser(t.studio, ["producer"]);
    const base = demoShowScriptInput();
    const createFields: Record<string, string> = {
      intent: "save",
      title: base.title,
      plannedMinutes: String(base.plannedMinutes),
      scheduledAt: "2026-06-16T20:00",
    };
    base.products.forEach((p, i) => {
      for (const [k, v] of Object.entries(p)) createFields[`products.${i}.${k}`] = String(v ?? "");
    });
    const created = await respond(() =>
      newShowAction(args(formRequest("/livestreams/new", createFields, producer.cookie))),
    );
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.split("/").pop()!;
    type ShowPage = Awaited<ReturnType<typeof showLoader>>;
    const page = () =>
      load<ShowPage>(() =>
        showLoader(args(getRequest(`/livestreams/${id}`, { Cookie: producer.cookie }), { id })),
      );
    const start = (await page()).show.scheduledAt;
    expect(start).toBe(
      studioZone === "Asia/Shanghai" ? "2026-06-16T12:00:00.000Z" : "2026-06-17T00:00:00.000Z",
    );

    for (let save = 1; save <= SAVES; save += 1) {
      const { show, staff } = await page();
      const fields = submittedFields(
        await render(createElement(ShowBuilderForm, { values: show, staff, submitLabel: "保存" }), timeZone),
      );
      expect(fields.scheduledAt, `save ${save}: the form shows the studio's wall clock`).toBe(
        "2026-06-16T20:00",
      );
      const saved = await respond(() =>
        showAction(
          args(
            formRequest(`/livestreams/${id}`, { ...fields, closing: `第 ${save} 次保存` }, producer.cookie),
            { id },
          ),
        ),
      );
      expect(saved.status, JSON.stringify(await saved.clone().json())).toBe(200);
      expect((await page()).show.scheduledAt, `after save ${save}`).toBe(start);
    }
  });
});

describe.each([
  ["Asia/Shanghai", 3, "2026-03-01"],
  ["America/New_York", 2, "2026-02-28"],
])("the studio's day, not the server's: studio in %s", (studioZone, month, today) => {
  // 17:30 UTC on 28 February is already 1 March in Shanghai and still 28 February in New York.
  const NOW = new Date("2026-02-28T17:30:00Z");
  let t: TestStudio;
  beforeEach(() => {
    process.env.STUDIO_TIME_ZONE = studioZone;
    t = createTestStudio({ now: () => NOW });
  });
  afterEach(() => t.cleanup());

  it("shows this month's campaign on the dashboard", async () => {
    for (const m of [2, 3])
      t.studio.db
        .insert(schema.campaigns)
        .values({ year: 2026, month: m, name: `${m}月活动`, theme: "", target: "" })
        .run();
    const editor = await signedInUser(t.studio, ["editor"]);
    const page = await load<Awaited<ReturnType<typeof dashboardLoader>>>(() =>
      dashboardLoader(args(getRequest("/", { Cookie: editor.cookie }))),
    );
    expect(page.campaign?.month).toBe(month);
  });

  it("proposes today's date for an e-book sign-off", async () => {
    const editor = await signedInUser(t.studio, ["editor"]);
    const book = createBook({
      db: t.studio.db,
      actor: editor.actor,
      input: {
        kind: "handbook",
        title: "女性车主安全手册",
        subtitle: "",
        author: "市场部",
        description: "",
        keywords: [],
        trim: "A5",
        targetPages: 32,
      },
      now: NOW,
    });
    if (!book.ok) throw new Error(book.message);
    const id = String(book.pieceId);
    const page = await load<{ today: string }>(() =>
      bookLoader(args(getRequest(`/ebooks/${id}`, { Cookie: editor.cookie }), { id })),
    );
    expect(page.today).toBe(today);
  });
});
