import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { sealSigningSecrets } from "~/lib/seal-signing-secrets.server";
import { listSlotAttempts } from "~/modules/publishing/list-slot-attempts.server";
import { runPublishingTick } from "~/modules/publishing/publishing-ticker.server";
import { action as resendAction } from "~/routes/api.v1.slots.$id.resend";
import { auditRows } from "../setup/audit-entries";
import { jsonRequest, respond } from "../setup/test-studio";
import {
  approvedPiece,
  insertSlot,
  makeChannel,
  slotRow,
  withPublishingStudio,
  type Answer,
} from "./publishing-helpers";

const SECRET = "a3f1c9e07b5d4e2f8a6b0c1d2e3f4a5b";

const publishing = withPublishingStudio();
const { t, clock } = publishing;
const receiver = (script: Answer[]) => publishing.receiver(SECRET, script);

function resend(slotId: number, cookie: string) {
  return respond(() =>
    resendAction({
      request: jsonRequest(`/api/v1/slots/${slotId}/resend`, "POST", {}, { Cookie: cookie }),
      params: { id: String(slotId) },
      context: {},
    }),
  );
}

const outcomes = (slotId: number) => listSlotAttempts({ db: t.studio.db, slotId }).map((a) => a.outcome);

describe("webhook publishing", () => {
  it("retries a 500, records a request left unanswered as unconfirmed and never re-sends it, fails on a 400, and publishes once on a receiver that accepts", async () => {
    const copywriter = await t.signIn("copywriter");
    const editor = await t.signIn("editor");
    const { receiver: flaky, channel } = await publishing.webhookChannel("douyin-main", SECRET, [
      { status: 500 },
      "hang",
      { status: 400, json: { error: "caption too long" } },
    ]);
    const piece = approvedPiece(t.studio, { owner: copywriter.actor, editor: editor.actor });
    const slot = publishing.dueSlot(piece.id, channel.id, editor.actor.id);

    const worker = publishing.startWorker({ timeoutMs: 800 });
    expect(runPublishingTick({ studio: t.studio }).queued).toEqual([slot.id]);
    await expect.poll(() => slotRow(t.studio, slot.id).status).toBe("unconfirmed");
    expect(outcomes(slot.id)).toEqual(["retry", "unconfirmed"]);
    const [retried, unanswered] = listSlotAttempts({ db: t.studio.db, slotId: slot.id });
    expect(retried.httpStatus).toBe(500);
    expect(unanswered.httpStatus).toBeNull();
    expect(unanswered.detail).toMatch(/超时/);

    // Nothing sends an unconfirmed slot again by itself: not the queue, not the ticks.
    for (let i = 0; i < 3; i++) runPublishingTick({ studio: t.studio });
    await new Promise((r) => setTimeout(r, 500));
    await worker.idle();
    expect(flaky.requests).toHaveLength(2);
    expect(slotRow(t.studio, slot.id).status).toBe("unconfirmed");

    // Only an editor decides to send it again.
    expect((await resend(slot.id, copywriter.cookie)).status).toBe(403);
    expect(slotRow(t.studio, slot.id).status).toBe("unconfirmed");
    const again = await resend(slot.id, editor.cookie);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ slotId: slot.id, status: "queued" });
    await expect.poll(() => slotRow(t.studio, slot.id).status).toBe("failed");
    expect(outcomes(slot.id)).toEqual(["retry", "unconfirmed", "failed"]);
    expect(listSlotAttempts({ db: t.studio.db, slotId: slot.id })[2]).toMatchObject({
      httpStatus: 400,
      detail: expect.stringContaining("caption too long"),
    });
    // A 4xx is final: no retry followed it.
    await new Promise((r) => setTimeout(r, 300));
    expect(flaky.requests).toHaveLength(3);

    // Every request was signed over its timestamp and body, with the slot's one idempotency key,
    // and would be refused if replayed ten minutes later.
    for (const request of flaky.requests) {
      expect(request.signature).toEqual({ ok: true });
      expect(request.replayedLater).toEqual({ ok: false, reason: "too_old" });
      expect(request.idempotencyKey).toBe(slot.idempotencyKey);
      expect(request.event).toBe("slot.publish");
      expect(request.json).toMatchObject({
        slot: { id: slot.id, hashtags: ["用车技巧", "雨季"] },
        channel: { key: "douyin-main" },
        piece: { id: piece.id, slug: piece.slug },
        trackedLink: expect.stringMatching(new RegExp(`/p/${piece.slug}\\?src=douyin-main$`)),
      });
    }

    // The channel now points at a receiver that accepts; a failed slot may be sent again.
    const good = await receiver([
      { status: 200, json: { url: "https://www.douyin.com/video/7300000000001" } },
    ]);
    t.studio.db
      .update(schema.channels)
      .set({ webhookUrl: good.url })
      .where(eq(schema.channels.id, channel.id))
      .run();
    expect((await resend(slot.id, editor.cookie)).status).toBe(200);
    await expect.poll(() => slotRow(t.studio, slot.id).status).toBe("published");
    expect(slotRow(t.studio, slot.id).liveUrl).toBe("https://www.douyin.com/video/7300000000001");
    expect(good.requests).toHaveLength(1);
    expect(good.requests[0].signature).toEqual({ ok: true });
    expect(good.requests[0].idempotencyKey).toBe(slot.idempotencyKey);
    expect(outcomes(slot.id)).toEqual(["retry", "unconfirmed", "failed", "published"]);

    // The piece's first published slot published the piece, through the status machine's rule.
    const published = t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, piece.id)).get()!;
    expect(published.status).toBe("published");
    const history = t.studio.db
      .select()
      .from(schema.pieceTransitions)
      .where(
        and(eq(schema.pieceTransitions.pieceId, piece.id), eq(schema.pieceTransitions.action, "publish")),
      )
      .all();
    expect(history).toHaveLength(1);

    // A published slot cannot be sent again.
    const refused = await resend(slot.id, editor.cookie);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe("slot_not_resendable");

    // Every step is in the audit log.
    const actions = t.studio.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entity, "slot"), eq(schema.auditLog.entityId, String(slot.id))))
      .all()
      .map((row) => row.action);
    expect(actions).toEqual([
      "slot.dispatch",
      "slot.publishing",
      "slot.retry",
      "slot.publishing",
      "slot.unconfirmed",
      "slot.resend",
      "slot.publishing",
      "slot.failed",
      "slot.resend",
      "slot.publishing",
      "slot.published",
    ]);
  });

  it("publishes a slot on one channel exactly once while the same piece's slot on another channel fails", async () => {
    const copywriter = await t.signIn("copywriter");
    const editor = await t.signIn("editor");
    const { receiver: refusing, channel: douyin } = await publishing.webhookChannel("douyin-main", SECRET, [
      { status: 422, json: { error: "account suspended" } },
    ]);
    const { receiver: accepting, channel: kuaishou } = await publishing.webhookChannel("kuaishou", SECRET, [
      { status: 201, json: { url: "https://www.kuaishou.com/short-video/3x1" } },
    ]);
    const piece = approvedPiece(t.studio, { owner: copywriter.actor, editor: editor.actor, kind: "episode" });
    const at = new Date(clock.now().getTime() - 5_000);
    const failing = insertSlot(t.studio, { pieceId: piece.id, channelId: douyin.id, publishAt: at });
    const working = insertSlot(t.studio, { pieceId: piece.id, channelId: kuaishou.id, publishAt: at });

    const worker = publishing.startWorker();
    runPublishingTick({ studio: t.studio });
    await expect
      .poll(() => [slotRow(t.studio, failing.id).status, slotRow(t.studio, working.id).status])
      .toEqual(["failed", "published"]);
    // Sending the failed one again (and failing again) leaves the published one alone.
    expect((await resend(failing.id, editor.cookie)).status).toBe(200);
    await expect.poll(() => outcomes(failing.id)).toEqual(["failed", "failed"]);
    for (let i = 0; i < 3; i++) runPublishingTick({ studio: t.studio });
    await new Promise((r) => setTimeout(r, 300));
    await worker.idle();

    expect(accepting.requests).toHaveLength(1);
    expect(refusing.requests).toHaveLength(2);
    expect(slotRow(t.studio, working.id)).toMatchObject({
      status: "published",
      liveUrl: "https://www.kuaishou.com/short-video/3x1",
    });
    expect(outcomes(working.id)).toEqual(["published"]);
    expect(slotRow(t.studio, failing.id).status).toBe("failed");
    // Resending the published slot is refused: a retry never re-posts where it succeeded.
    expect((await resend(working.id, editor.cookie)).status).toBe(409);
    expect(accepting.requests).toHaveLength(1);
  });
});

