import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { createSlot } from "~/modules/calendar/create-slot.server";
import { getCalendar } from "~/modules/calendar/get-calendar.server";
import { updateSlot } from "~/modules/calendar/update-slot.server";
import type { TermSeverity } from "~/modules/compliance/compliance-types";
import { complianceJobHandlers, rescanHandler } from "~/modules/compliance/review/rescan-job.server";
import { createTerm } from "~/modules/compliance/terms/create-term.server";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { updatePiece } from "~/modules/pieces/update-piece.server";
import { publishHoldReason } from "~/modules/publishing/publish-hold.server";
import { action as calendarSlotsAction } from "~/routes/_app.calendar.slots";
import { runQueuedJobs } from "../setup/run-jobs";
import { formRequest, respond, routeArgs, signedInUser, withTestStudio } from "../setup/test-studio";
import { NOW, setUpChannels, snapshot } from "./calendar-helpers";
import { auditRows } from "../setup/audit-entries";
import { pagePost } from "../setup/pieces";
import { checkRow, draftPiece, moveAll, pageReview, seedTerms } from "./compliance-review-helpers";

let clock = NOW;
const t = withTestStudio({ now: () => clock });
beforeEach(() => {
  clock = NOW;
  setUpChannels(t.studio);
  seedTerms(t.studio);
});
const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

const TZ = "Asia/Shanghai";
const MARCH_3 = new Date("2026-03-03T11:00:00Z");

async function people() {
  const editor = await signedInUser(t.studio, ["editor"]);
  const copy = await signedInUser(t.studio, ["copywriter"]);
  return { editor: editor.actor, copy: copy.actor, cookie: editor.cookie };
}

/** A poster of the copywriter's with this body, submitted and (unless `submitOnly`) approved. */
function poster(people: { editor: Actor; copy: Actor }, body: string, submitOnly = false) {
  const pieceId = draftPiece(t.studio, people.copy, body);
  moveAll(
    t.studio,
    submitOnly
      ? [[people.copy, "submit"]]
      : [
          [people.copy, "submit"],
          [people.editor, "approve"],
        ],
    pieceId,
  );
  return pieceId;
}

const pieceRow = (id: number) =>
  t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, id)).get()!;
const hold = (pieceId: number) => publishHoldReason(t.studio.db, pieceRow(pieceId));

/** The calendar dialog's "schedule" form, as the browser posts it: its status and field errors. */
async function scheduleOnPage(cookie: string, pieceId: number, channel: string, caption = "") {
  const res = await respond(() =>
    calendarSlotsAction(
      routeArgs(
        formRequest(
          "/calendar/slots",
          {
            intent: "create-slot",
            pieceId: String(pieceId),
            channel,
            publishAt: "2026-03-04T12:00",
            caption,
          },
          cookie,
        ),
      ),
    ),
  );
  return { status: res.status, errors: (await res.json()).errors };
}

function slotFor(editor: Actor, pieceId: number, channel: string, caption = "") {
  return createSlot({
    db: t.studio.db,
    actor: editor,
    now: t.studio.now(),
    timeZone: TZ,
    input: { pieceId, channel, publishAt: MARCH_3, caption },
  });
}

function recaption(editor: Actor, slot: { id: number; version: number }, caption: string) {
  return updateSlot({
    db: t.studio.db,
    actor: editor,
    now: t.studio.now(),
    timeZone: TZ,
    slotId: slot.id,
    input: { version: slot.version, caption },
  });
}

/** A term added to the library by an editor (a library change: it queues the rescan). */
function addTerm(editor: Actor, term: string, severity: TermSeverity) {
  later(10);
  const done = createTerm({
    db: t.studio.db,
    actor: editor,
    now: t.studio.now(),
    input: {
      term,
      pattern: null,
      category: "price",
      severity,
      reason: "无法证实的价格或服务承诺。",
      basis: "《价格法》第十四条",
      suggestion: "写明具体价格、条件和有效期",
      allowedContexts: [],
    },
  });
  if (!done.ok) throw new Error(done.message);
  return runQueuedJobs(t.studio, { handlers: complianceJobHandlers, timeout: 20_000 });
}

