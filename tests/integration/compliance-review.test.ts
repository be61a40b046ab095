import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { loader as complianceLoader } from "~/routes/api.v1.pieces.$id.compliance";
import { action as justificationsAction } from "~/routes/api.v1.pieces.$id.compliance.justifications";
import { withStudio } from "../setup/test-studio";
import { auditRows } from "../setup/audit-entries";
import { pagePost } from "../setup/pieces";
import {
  checkRow,
  counts,
  draftPiece,
  justificationRows,
  LONG_COPY,
  move,
  moveAll,
  pageReview,
  pieceStatus,
  seedTerms,
} from "./compliance-review-helpers";

const t = withStudio();
beforeEach(() => seedTerms(t.studio));

const sha256 = (text: string) => crypto.createHash("sha256").update(text, "utf8").digest("hex");

const people = () => t.people({ editor: ["editor"], copy: ["copywriter"] });

describe("submitting for review", () => {
  it("checks the copy and stores the check: text hash, library version, findings, originality; the copy is indexed", async () => {
    const { copy } = await people();
    const body = "五一到店，零首付开回家。";
    const pieceId = draftPiece(t.studio, copy.actor, body);
    expect(checkRow(t.studio, pieceId)).toBeUndefined();

    expect(move(t.studio, copy.actor, pieceId, "submit")).toMatchObject({ ok: true, status: "in_review" });

    const check = checkRow(t.studio, pieceId)!;
    expect(check).toMatchObject({
      textHash: sha256(body),
      termsVersion: 1,
      blockCount: 0,
      reviewCount: 1,
      originalityThreshold: 0.9,
      flaggedAt: null,
    });
    expect(check.findings).toEqual([
      expect.objectContaining({
        term: "零首付",
        match: "零首付",
        severity: "review",
        start: 5,
        end: 8,
        part: 0,
      }),
    ]);
    const bands = t.studio.db
      .select()
      .from(schema.originalityBands)
      .where(eq(schema.originalityBands.pieceId, pieceId))
      .all();
    expect(bands.length).toBeGreaterThan(0);
  });

  it("shows the reviewer the findings with category, reason, basis and suggestion, and the checked text", async () => {
    const { editor, copy } = await people();
    const pieceId = draftPiece(t.studio, copy.actor, "全城最好的售后，零首付。");
    moveAll(t.studio, [[copy.actor, "submit"]], pieceId);
    const { review, canJustify } = await pageReview(editor.cookie, pieceId);
    expect(canJustify).toBe(true);
    expect(review).toMatchObject({
      text: "全城最好的售后，零首付。",
      stored: true,
      counts: { block: 1, review: 1, unjustified: 1 },
      approvalHold: {
        code: "compliance_blocked",
        message: "有 1 处禁用用语（第一处「最好」），修改后才能审核通过。",
      },
    });
    expect(review.findings[0]).toMatchObject({
      category: "absolute",
      reason: "绝对化用语，无法证实。",
      basis: "《中华人民共和国广告法》第九条",
      suggestion: "写出具体、可核实的优点",
      match: "最好",
    });
    expect((await pageReview(copy.cookie, pieceId)).canJustify).toBe(false);
  });
});