describe("webhook secrets at rest", () => {
  const storedSecret = (channelId: number) =>
    t.studio.db.select().from(schema.channels).where(eq(schema.channels.id, channelId)).get()!.webhookSecret!;

  it("seals a secret stored in clear by an older studio, once and audited, and still signs with it", async () => {
    const copywriter = await t.signIn("copywriter");
    const editor = await t.signIn("editor");
    const accepting = await receiver([{ status: 200 }]);
    // The database as a studio before sealing left it: the secret in clear.
    const channel = makeChannel(t.studio, {
      key: "douyin-main",
      publisher: "webhook",
      webhookUrl: accepting.url,
      webhookSecret: SECRET,
    });
    const seal = () =>
      sealSigningSecrets({ db: t.studio.db, dataKey: t.studio.config.dataKey, now: clock.now() });
    expect(seal().channels).toBe(1);
    const sealed = storedSecret(channel.id);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(SECRET);
    // A second start finds nothing to do.
    expect(seal().channels).toBe(0);
    expect(storedSecret(channel.id)).toBe(sealed);
    const log = auditRows(t.studio, "channel.seal_secret");
    expect(log.map((l) => l.entityId)).toEqual(["douyin-main"]);
    expect(log[0].summary).toContain(SECRET.slice(-4));
    expect(log[0].summary).not.toContain(SECRET);
    expect(log[0].summary).not.toContain(sealed);

    const piece = approvedPiece(t.studio, { owner: copywriter.actor, editor: editor.actor });
    const slot = publishing.dueSlot(piece.id, channel.id, editor.actor.id);
    publishing.startWorker();
    runPublishingTick({ studio: t.studio });
    await expect.poll(() => slotRow(t.studio, slot.id).status).toBe("published");
    expect(accepting.requests.map((r) => r.signature)).toEqual([{ ok: true }]);
  });

  it("fails a slot whose channel secret no longer opens, with the reason, and the worker goes on", async () => {
    const copywriter = await t.signIn("copywriter");
    const editor = await t.signIn("editor");
    const { receiver: broken, channel: douyin } = await publishing.webhookChannel("douyin-main", SECRET, [
      { status: 200 },
    ]);
    const { receiver: fine, channel: kuaishou } = await publishing.webhookChannel("kuaishou", SECRET, [
      { status: 200 },
    ]);
    // One byte of the sealed value changed, as in a damaged or edited file.
    const raw = Buffer.from(storedSecret(douyin.id).slice("v1.".length), "base64");
    raw[raw.length - 1] ^= 0x01;
    t.studio.db
      .update(schema.channels)
      .set({ webhookSecret: `v1.${raw.toString("base64")}` })
      .where(eq(schema.channels.id, douyin.id))
      .run();
    const piece = approvedPiece(t.studio, { owner: copywriter.actor, editor: editor.actor });
    const failing = publishing.dueSlot(piece.id, douyin.id, editor.actor.id);
    const working = publishing.dueSlot(piece.id, kuaishou.id, editor.actor.id);

    publishing.startWorker();
    runPublishingTick({ studio: t.studio });
    await expect
      .poll(() => [slotRow(t.studio, failing.id).status, slotRow(t.studio, working.id).status])
      .toEqual(["failed", "published"]);
    expect(broken.requests).toEqual([]);
    expect(fine.requests.map((r) => r.signature)).toEqual([{ ok: true }]);
    const [attempt] = listSlotAttempts({ db: t.studio.db, slotId: failing.id });
    expect(attempt).toMatchObject({ outcome: "failed", httpStatus: null });
    expect(attempt.detail).toMatch(/签名密钥无法解密/);
    // A job failed for good, not retried: nothing would sign it until an editor makes a new secret.
    const job = t.studio.db
      .select()
      .from(schema.jobs)
      .all()
      .find((j) => (j.payload as { slotId?: number }).slotId === failing.id)!;
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
  });
});
