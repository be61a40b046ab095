import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { availableTransitions, canEditPiece, checkTransition } from "./status-machine";

const copywriter: Actor = { id: 1, email: "c@x", name: "文案", roles: ["copywriter"] };
const otherCopywriter: Actor = { id: 2, email: "c2@x", name: "文案2", roles: ["copywriter"] };
const editor: Actor = { id: 3, email: "e@x", name: "编辑", roles: ["editor"] };
const host: Actor = { id: 4, email: "h@x", name: "主播", roles: ["host"] };

describe("piece status machine", () => {
  it("walks the happy path draft → in_review → approved → scheduled → published", () => {
    expect(
      checkTransition({ piece: { status: "draft", ownerId: 1 }, action: "submit", actor: copywriter }),
    ).toEqual({ ok: true, to: "in_review" });
    expect(
      checkTransition({ piece: { status: "in_review", ownerId: 1 }, action: "approve", actor: editor }),
    ).toEqual({ ok: true, to: "approved" });
    expect(
      checkTransition({ piece: { status: "approved", ownerId: 1 }, action: "schedule", actor: editor }),
    ).toEqual({ ok: true, to: "scheduled" });
    expect(
      checkTransition({ piece: { status: "scheduled", ownerId: 1 }, action: "publish", actor: editor }),
    ).toEqual({ ok: true, to: "published" });
  });

  it("sends a rejected piece back to draft, and needs a reason to reject", () => {
    const noNote = checkTransition({
      piece: { status: "in_review", ownerId: 1 },
      action: "reject",
      actor: editor,
      note: "  ",
    });
    expect(noNote).toMatchObject({ ok: false, code: "note_required", field: "note" });
    expect(
      checkTransition({
        piece: { status: "in_review", ownerId: 1 },
        action: "reject",
        actor: editor,
        note: "标题太长",
      }),
    ).toEqual({ ok: true, to: "rejected" });
    expect(
      checkTransition({ piece: { status: "rejected", ownerId: 1 }, action: "redraft", actor: copywriter }),
    ).toEqual({ ok: true, to: "draft" });
  });

  it("refuses a copywriter approving, with 403 and a clear message", () => {
    const result = checkTransition({
      piece: { status: "in_review", ownerId: 1 },
      action: "approve",
      actor: copywriter,
    });
    expect(result).toMatchObject({ ok: false, status: 403, code: "forbidden" });
  });

  it("refuses a copywriter submitting someone else's piece", () => {
    expect(
      checkTransition({ piece: { status: "draft", ownerId: 1 }, action: "submit", actor: otherCopywriter }),
    ).toMatchObject({ ok: false, status: 403, code: "not_owner" });
    expect(
      checkTransition({ piece: { status: "draft", ownerId: 1 }, action: "submit", actor: editor }),
    ).toMatchObject({ ok: true });
  });

  it("names the current state when a transition does not apply", () => {
    const result = checkTransition({
      piece: { status: "draft", ownerId: 1 },
      action: "publish",
      actor: editor,
    });
    expect(result).toMatchObject({ ok: false, status: 409, code: "invalid_transition" });
    if (!result.ok) expect(result.message).toContain("草稿");
  });

  it("rejects unknown actions as bad input", () => {
    expect(
      checkTransition({ piece: { status: "draft", ownerId: 1 }, action: "teleport", actor: editor }),
    ).toMatchObject({ ok: false, status: 400, code: "unknown_transition", field: "action" });
    expect(
      checkTransition({ piece: { status: "draft", ownerId: 1 }, action: "__proto__", actor: editor }),
    ).toMatchObject({ ok: false, status: 400 });
  });

  it("archives from any live state and restores to draft", () => {
    for (const status of ["draft", "in_review", "approved", "rejected", "scheduled", "published"]) {
      expect(checkTransition({ piece: { status, ownerId: 1 }, action: "archive", actor: editor })).toEqual({
        ok: true,
        to: "archived",
      });
    }
    expect(
      checkTransition({ piece: { status: "archived", ownerId: 1 }, action: "archive", actor: editor }),
    ).toMatchObject({ ok: false, status: 409 });
    expect(
      checkTransition({ piece: { status: "archived", ownerId: 1 }, action: "restore", actor: editor }),
    ).toEqual({ ok: true, to: "draft" });
  });

  it("lists only the actions the actor may take now", () => {
    expect(availableTransitions({ status: "draft", ownerId: 1 }, copywriter)).toEqual(["submit"]);
    expect(availableTransitions({ status: "in_review", ownerId: 1 }, copywriter)).toEqual([]);
    expect(availableTransitions({ status: "in_review", ownerId: 1 }, editor)).toEqual([
      "approve",
      "reject",
      "archive",
    ]);
    expect(availableTransitions({ status: "draft", ownerId: 1 }, host)).toEqual([]);
  });

  it("lets copywriters edit only their own drafts and nobody edit published pieces", () => {
    expect(canEditPiece({ status: "draft", ownerId: 1 }, copywriter)).toBe(true);
    expect(canEditPiece({ status: "in_review", ownerId: 1 }, copywriter)).toBe(false);
    expect(canEditPiece({ status: "draft", ownerId: 1 }, otherCopywriter)).toBe(false);
    expect(canEditPiece({ status: "in_review", ownerId: 1 }, editor)).toBe(true);
    expect(canEditPiece({ status: "published", ownerId: 1 }, editor)).toBe(false);
    expect(canEditPiece({ status: "draft", ownerId: 4 }, host)).toBe(false);
  });
});