function calendarFlags() {
  return getCalendar({
    db: t.studio.db,
    dataKey: t.studio.config.dataKey,
    now: t.studio.now(),
    timeZone: TZ,
    from: new Date("2026-03-01T00:00:00Z"),
    to: new Date("2026-03-31T00:00:00Z"),
  }).slots.map((slot) => ({ slotId: slot.id, pieceId: slot.pieceId, complianceFlag: slot.complianceFlag }));
}

describe("scheduling after an edit", () => {
  it("refuses a piece edited after its approval, with the reason, for its first slot and for another one; nothing is written", async () => {
    const who = await people();
    const first = poster(who, "周末到店试驾，送保养一次。");
    const second = poster(who, "春季用车小贴士。");
    expect(slotFor(who.editor, second, "xiaohongshu").ok).toBe(true);
    later(5);
    for (const id of [first, second]) {
      const piece = pieceRow(id);
      const edited = updatePiece({
        db: t.studio.db,
        actor: who.editor,
        pieceId: id,
        input: { version: piece.version, title: piece.title, body: `${piece.title}（改）` },
        now: t.studio.now(),
      });
      expect(edited.ok).toBe(true);
    }
    const before = snapshot(t.studio);

    // The edit took the approval back (the piece is a draft again), so scheduling says so.
    for (const id of [first, second])
      expect(await scheduleOnPage(who.cookie, id, "autohome")).toEqual({
        status: 409,
        errors: { pieceId: "这条内容当前是「草稿」，只有审核通过的内容才能排期。" },
      });
    expect(snapshot(t.studio)).toEqual(before);
  });
});

describe("captions", () => {
  it("refuses a caption with a forbidden wording at its field, on creation and on edit", async () => {
    const who = await people();
    const pieceId = poster(who, "春季用车小贴士。");
    const before = snapshot(t.studio);
    expect(await scheduleOnPage(who.cookie, pieceId, "xiaohongshu", "全城最好的保养套餐")).toEqual({
      status: 400,
      errors: { caption: "文案有 1 处禁用用语（第一处「最好」），请修改后再保存。" },
    });
    expect(snapshot(t.studio)).toEqual(before);

    const created = slotFor(who.editor, pieceId, "xiaohongshu", "春季保养");
    if (!created.ok) throw new Error(created.message);
    expect(recaption(who.editor, created.slot, "最好的春季保养")).toMatchObject({
      ok: false,
      status: 400,
      code: "compliance_blocked",
      field: "caption",
    });
  });

  it("keeps a justification of the copy when a clean caption is added; a caption's own review finding holds publishing until justified", async () => {
    const who = await people();
    const pieceId = poster(who, "五一到店，零首付开回家。", true);
    const { review } = await pageReview(who.cookie, pieceId);
    await pagePost(who.cookie, pieceId, {
      intent: "justifyFindings",
      note: "金融方案已核实",
      textHash: review.textHash,
    });
    moveAll(t.studio, [[who.editor, "approve"]], pieceId);

    const created = slotFor(who.editor, pieceId, "xiaohongshu", "五一自驾去哪儿");
    if (!created.ok) throw new Error(created.message);
    expect(hold(pieceId)).toBeNull();

    expect(recaption(who.editor, created.slot, "五一零首付购车").ok).toBe(true);
    const reason =
      "有 1 处需说明理由的用语（第一处「零首付」）还没有审核人针对当前文本写明理由，不能排期或发布。";
    expect(hold(pieceId)).toBe(reason);
    const page = await pageReview(who.cookie, pieceId);
    expect(page.review.publishHold).toEqual({ code: "justification_required", message: reason });
    expect(page.review.parts.map((p) => p.source)).toEqual(["copy", "caption"]);

    const res = await pagePost(who.cookie, pieceId, {
      intent: "justifyFindings",
      note: "渠道文案同样写明首付条件",
      textHash: page.review.textHash,
    });
    expect((await res.json()).ok).toBe(true);
    expect(hold(pieceId)).toBeNull();
  });
});

