import { translator } from "~/i18n/i18n";
import type { ErrorCode, ErrorParams } from "~/lib/error-codes";
import type { Actor } from "../auth/actor";
import { can, type Capability } from "../auth/permissions";

export const PIECE_KINDS = ["episode", "poster", "article", "ebook", "handbook", "livestream"] as const;
export type PieceKind = (typeof PIECE_KINDS)[number];

export const PIECE_STATUSES = [
  "draft",
  "in_review",
  "approved",
  "rejected",
  "scheduled",
  "published",
  "archived",
] as const;
export type PieceStatus = (typeof PIECE_STATUSES)[number];

export const MIX_CATEGORIES = ["车型讲解", "用车技巧", "车主故事"] as const;

interface TransitionRule {
  from: readonly PieceStatus[];
  to: PieceStatus;
  capability: Capability;
  /** Copywriters may only move their own pieces through these. */
  ownerOnlyUnless?: Capability;
  needsNote?: boolean;
}

/** The status workflow; every transition anywhere in the studio is checked here. */
export const TRANSITIONS = {
  submit: { from: ["draft"], to: "in_review", capability: "pieces.submit", ownerOnlyUnless: "pieces.review" },
  approve: { from: ["in_review"], to: "approved", capability: "pieces.review" },
  reject: { from: ["in_review"], to: "rejected", capability: "pieces.review", needsNote: true },
  redraft: { from: ["rejected"], to: "draft", capability: "pieces.edit", ownerOnlyUnless: "pieces.review" },
  schedule: { from: ["approved"], to: "scheduled", capability: "pieces.schedule" },
  unschedule: { from: ["scheduled"], to: "approved", capability: "pieces.schedule" },
  publish: { from: ["approved", "scheduled"], to: "published", capability: "pieces.publish" },
  archive: {
    from: ["draft", "in_review", "approved", "rejected", "scheduled", "published"],
    to: "archived",
    capability: "pieces.archive",
  },
  restore: { from: ["archived"], to: "draft", capability: "pieces.archive" },
} as const satisfies Record<string, TransitionRule>;

export type TransitionAction = keyof typeof TRANSITIONS;
export const TRANSITION_ACTIONS = Object.keys(TRANSITIONS) as TransitionAction[];

export interface PieceRef {
  status: string;
  ownerId: number;
}

export type TransitionCheck =
  | { ok: true; to: PieceStatus }
  | {
      ok: false;
      status: 403 | 409 | 400;
      code: ErrorCode;
      message: string;
      field?: string;
      params?: ErrorParams;
    };

export function checkTransition(options: {
  piece: PieceRef;
  action: string;
  actor: Actor;
  note?: string | null;
}): TransitionCheck {
  const { piece, actor } = options;
  if (!Object.hasOwn(TRANSITIONS, options.action)) {
    return {
      ok: false,
      status: 400,
      code: "unknown_transition",
      message: `未知的状态操作「${options.action}」。`,
      field: "action",
      params: { action: options.action },
    };
  }
  const rule: TransitionRule = TRANSITIONS[options.action as TransitionAction];
  if (!can(actor.roles, rule.capability)) {
    const message = "你的角色不能执行此操作。";
    return { ok: false, status: 403, code: "forbidden", message, params: { context: "transition" } };
  }
  if (rule.ownerOnlyUnless && piece.ownerId !== actor.id && !can(actor.roles, rule.ownerOnlyUnless)) {
    return { ok: false, status: 403, code: "not_owner", message: "只能操作自己负责的内容。" };
  }
  if (!(rule.from as readonly string[]).includes(piece.status)) {
    return {
      ok: false,
      status: 409,
      code: "invalid_transition",
      message: `当前状态「${statusLabel(piece.status)}」不能执行「${actionLabel(options.action as TransitionAction)}」。`,
      params: { from: piece.status, action: options.action },
    };
  }
  if (rule.needsNote && !options.note?.trim()) {
    return { ok: false, status: 400, code: "note_required", message: "退回时请写明原因。", field: "note" };
  }
  return { ok: true, to: rule.to };
}

/** Actions the actor could take now; the UI shows only these. */
export function availableTransitions(piece: PieceRef, actor: Actor): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((action) => checkTransition({ piece, action, actor, note: "x" }).ok);
}

/** Copywriters edit their own drafts; editors edit anything not yet published or archived. */
export function canEditPiece(piece: PieceRef, actor: Actor): boolean {
  if (piece.status === "published" || piece.status === "archived") return false;
  if (can(actor.roles, "pieces.review")) return true;
  return (
    can(actor.roles, "pieces.edit") &&
    piece.ownerId === actor.id &&
    (piece.status === "draft" || piece.status === "rejected")
  );
}

// The names come from the UI strings (statuses.*, actions.*), in Chinese like the message around them.
export function statusLabel(status: string): string {
  return translator("zh")(`statuses.${status}`, { defaultValue: status });
}
export function actionLabel(action: TransitionAction): string {
  return translator("zh")(`actions.${action}`);
}
