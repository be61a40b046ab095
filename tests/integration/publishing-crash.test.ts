import type { ChildProcess } from "node:child_process";
import { expect, it } from "vitest";
import { listSlotAttempts } from "~/modules/publishing/list-slot-attempts.server";
import { fixtureProcesses, printed } from "../setup/fixture-process";
import { approvedPiece, insertSlot, slotRow, withPublishingStudio, type Answer } from "./publishing-helpers";

const SECRET = "0f9e8d7c6b5a49382716a5b4c3d2e1f0";

const publishing = withPublishingStudio();
const { t, clock } = publishing;
const processes = fixtureProcesses(() => t.dir);
const { children } = processes;
const startPublisher = () => processes.start("tests/fixtures/publish-crash-worker.ts", "inherit");

/** The fixture prints "publisher ready" once its worker and tick have started. */
const ready = (child: ChildProcess) => printed(child, "publisher ready");

async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

async function setUp(script: Answer[], channelKey = "wechat-channels") {
  const copywriter = await t.signIn("copywriter");
  const editor = await t.signIn("editor");
  const { receiver, channel } = await publishing.webhookChannel(channelKey, SECRET, script);
  const piece = approvedPiece(t.studio, { owner: copywriter.actor, editor: editor.actor, kind: "episode" });
  return { receiver, channel, piece };
}

it("kill -9 while the receiver holds the request, then a restart: the slot is unconfirmed and never sent twice", async () => {
  const { receiver, channel, piece } = await setUp(["hang"]);
  const slot = publishing.dueSlot(piece.id, channel.id);

  const first = startPublisher();
  await expect.poll(() => receiver.requests.length, { timeout: 30_000 }).toBe(1);
  // The start was committed before the request went out.
  expect(slotRow(t.studio, slot.id).status).toBe("publishing");
  expect(listSlotAttempts({ db: t.studio.db, slotId: slot.id }).map((a) => a.outcome)).toEqual(["started"]);
  await kill(first);

  startPublisher();
  await expect.poll(() => slotRow(t.studio, slot.id).status, { timeout: 30_000 }).toBe("unconfirmed");
  // Give the restarted process time to do anything it would do: it sends nothing.
  await new Promise((r) => setTimeout(r, 1_500));
  expect(receiver.requests).toHaveLength(1);
  const attempts = listSlotAttempts({ db: t.studio.db, slotId: slot.id });
  expect(attempts.map((a) => a.outcome)).toEqual(["unconfirmed"]);
  expect(attempts[0].finishedAt).not.toBeNull();
  expect(attempts[0].detail).toMatch(/中断/);
});

it("kill -9 at any moment of a publish, then a restart: exactly one delivery, or unconfirmed — never two", async () => {
  // The receiver answers after a delay, so the kill lands before, during or after the answer.
  for (const killAfterMs of [0, 150, 400, 900]) {
    const { receiver, channel, piece } = await setUp(
      [{ status: 200, json: { url: "https://channels.weixin.qq.com/p/1" }, delayMs: 300 }],
      `wechat-channels-${killAfterMs}`,
    );
    const slot = publishing.dueSlot(piece.id, channel.id);
    const first = startPublisher();
    await ready(first);
    await new Promise((r) => setTimeout(r, killAfterMs));
    await kill(first);

    startPublisher();
    await expect
      .poll(() => slotRow(t.studio, slot.id).status, { timeout: 30_000 })
      .toMatch(/^(published|unconfirmed)$/);
    await new Promise((r) => setTimeout(r, 800));
    const status = slotRow(t.studio, slot.id).status;
    if (status === "published") expect(receiver.requests, `kill after ${killAfterMs} ms`).toHaveLength(1);
    else expect(receiver.requests.length, `kill after ${killAfterMs} ms`).toBeLessThanOrEqual(1);
    expect(
      listSlotAttempts({ db: t.studio.db, slotId: slot.id }).filter((a) => a.outcome === "started"),
    ).toEqual([]);
    for (const child of children.splice(0)) await kill(child);
  }
});

it("sends a slot that came due while the server was down when it starts within the grace period", async () => {
  const { receiver, channel, piece } = await setUp([{ status: 200 }]);
  // Due ten minutes ago (grace 120 min): nobody was running then.
  const slot = insertSlot(t.studio, {
    pieceId: piece.id,
    channelId: channel.id,
    publishAt: new Date(clock.now().getTime() - 10 * 60_000),
  });
  startPublisher();
  await expect.poll(() => slotRow(t.studio, slot.id).status, { timeout: 30_000 }).toBe("published");
  expect(receiver.requests).toHaveLength(1);
});
