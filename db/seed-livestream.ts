import { and, eq } from "drizzle-orm";
import { DEFAULT_STUDIO_TIME_ZONE } from "../app/lib/dates";
import { schema } from "../app/lib/db.server";
import { demoShowScriptInput } from "../app/modules/livestream/demo-show-script";
import { createShow } from "../app/modules/livestream/create-show.server";
import { runShowCommand } from "../app/modules/livestream/run-show-command.server";
import { showInputSchema } from "../app/modules/livestream/show-input";
import { loadShow } from "../app/modules/livestream/show-rows.server";
import type { ShowAction } from "../app/modules/livestream/show-state";
import type { DemoSeedOptions } from "./seed-options";

/**
 * Demo data of the livestream capability; runs once (its own marker in app_meta): the 616 night
 * show, attached to the demo livestream piece (a draft: it goes live once an editor approves its
 * script); and a past show already run,
 * so the report page has something to show.
 */
export async function seedLivestreamDemo(options: DemoSeedOptions): Promise<void> {
  const { db, now, users } = options;
  const editor = users.get("editor@studio.local");
  const host = users.get("host@studio.local");
  const producer = users.get("producer@studio.local");
  if (!editor || !producer) return;
  const staff = { hostId: host?.id, producerId: producer.id };

  const existing = db
    .select({ id: schema.pieces.id })
    .from(schema.pieces)
    .where(and(eq(schema.pieces.kind, "livestream"), eq(schema.pieces.title, "616厂价直销夜 直播脚本")))
    .get();
  const attachTo = existing && !loadShow(db, existing.id) ? existing.id : undefined;
  const main = createShow({
    db,
    actor: editor,
    input: showInputSchema(DEFAULT_STUDIO_TIME_ZONE).parse({ ...demoShowScriptInput(), ...staff }),
    now,
    pieceId: attachTo,
  });
  if (!main.ok) throw new Error(`demo show: ${main.message}`);

  // A show from a week ago, run block by block with realistic drift, then ended.
  const day = new Date(now.getTime() - 7 * 86_400_000);
  day.setUTCHours(12, 0, 0, 0); // 20:00 in Shanghai, prime time for a dealership live room
  const startedAt = day.getTime();
  const past = createShow({
    db,
    actor: producer,
    input: showInputSchema(DEFAULT_STUDIO_TIME_ZONE).parse({
      ...demoShowScriptInput({
        title: "五一自驾节 · 48小时深度试驾直播",
        scheduledAt: new Date(startedAt).toISOString(),
      }),
      ...staff,
    }),
    now: new Date(startedAt - 86_400_000),
  });
  if (!past.ok) throw new Error(`demo past show: ${past.message}`);
  // A show that ran had an approved script: shows go live only from one (decision 0041). Seeded
  // as approved without the workflow, as the seed does for other approved demo pieces.
  db.update(schema.pieces).set({ status: "approved" }).where(eq(schema.pieces.id, past.showId)).run();
  const blocks = loadShow(db, past.showId)?.blocks ?? [];
  let clock = startedAt;
  const send = (action: ShowAction) => {
    const result = runShowCommand({ db, actor: producer, showId: past.showId, action, now: new Date(clock) });
    if (!result.ok) throw new Error(`demo past show ${action.type}: ${result.message}`);
  };
  send({ type: "start" });
  blocks.forEach((block, i) => {
    // Selling points run long when the chat is lively; perks are cut short.
    const drift = block.kind === "selling" ? 20 + (i % 3) * 10 : block.kind === "perk" ? -8 : (i % 4) - 1;
    if (i === 3) {
      clock += 5_000;
      send({ type: "setOnline", count: 3_260 });
      send({ type: "fireRedEnvelope" });
    }
    if (i === 12) {
      clock += 5_000;
      send({ type: "setOnline", count: 4_180 });
      send({ type: "fireRedEnvelope" });
    }
    clock += Math.max(5, block.plannedSeconds + drift) * 1000;
    send(i === blocks.length - 1 ? { type: "end" } : { type: "next" });
  });
}