describe("a library change", () => {
  it("flags an approved, scheduled piece on the calendar and its page, holds publishing, and is cleared by a justification", async () => {
    const who = await people();
    const pieceId = poster(who, "本周到店可享全网最低价，欢迎试驾。");
    const slot = slotFor(who.editor, pieceId, "xiaohongshu", "周末试驾");
    if (!slot.ok) throw new Error(slot.message);
    expect(calendarFlags()).toEqual([{ slotId: slot.slot.id, pieceId, complianceFlag: null }]);

    await addTerm(who.editor, "全网最低", "review");
    const job = t.studio.db
      .select()
      .from(schema.jobs)
      .where(eq(schema.jobs.type, "compliance_rescan"))
      .get()!;
    expect(job).toMatchObject({ payload: { version: 2 }, status: "succeeded" });

    const flagged = checkRow(t.studio, pieceId)!;
    expect(flagged).toMatchObject({ termsVersion: 2, reviewCount: 1, flaggedAt: clock });
    expect(calendarFlags()).toEqual([{ slotId: slot.slot.id, pieceId, complianceFlag: "new_findings" }]);
    const { review } = await pageReview(who.cookie, pieceId);
    expect(review.flaggedAt).toBe(clock.toISOString());
    expect(review.findings).toEqual([expect.objectContaining({ match: "全网最低", justified: false })]);
    expect(hold(pieceId)).toBe(
      "有 1 处需说明理由的用语（第一处「全网最低」）还没有审核人针对当前文本写明理由，不能排期或发布。",
    );

    // The job run again (a crash before it finished, a second change): nothing changes.
    later(1);
    const again = await rescanHandler({
      job,
      studio: t.studio,
      signal: new AbortController().signal,
      logger: console as never,
      reportProgress: () => {},
    });
    expect(again.result).toMatchObject({ checked: 0, flagged: 0 });
    expect(checkRow(t.studio, pieceId)).toEqual(flagged);

    const res = await pagePost(who.cookie, pieceId, {
      intent: "justifyFindings",
      note: "价格已与厂家核实，海报注明有效期。",
      textHash: review.textHash,
    });
    expect((await res.json()).ok).toBe(true);
    expect(checkRow(t.studio, pieceId)!.flaggedAt).toBeNull();
    expect(calendarFlags()).toEqual([{ slotId: slot.slot.id, pieceId, complianceFlag: null }]);
    expect(hold(pieceId)).toBeNull();
    expect(auditRows(t.studio, "compliance.justify")).toHaveLength(1);
  });

  it("holds scheduling and publishing of an approved piece once a new block term matches it", async () => {
    const who = await people();
    const pieceId = poster(who, "本周到店可享全网最低价。");
    await addTerm(who.editor, "全网最低", "block");

    const reason = "有 1 处禁用用语（第一处「全网最低」），修改并重新审核通过后才能排期或发布。";
    expect(slotFor(who.editor, pieceId, "xiaohongshu")).toMatchObject({
      ok: false,
      status: 409,
      message: reason,
      field: "pieceId",
    });
    expect(hold(pieceId)).toBe(reason);
    const published = transitionPiece({
      db: t.studio.db,
      actor: who.editor,
      pieceId,
      action: "publish",
      now: t.studio.now(),
    });
    expect(published).toMatchObject({ ok: false, code: "compliance_blocked" });
  });

  it("lets a piece approved before checks existed through until a library change checks it", async () => {
    const who = await people();
    const pieceId = draftPiece(t.studio, who.copy, "零首付开回家。");
    // Approved without the workflow, as the seed and imports do: no check on record.
    t.studio.db.update(schema.pieces).set({ status: "approved" }).where(eq(schema.pieces.id, pieceId)).run();
    expect(checkRow(t.studio, pieceId)).toBeUndefined();
    expect(hold(pieceId)).toBeNull();
    expect(slotFor(who.editor, pieceId, "xiaohongshu").ok).toBe(true);

    await addTerm(who.editor, "开回家", "review");
    expect(checkRow(t.studio, pieceId)).toMatchObject({ reviewCount: 2, flaggedAt: clock });
    expect(hold(pieceId)).toMatch(/^有 2 处需说明理由的用语（第一处「零首付」）/);
  });
});
