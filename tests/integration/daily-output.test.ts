import { MantineProvider } from "@mantine/core";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { DailyOutputCard } from "~/components/home/daily-output-card";
import { createI18n } from "~/i18n/i18n";
import type { Actor } from "~/modules/auth/actor";
import { getDailyOutput } from "~/modules/output/get-daily-output.server";
import { insertPiece } from "~/modules/pieces/create-piece.server";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import type { PieceKind } from "~/modules/pieces/status-machine";
import { signedInUser, withTestStudio } from "../setup/test-studio";

/** 11:00 on Thursday 3 December 2026 in Shanghai; that week began on Monday 30 November. */
const NOW = new Date("2026-12-03T03:00:00Z");
const t = withTestStudio({ now: () => NOW });

function made(actor: Actor, kind: PieceKind, at: string) {
  return t.studio.db.transaction((tx) =>
    insertPiece(tx, { actor, input: { kind, title: `${kind} ${at}`, body: "" }, now: new Date(at) }),
  );
}

const output = (now = NOW) => getDailyOutput({ db: t.studio.db, now, timeZone: "Asia/Shanghai" });

describe("daily output", () => {
  it("counts posters and articles per person by the Shanghai day and week, not UTC's", async () => {
    const { actor: wang } = await signedInUser(t.studio, ["copywriter"]);
    const { actor: li } = await signedInUser(t.studio, ["copywriter"]);
    const { actor: editor } = await signedInUser(t.studio, ["editor"]);
    // 23:59:59 on Wednesday in Shanghai (the same UTC date as NOW): yesterday, this week.
    made(wang, "poster", "2026-12-02T15:59:59Z");
    // 00:00 on Thursday in Shanghai (still Wednesday in UTC): today.
    made(wang, "poster", "2026-12-02T16:00:00Z");
    made(wang, "article", "2026-12-03T02:00:00Z");
    // 23:59 on Sunday 29 November in Shanghai: last week, not counted.
    made(wang, "article", "2026-11-29T15:59:00Z");
    // 00:00 on Monday 30 November in Shanghai: the week's first minute.
    made(li, "article", "2026-11-29T16:00:00Z");
    made(li, "poster", "2026-12-03T01:00:00Z");
    made(li, "poster", "2026-12-03T02:30:00Z");
    // Other kinds and archived pieces are not output.
    made(li, "episode", "2026-12-03T02:00:00Z");
    const archived = made(li, "poster", "2026-12-03T02:40:00Z");
    expect(
      transitionPiece({ db: t.studio.db, actor: editor, pieceId: archived, action: "archive", now: NOW }).ok,
    ).toBe(true);

    const data = output();
    expect(data).toMatchObject({
      day: "2026-12-03",
      weekStart: "2026-11-30",
      daysSoFar: 4,
      targets: { today: { poster: 2, article: 1 }, weekSoFar: { poster: 8, article: 4 } },
    });
    const byId = new Map(data.people.map((p) => [p.userId, p]));
    expect(byId.get(wang.id)).toMatchObject({
      today: { poster: 1, article: 1 },
      week: { poster: 2, article: 1 },
    });
    expect(byId.get(li.id)).toMatchObject({
      today: { poster: 2, article: 0 },
      week: { poster: 2, article: 1 },
    });
    // The editor made nothing and is not on the copy team.
    expect(byId.has(editor.id)).toBe(false);
    expect(data.team).toEqual({ today: { poster: 3, article: 1 }, week: { poster: 4, article: 2 } });

    // One second before midnight in Shanghai it is still Wednesday: Thursday's pieces are not made yet.
    const wednesday = output(new Date("2026-12-02T15:59:59Z"));
    expect(wednesday.day).toBe("2026-12-02");
    expect(wednesday.people.find((p) => p.userId === wang.id)).toMatchObject({
      today: { poster: 1, article: 0 },
      week: { poster: 1, article: 0 },
    });
  });

  it("lists every copywriter with zeros on a day with no output", async () => {
    const { actor } = await signedInUser(t.studio, ["copywriter"]);
    const data = output();
    expect(data.people).toEqual([
      {
        userId: actor.id,
        name: actor.name,
        today: { poster: 0, article: 0 },
        week: { poster: 0, article: 0 },
      },
    ]);
  });

  it("shows each person's output against the targets in the reader's language", async () => {
    const { actor } = await signedInUser(t.studio, ["copywriter"]);
    made(actor, "poster", "2026-12-03T01:00:00Z");
    const render = (lang: "zh" | "en") =>
      renderToString(
        createElement(
          I18nextProvider,
          { i18n: createI18n(lang) },
          createElement(MantineProvider, null, createElement(DailyOutputCard, { data: output() })),
        ),
      );
    const zh = render("zh");
    expect(zh).toContain("今日产出");
    expect(zh).toContain(actor.name);
    // Today: one poster of two, no article of one; this week so far (Mon–Thu): 1 of 8, 0 of 4.
    expect(zh).toMatch(/data-testid="output-posters-today"[^>]*>.*?1<!-- --> \/ <!-- -->2/);
    expect(zh).toContain("0<!-- --> / <!-- -->4");
    expect(render("en")).toContain("Today&#x27;s output");
  });
});