describe("approving", () => {
  it("refuses a piece with a block finding, naming the count and the first term; nothing changes, nothing is audited", async () => {
    const { editor, copy } = await people();
    const pieceId = draftPiece(t.studio, copy.actor, "本店服务最好，价格最好。");
    moveAll(t.studio, [[copy.actor, "submit"]], pieceId);
    const before = counts(t.studio);

    const refused = move(t.studio, editor.actor, pieceId, "approve");
    expect(refused).toMatchObject({
      ok: false,
      status: 409,
      code: "compliance_blocked",
      message: "有 2 处禁用用语（第一处「最好」），修改后才能审核通过。",
    });
    expect(pieceStatus(t.studio, pieceId)).toBe("in_review");
    expect(counts(t.studio)).toEqual(before);

    // Through the page, in English: the same refusal, translated by its code.
    const res = await pagePost(`${editor.cookie}; lang=en`, pieceId, {
      intent: "transition",
      action: "approve",
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toBe(
      "2 forbidden wording(s) (the first: “最好”): change them before approving.",
    );
    expect(counts(t.studio)).toEqual(before);
  });

  it("needs a reviewer's justification for a review finding: refused without, accepted with, the justification audited with it", async () => {
    const { editor, copy } = await people();
    const body = "五一到店，零首付开回家。";
    const pieceId = draftPiece(t.studio, copy.actor, body);
    moveAll(t.studio, [[copy.actor, "submit"]], pieceId);

    const refused = move(t.studio, editor.actor, pieceId, "approve");
    expect(refused).toMatchObject({
      code: "justification_required",
      message: "有 1 处需说明理由的用语（第一处「零首付」），审核人写明理由后才能审核通过。",
    });
    expect(pieceStatus(t.studio, pieceId)).toBe("in_review");

    const { review } = await pageReview(editor.cookie, pieceId);
    const note = "金融方案已由厂家金融公司确认，海报底部写明首付比例和期数。";
    const res = await pagePost(editor.cookie, pieceId, {
      intent: "justifyFindings",
      note,
      textHash: review.textHash,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, notice: "理由已保存。" });

    const [row] = justificationRows(t.studio, pieceId);
    expect(row).toMatchObject({ kind: "findings", textHash: sha256(body), note, actorId: editor.actor.id });
    expect(row.textHash).toBe(checkRow(t.studio, pieceId)!.textHash);
    const [audit] = auditRows(t.studio, "compliance.justify");
    expect(audit).toMatchObject({ entity: "piece", entityId: String(pieceId), actorId: editor.actor.id });
    expect(audit.at.getTime()).toBe(row.at.getTime());
    expect(JSON.parse(audit.summary).after).toMatchObject({ kind: "findings", note, textHash: sha256(body) });

    expect(move(t.studio, editor.actor, pieceId, "approve")).toMatchObject({ ok: true, status: "approved" });
  });

  it("refuses an empty or over-long note, or a text changed since it was read, at the field; nothing is written", async () => {
    const { editor, copy } = await people();
    const pieceId = draftPiece(t.studio, copy.actor, "零首付，开回家。");
    moveAll(t.studio, [[copy.actor, "submit"]], pieceId);
    const { review } = await pageReview(editor.cookie, pieceId);
    const before = counts(t.studio);

    for (const [note, message] of [
      ["   ", "请写明理由"],
      ["理".repeat(501), "理由不能超过 500 个字"],
    ]) {
      const res = await pagePost(editor.cookie, pieceId, {
        intent: "justifyFindings",
        note,
        textHash: review.textHash,
      });
      expect(res.status).toBe(400);
      expect((await res.json()).errors).toEqual({ note: message });
    }
    const stale = await pagePost(editor.cookie, pieceId, {
      intent: "justifyFindings",
      note: "理由",
      textHash: sha256("另一段文字"),
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).errors).toEqual({
      note: "内容在你查看之后有修改，请刷新页面、看过最新的检查结果后再写理由。",
    });
    expect(counts(t.studio)).toEqual(before);
  });

  it("lets an editor record a justified originality exception for a copy below the threshold", async () => {
    const { editor, copy } = await people();
    const first = draftPiece(t.studio, copy.actor, LONG_COPY, { title: "雨天起雾" });
    moveAll(
      t.studio,
      [
        [copy.actor, "submit"],
        [editor.actor, "approve"],
      ],
      first,
    );
    const second = draftPiece(t.studio, copy.actor, LONG_COPY, { title: "雨天起雾（转载）" });
    moveAll(t.studio, [[copy.actor, "submit"]], second);

    const check = checkRow(t.studio, second)!;
    expect(check.originality).toBeLessThan(0.9);
    const refused = move(t.studio, editor.actor, second, "approve");
    expect(refused).toMatchObject({ ok: false, status: 409, code: "originality_too_low" });
    expect(refused.ok ? "" : refused.message).toMatch(/^原创度 \d+(\.\d)?% 低于要求的 90%/);

    const { review } = await pageReview(editor.cookie, second);
    expect(review.originality).toMatchObject({ below: true, excepted: false, threshold: 0.9 });
    expect(review.originality.similar[0]).toMatchObject({ pieceId: first, title: "雨天起雾" });

    // A copywriter may not; an editor may, for this exact copy, audited.
    const denied = await pagePost(copy.cookie, second, {
      intent: "recordOriginalityException",
      note: "转载厂家通稿",
      textHash: review.textHash,
    });
    expect(denied.status).toBe(403);
    const res = await pagePost(editor.cookie, second, {
      intent: "recordOriginalityException",
      note: "厂家统一发布的用车提示，各经销商口径一致。",
      textHash: review.textHash,
    });
    expect(await res.json()).toMatchObject({ ok: true, notice: "例外已记录。" });
    expect(justificationRows(t.studio, second)).toEqual([
      expect.objectContaining({ kind: "originality", textHash: sha256(LONG_COPY) }),
    ]);
    expect(auditRows(t.studio, "compliance.originality_exception")).toHaveLength(1);
    expect(move(t.studio, editor.actor, second, "approve")).toMatchObject({ ok: true, status: "approved" });

    // A copy that meets the threshold needs no exception.
    const fine = await pagePost(editor.cookie, first, {
      intent: "recordOriginalityException",
      note: "不需要",
      textHash: (await pageReview(editor.cookie, first)).review.textHash,
    });
    expect(fine.status).toBe(409);
  });
});

describe("who may justify", () => {
  it("refuses a copywriter (403) on the page and through the API, writing nothing", async () => {
    const { copy } = await people();
    const pieceId = draftPiece(t.studio, copy.actor, "零首付，开回家。");
    moveAll(t.studio, [[copy.actor, "submit"]], pieceId);
    const textHash = checkRow(t.studio, pieceId)!.textHash;
    const before = counts(t.studio);

    const page = await pagePost(copy.cookie, pieceId, {
      intent: "justifyFindings",
      note: "我觉得可以",
      textHash,
    });
    expect(page.status).toBe(403);
    const api = await copy.json(
      justificationsAction,
      `/api/v1/pieces/${pieceId}/compliance/justifications`,
      "POST",
      { kind: "findings", note: "我觉得可以", textHash },
      { id: String(pieceId) },
    );
    expect(api.status).toBe(403);
    expect(counts(t.studio)).toEqual(before);
  });
});

describe("the compliance API", () => {
  it("returns the stored check and takes a justification for the text it names", async () => {
    const { editor, copy } = await people();
    const pieceId = draftPiece(t.studio, copy.actor, "零首付，开回家。");
    moveAll(t.studio, [[copy.actor, "submit"]], pieceId);

    const got = await editor.get(complianceLoader, `/api/v1/pieces/${pieceId}/compliance`, {
      id: String(pieceId),
    });
    expect(got.status).toBe(200);
    const review = await got.json();
    expect(review).toMatchObject({
      textHash: sha256("零首付，开回家。"),
      storedCheck: { textHash: sha256("零首付，开回家。"), termsVersion: 1, blockCount: 0, reviewCount: 1 },
      counts: { unjustified: 1 },
    });

    const post = (body: unknown) =>
      editor.json(justificationsAction, `/api/v1/pieces/${pieceId}/compliance/justifications`, "POST", body, {
        id: String(pieceId),
      });
    const bad = await post({ kind: "findings", note: "", textHash: review.textHash });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ field: "note" });
    const done = await post({ kind: "findings", note: "已核实金融方案", textHash: review.textHash });
    expect(done.status).toBe(201);
    expect((await done.json()).review).toMatchObject({ counts: { unjustified: 0 }, approvalHold: null });
  });
});
