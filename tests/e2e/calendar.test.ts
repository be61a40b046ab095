import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEFAULT_STUDIO_TIME_ZONE, formatInstant } from "~/lib/dates";
import { withBrowser } from "../setup/e2e-browser";

const { baseUrl, signIn } = withBrowser();
const TZ = DEFAULT_STUDIO_TIME_ZONE;
const EDITOR = ["editor@studio.local", "demo-editor-2026"] as const;
// The demo seed makes the copywriter 李文案 the operator of 抖音主号.
const OPERATOR = ["copy@studio.local", "demo-copy-2026"] as const;

const DAY_MS = 86_400_000;
const studioDay = (instant: Date | string | number) => formatInstant(instant, TZ, "YYYY-MM-DD");
const studioTime = (instant: Date | string) => formatInstant(instant, TZ, "HH:mm");

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface SlotJson {
  id: number;
  caption: string;
  publishAt: string;
  status: string;
  version: number;
  liveUrl: string | null;
  channelKey: string;
  pieceId: number;
}

async function getSlot(page: Page, id: number): Promise<SlotJson> {
  const response = await page.request.get(`${baseUrl}/api/v1/slots/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as SlotJson;
}

/**
 * A pointer drag the way a person does it: press, move a little (FullCalendar waits for a few
 * pixels before it starts dragging), travel to the target, let go.
 */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 8, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.move(b.x + b.width / 2 + 1, b.y + b.height / 2 + 1);
  await page.mouse.up();
}

/** The month grid (of yesterday's month: it always holds yesterday and the days after today). */
async function openMonth(page: Page, channel: string) {
  const yesterday = addDays(studioDay(Date.now()), -1);
  await page.goto(`${baseUrl}/calendar?view=month&date=${yesterday}&channel=${channel}`);
  await page.locator('[data-testid="calendar"] .fc-daygrid-day').first().waitFor();
  await page.locator('[data-testid="slot-event"]').first().waitFor();
}

/** Picks an option of the open Mantine select (other selects keep theirs hidden in the page). */
async function pickOption(page: Page, name: string) {
  await page.getByRole("option", { name, exact: true }).and(page.locator(":visible")).click();
}

const dayCell = (page: Page, day: string) => page.locator(`td.fc-daygrid-day[data-date="${day}"]`);

/** Planned slots in the grid after today whose next day is also in the grid, by cell. */
async function futurePlannedSlots(page: Page): Promise<Array<{ id: number; day: string }>> {
  const today = studioDay(Date.now());
  const found = await page.locator('[data-testid="slot-event"][data-status="planned"]').evaluateAll((els) =>
    els.map((el) => ({
      id: Number(el.getAttribute("data-slot-id")),
      day: el.closest("td")?.getAttribute("data-date") ?? "",
    })),
  );
  const days = new Set(
    await page
      .locator("td.fc-daygrid-day")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-date"))),
  );
  return found.filter((slot) => slot.day > today && days.has(addDays(slot.day, 1)));
}

const eventCell = (page: Page, id: number) =>
  page
    .locator(`[data-testid="slot-event"][data-slot-id="${id}"]`)
    .evaluate((el) => el.closest("td")?.getAttribute("data-date") ?? null);

describe("the content calendar in a real browser", () => {
  it("reschedules a slot by dragging it to another day in month view, keeping its time of day", async () => {
    const page = await signIn(...EDITOR);
    await openMonth(page, "kuaishou");
    const [slot] = await futurePlannedSlots(page);
    expect(slot).toBeDefined();
    const before = await getSlot(page, slot.id);
    const target = addDays(slot.day, 1);

    await drag(page, page.locator(`[data-slot-id="${slot.id}"]`), dayCell(page, target));

    await expect
      .poll(() => page.getByTestId("calendar-notice").allTextContents())
      .toContainEqual(expect.stringContaining("已改期"));
    // Stored: the next day, at the same wall-clock time in the studio's zone (not 00:00 or 23:59).
    const after = await getSlot(page, slot.id);
    expect(studioDay(after.publishAt)).toBe(target);
    expect(studioTime(after.publishAt)).toBe(studioTime(before.publishAt));
    expect(new Date(after.publishAt).getTime() - new Date(before.publishAt).getTime()).toBe(DAY_MS);
    expect(after.version).toBe(before.version + 1);
    // And the calendar, read again from the server, agrees.
    await page.reload();
    await page.locator(`[data-slot-id="${slot.id}"]`).waitFor();
    expect(await eventCell(page, slot.id)).toBe(target);
    expect(await page.locator(`[data-slot-id="${slot.id}"] .slot-time`).textContent()).toBe(
      studioTime(before.publishAt),
    );
    // The channel filter came from the URL: every slot shown is on 快手.
    const titles = await page.getByTestId("slot-event").allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((text) => text.includes("快手 · "))).toBe(true);

    // Its caption, in the drawer, against 快手's rules (at most 5 hashtags): warned while typing,
    // refused at the field by the server, then saved once within the rules.
    await page.locator(`[data-slot-id="${slot.id}"]`).click();
    await page.getByTestId("slot-details").waitFor();
    await page.getByTestId("drawer-caption").fill("年终特惠 #一 #二 #三 #四 #五 #六");
    await expect.poll(() => page.getByTestId("caption-over").textContent()).toContain("5");
    await page.getByTestId("drawer-save-caption").click();
    await expect.poll(() => page.getByTestId("slot-details").textContent()).toContain("话题标签 6 个");
    expect((await getSlot(page, slot.id)).caption).toBe(before.caption);
    await page.getByTestId("drawer-caption").fill("年终特惠，到店报暗号“秒懂” #一分钟识车");
    await page.getByTestId("drawer-save-caption").click();
    await expect
      .poll(async () => (await getSlot(page, slot.id)).caption)
      .toBe("年终特惠，到店报暗号“秒懂” #一分钟识车");
    await page.context().close();
  });

  it("refuses a drop into the past: the slot snaps back and the reason is shown", async () => {
    const page = await signIn(...EDITOR);
    await openMonth(page, "kuaishou");
    const [slot] = await futurePlannedSlots(page);
    const before = await getSlot(page, slot.id);
    const yesterday = addDays(studioDay(Date.now()), -1);

    await drag(page, page.locator(`[data-slot-id="${slot.id}"]`), dayCell(page, yesterday));

    await expect
      .poll(() => page.getByTestId("calendar-notice").allTextContents())
      .toContainEqual(expect.stringContaining("已经过去"));
    expect(await page.locator('[data-testid="calendar-notice"][data-color="red"]').count()).toBe(1);
    // Back where it was on the page, and nothing changed on the server.
    expect(await eventCell(page, slot.id)).toBe(slot.day);
    const after = await getSlot(page, slot.id);
    expect(after.publishAt).toBe(before.publishAt);
    expect(after.version).toBe(before.version);
    await page.context().close();
  });

  it("schedules an approved piece dragged from the side list, and refuses one that is no longer approved", async () => {
    const page = await signIn(...EDITOR);
    await openMonth(page, "kuaishou");
    // Short videos: 快手 takes them (the side list also holds pieces of other kinds).
    const items = page.locator('[data-testid="backlog-item"][data-kind="episode"]');
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    const [first, second] = await items.evaluateAll((els) =>
      els.slice(0, 2).map((el) => ({
        id: Number(el.getAttribute("data-piece-id")),
        title: el.getAttribute("data-title")!,
      })),
    );
    const target = addDays(studioDay(Date.now()), 1);

    // An approved piece: dropped on tomorrow, the dialog asks for the channel (and the time, the
    // month view naming only a day); the slot is created on the server and shown.
    await drag(page, items.first(), dayCell(page, target));
    await page.getByTestId("create-slot-channel").click();
    await pickOption(page, "快手");
    await page.getByTestId("create-slot-time").fill("21:15");
    await page.getByTestId("create-slot-submit").click();
    await expect.poll(() => page.getByTestId("create-slot-channel").count()).toBe(0);
    const created = page.locator('[data-testid="slot-event"]', { hasText: first.title });
    await created.first().waitFor();
    expect(await created.first().evaluate((el) => el.closest("td")?.getAttribute("data-date"))).toBe(target);
    const listed = await page.request.get(
      `${baseUrl}/api/v1/slots?from=${target}&to=${addDays(target, 1)}&channel=kuaishou`,
    );
    const mine = ((await listed.json()) as { items: SlotJson[] }).items.filter((s) => s.pieceId === first.id);
    expect(mine).toHaveLength(1);
    expect(studioTime(mine[0].publishAt)).toBe("21:15");

    // The second piece goes back to draft after the page was loaded (archived, then restored):
    // the same drop is refused with the reason, and no slot is made.
    for (const action of ["archive", "restore"]) {
      const response = await page.request.post(`${baseUrl}/api/v1/pieces/${second.id}/transitions`, {
        data: { action },
      });
      expect(response.status()).toBe(200);
    }
    // The "scheduled" notice sits in the bottom corner, over the side list's lower items: close it,
    // as a person would before reaching for the piece under it.
    for (const notice of await page.getByTestId("calendar-notice").all()) {
      await notice.locator(".mantine-Notification-closeButton").click();
    }
    await expect.poll(() => page.getByTestId("calendar-notice").count()).toBe(0);
    await drag(
      page,
      page.locator(`[data-testid="backlog-item"][data-piece-id="${second.id}"]`),
      dayCell(page, target),
    );
    await expect.poll(() => page.locator(".mantine-Modal-title").textContent()).toContain(second.title);
    await page.getByTestId("create-slot-channel").click();
    await pickOption(page, "快手");
    await page.getByTestId("create-slot-submit").click();
    await expect
      .poll(() => page.getByTestId("create-slot-error").textContent())
      .toContain("只有审核通过的内容才能排期");
    const after = await page.request.get(
      `${baseUrl}/api/v1/slots?from=${target}&to=${addDays(target, 1)}&channel=kuaishou`,
    );
    expect(
      ((await after.json()) as { items: SlotJson[] }).items.filter((s) => s.pieceId === second.id),
    ).toEqual([]);
    await page.context().close();
  });

  it("lets the operator mark a manual hand-off published from the slot drawer", async () => {
    const editor = await signIn(...EDITOR);
    // An approved episode from the side list goes on 抖音主号 (manual) a few seconds from now;
    // at its time the publisher makes it the operator's task.
    await editor.goto(`${baseUrl}/calendar?channel=douyin-main`);
    const pieceId = Number(
      await editor
        .locator('[data-testid="backlog-item"][data-kind="episode"]')
        .last()
        .getAttribute("data-piece-id"),
    );
    const createdResponse = await editor.request.post(`${baseUrl}/api/v1/slots`, {
      data: {
        pieceId,
        channel: "douyin-main",
        publishAt: new Date(Date.now() + 8_000).toISOString(),
        caption: "浏览器测试：到店报暗号“秒懂” #一分钟识车",
      },
    });
    expect(createdResponse.status()).toBe(201);
    const { id } = (await createdResponse.json()) as SlotJson;
    await expect.poll(async () => (await getSlot(editor, id)).status, { timeout: 45_000 }).toBe("queued");
    await editor.context().close();

    const page = await signIn(...OPERATOR);
    await page.goto(`${baseUrl}/calendar?view=list&date=${studioDay(Date.now())}&channel=douyin-main`);
    await page.locator(`[data-slot-id="${id}"]`).click();
    const drawer = page.getByTestId("slot-details");
    await expect.poll(() => drawer.getAttribute("data-status")).toBe("queued");
    // The operator may not reschedule or delete; they hand off.
    expect(await page.getByTestId("drawer-reschedule").count()).toBe(0);
    expect(await page.getByTestId("drawer-delete").count()).toBe(0);
    await expect.poll(() => page.getByTestId("drawer-attempts").textContent()).toContain("已交给运营");

    // A bad address is refused at the field; then the live URL is recorded.
    await page.getByTestId("drawer-live-url-input").fill("ftp://douyin.example/1");
    await page.getByTestId("drawer-mark-published").click();
    await expect.poll(() => drawer.textContent()).toContain("http:// 或 https://");
    expect((await getSlot(page, id)).status).toBe("queued");
    const liveUrl = `https://www.douyin.com/video/e2e${id}`;
    await page.getByTestId("drawer-live-url-input").fill(liveUrl);
    await page.getByTestId("drawer-mark-published").click();
    await expect.poll(() => drawer.getAttribute("data-status")).toBe("published");
    expect(await page.getByTestId("drawer-live-url").getAttribute("href")).toBe(liveUrl);
    const stored = await getSlot(page, id);
    expect(stored.status).toBe("published");
    expect(stored.liveUrl).toBe(liveUrl);
    await page.context().close();
  });

  it("shows a slot late in the evening once, on its own day, in list and month views", async () => {
    const page = await signIn(...EDITOR);
    await page.goto(`${baseUrl}/calendar?channel=douyin-main`);
    const pieceId = Number(
      await page
        .locator('[data-testid="backlog-item"][data-kind="episode"]')
        .first()
        .getAttribute("data-piece-id"),
    );
    // 23:50 in the studio's zone: the half hour the calendar draws for it crosses midnight.
    const day = addDays(studioDay(Date.now()), 3);
    const created = await page.request.post(`${baseUrl}/api/v1/slots`, {
      data: { pieceId, channel: "douyin-main", publishAt: `${day}T23:50:00+08:00`, caption: "夜间档测试" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as SlotJson;

    await page.goto(`${baseUrl}/calendar?view=list&date=${day}&channel=douyin-main`);
    await page.locator(`[data-slot-id="${id}"]`).first().waitFor();
    expect(await page.locator(`[data-slot-id="${id}"]`).count()).toBe(1);
    await page.goto(`${baseUrl}/calendar?view=month&date=${day}&channel=douyin-main`);
    await dayCell(page, day).locator(`[data-slot-id="${id}"]`).waitFor();
    expect(await page.locator(`[data-slot-id="${id}"]`).count()).toBe(1);
    await page.context().close();
  });

  it("edits a channel's caption rules and cadence, with field errors in Chinese; read-only for a copywriter", async () => {
    const page = await signIn(...EDITOR);
    // What the form changes, without the rule ids (saving replaces the rules).
    const readChannel = async () => {
      const channel = (await (await page.request.get(`${baseUrl}/api/v1/channels/yiche`)).json()) as {
        captionMax: number | null;
        publisher: string;
        webhookUrl: string | null;
        rules: Array<{ id: number; count: number; period: string; kinds: string[] }>;
      };
      const { captionMax, publisher, webhookUrl } = channel;
      return { captionMax, publisher, webhookUrl, rules: channel.rules.map(({ id: _id, ...rule }) => rule) };
    };
    const before = await readChannel();
    await page.goto(`${baseUrl}/channels`);
    expect(await page.locator('[data-testid="channels-table"] [data-testid="channel-row"]').count()).toBe(10);
    await page.locator('[data-testid="channel-row"][data-key="yiche"] a').click();
    await page.waitForURL(`${baseUrl}/channels/yiche`);

    // A zero count and a webhook address that is not http(s): refused at their fields.
    await page.getByTestId("rule-count").first().fill("0");
    await page.getByTestId("channel-publisher").getByText("Webhook").click();
    await page.getByTestId("channel-webhook-url").fill("ftp://yiche.example/hook");
    await page.getByTestId("save-channel").click();
    await expect
      .poll(() => page.locator(".mantine-InputWrapper-error").allTextContents())
      .toEqual(expect.arrayContaining(["发布数量至少为 1", expect.stringContaining("http:// 或 https://")]));
    expect(await readChannel()).toEqual(before);

    // Fixed, with a second rule and a caption limit: saved, and the API reads the same.
    await page.getByTestId("rule-count").first().fill("5");
    await page.getByTestId("channel-publisher").getByText("人工发布").click();
    await page.getByTestId("channel-webhook-url").fill("");
    await page.getByTestId("channel-caption-max").fill("150");
    await page.getByTestId("add-rule").click();
    await page.getByTestId("rule-count").nth(1).fill("2");
    await page.getByTestId("save-channel").click();
    await page.getByTestId("channel-saved").waitFor();
    const saved = await readChannel();
    expect(saved.captionMax).toBe(150);
    expect(saved.publisher).toBe("manual");
    expect(saved.rules.map((r) => [r.count, r.period])).toEqual([
      [5, before.rules[0].period],
      [2, "day"],
    ]);

    // Put the demo channel back as it was: the added rule removed, the old values restored.
    await page.getByTestId("remove-rule").nth(1).click();
    await page.getByTestId("rule-count").first().fill(String(before.rules[0].count));
    await page
      .getByTestId("channel-caption-max")
      .fill(before.captionMax === null ? "" : String(before.captionMax));
    await page.getByTestId("save-channel").click();
    await expect.poll(async () => (await readChannel()).rules.length).toBe(before.rules.length);
    expect(await readChannel()).toEqual(before);
    await page.context().close();

    // A copywriter reads the channels, from the navigation, but cannot change them.
    const copy = await signIn(...OPERATOR);
    await copy.goto(`${baseUrl}/channels/yiche`);
    expect(await copy.locator('nav a[href="/calendar"]').count()).toBe(1);
    expect(await copy.locator('nav a[href="/channels"]').count()).toBe(1);
    expect(await copy.getByText("只有编辑和管理员可以修改渠道").count()).toBeGreaterThan(0);
    expect(await copy.getByTestId("save-channel").count()).toBe(0);
    await copy.context().close();
  });
});
