// Shared setup of the livestream integration tests: a show made through the API by a producer.
import { afterEach, beforeEach, expect } from "vitest";
import type { Studio } from "~/lib/studio.server";
import { demoShowScriptInput } from "~/modules/livestream/demo-show-script";
import { resetShowHub } from "~/modules/livestream/show-hub-instance.server";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { action as apiCreate } from "~/routes/api.v1.livestreams";
import { jsonRequest, respond, routeArgs, signedInUser, withTestStudio } from "../setup/test-studio";

/**
 * Sends the show's script through review as an editor: a show goes live only from an approved
 * script, and any save of an approved script takes it back to draft.
 */
export async function approveShow(studio: Studio, showId: number | string) {
  const editor = await signedInUser(studio, ["editor"]);
  for (const action of ["submit", "approve"]) {
    const moved = transitionPiece({
      db: studio.db,
      actor: editor.actor,
      pieceId: Number(showId),
      action,
      now: studio.now(),
    });
    expect(moved, action).toMatchObject({ ok: true });
  }
  return editor;
}

/**
 * A signed-in producer and host, and the demo show the producer created for them (201), its
 * script approved unless `approved` is false.
 */
export async function createDemoShow(studio: Studio, options: { approved?: boolean } = {}) {
  const producer = await signedInUser(studio, ["producer"]);
  const host = await signedInUser(studio, ["host"]);
  const res = await respond(() =>
    apiCreate(
      routeArgs(
        jsonRequest(
          "/api/v1/livestreams",
          "POST",
          { ...demoShowScriptInput(), hostId: host.actor.id, producerId: producer.actor.id },
          { Cookie: producer.cookie },
        ),
      ),
    ),
  );
  expect(res.status).toBe(201);
  const show = await res.json();
  if (options.approved !== false) await approveShow(studio, show.id);
  return { producer, host, id: String(show.id), show };
}

const SHOW_DAY = Date.parse("2026-06-16T12:00:00Z");

/**
 * Gives every test of the calling file its own studio and a fresh show hub, on a clock the test
 * moves by hand: `clock.ms` starts at 12:00 UTC on 16 June 2026 in every test.
 */
export function withShowStudio() {
  const clock = { ms: SHOW_DAY };
  const t = withTestStudio({ now: () => new Date(clock.ms) });
  beforeEach(() => {
    clock.ms = SHOW_DAY;
    resetShowHub();
  });
  afterEach(() => resetShowHub());
  return { t, clock };
}
