import { eq } from "drizzle-orm";
import { beforeEach } from "vitest";
import { schema } from "~/lib/db.server";
import type { Studio } from "~/lib/studio.server";
import type { Actor } from "~/modules/auth/actor";
import type { PieceKind } from "~/modules/pieces/status-machine";
import { applyCalendarChannels } from "../../db/seed-calendar";
import { workflowPiece } from "../setup/pieces";
import { withStudio, type StudioWithPeople } from "../setup/test-studio";
import { rowCount } from "../setup/row-count";

/** 10:00 on Monday 2 March 2026 in Shanghai: the calendar tests' fixed clock. */
export const NOW = new Date("2026-03-02T02:00:00Z");
/** A Shanghai wall clock as an ISO instant with its offset, as an API client would send it. */
export const sh = (wall: string) => `${wall}+08:00`;

/** The ten channels with the calendar's settings and cadence rules (what the seed gives). */
export function setUpChannels(studio: Studio): void {
  studio.db.transaction((tx) => applyCalendarChannels(tx, { now: studio.now(), users: new Map() }));
}

/** Gives every test of the calling file its own studio at NOW, with the seed's channels. */
export function withCalendarStudio(): StudioWithPeople {
  const t = withStudio({ now: () => NOW });
  beforeEach(() => setUpChannels(t.studio));
  return t;
}

export function channelByKey(studio: Studio, key: string) {
  return studio.db.select().from(schema.channels).where(eq(schema.channels.key, key)).get()!;
}

/** A piece created by its owner and, unless `status` says otherwise, submitted and approved. */
export function makePiece(
  studio: Studio,
  options: { owner: Actor; editor: Actor; kind?: PieceKind; title?: string; status?: "draft" | "approved" },
) {
  return workflowPiece(studio, {
    ...options,
    kind: options.kind ?? "episode",
    title: options.title ?? "雨天开车起雾怎么办",
    body: "脚本正文",
  });
}

/** Rows in the tables a refused change must leave alone. */
export function snapshot(studio: Studio) {
  return {
    slots: rowCount(studio, schema.slots),
    audit: rowCount(studio, schema.auditLog),
    transitions: rowCount(studio, schema.pieceTransitions),
    rules: rowCount(studio, schema.cadenceRules),
    slotRows: JSON.stringify(studio.db.select().from(schema.slots).all()),
    channelRows: JSON.stringify(studio.db.select().from(schema.channels).all()),
    pieceRows: JSON.stringify(studio.db.select().from(schema.pieces).all()),
  };
}
