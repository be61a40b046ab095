import { count, eq, like } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import { schema } from "~/lib/db.server";
import { createStudio, setStudio } from "~/lib/studio.server";
import { demoShowScriptInput } from "~/modules/livestream/demo-show-script";
import { getShowHub, resetShowHub } from "~/modules/livestream/show-hub-instance.server";
import type { ShowAction, ShowState } from "~/modules/livestream/show-state";
import type { ShowStreamMessage } from "~/modules/livestream/clock-sync";
import { loader as builderPage } from "~/routes/_app.livestreams.$id._index";
import { loader as controlPage } from "~/routes/_app.livestreams.$id.control";
import { loader as reportPage } from "~/routes/_app.livestreams.$id.report";
import { action as apiUpdate } from "~/routes/api.v1.livestreams.$id";
import { action as apiOnline } from "~/routes/api.v1.livestreams.$id.online";
import { loader as apiState } from "~/routes/api.v1.livestreams.$id.state";
import { action as commandAction } from "~/routes/livestreams.$id.command";
import { loader as eventsLoader } from "~/routes/livestreams.$id.events";
import { loader as prompterPage } from "~/routes/livestreams.$id.prompter";
import { loader as snapshotLoader } from "~/routes/livestreams.$id.snapshot";
import {
  getRequest,
  getStatus,
  jsonRequest,
  respond,
  routeArgs as args,
  signedInUser,
} from "../setup/test-studio";
import { approveShow, createDemoShow, withShowStudio } from "./livestream-helpers";

const { t, clock } = withShowStudio();

async function setup() {
  const made = await createDemoShow(t.studio);
  const copy = await signedInUser(t.studio, ["copywriter"]);
  return { ...made, copy };
}

async function command(cookie: string, id: string, action: ShowAction | Record<string, unknown>) {
  const res = await respond(() =>
    commandAction(
      args(jsonRequest(`/livestreams/${id}/command`, "POST", action, { Cookie: cookie }), { id }),
    ),
  );
  return { status: res.status, body: await res.json() };
}

async function state(cookie: string, id: string): Promise<ShowState> {
  const res = await respond(() =>
    apiState(args(getRequest(`/api/v1/livestreams/${id}/state`, { Cookie: cookie }), { id })),
  );
  expect(res.status).toBe(200);
  return (await res.json()).state;
}

const logRows = (id: string) =>
  t.studio.db
    .select({ n: count() })
    .from(schema.livestreamShowLog)
    .where(eq(schema.livestreamShowLog.showId, Number(id)))
    .get()!.n;

describe("live show: commands, limits and roles", () => {
  it("drives the show, stores every command with its log row and audit entry, and answers {ok, state, serverNow}", async () => {
    const { producer, id } = await setup();
    const started = await command(producer.cookie, id, { type: "start" });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      ok: true,
      state: { status: "running", blockIndex: 0, version: 1 },
      serverNow: clock.ms,
    });
    clock.ms += 125_000;
    const next = await command(producer.cookie, id, { type: "next" });
    expect(next.body.state).toMatchObject({ blockIndex: 1, blockStartedAt: clock.ms, version: 2 });
    expect(
      (await command(producer.cookie, id, { type: "adjust", deltaMs: 30_000 })).body.state.blockOffsetsMs,
    ).toEqual({ "1": 30_000 });
    expect((await command(producer.cookie, id, { type: "jump", blockIndex: 5 })).body.state.blockIndex).toBe(
      5,
    );
    expect((await command(producer.cookie, id, { type: "previous" })).body.state.blockIndex).toBe(4);
    expect((await command(producer.cookie, id, { type: "pause" })).body.state.status).toBe("paused");
    expect((await command(producer.cookie, id, { type: "resume" })).body.state.status).toBe("running");

    expect(await state(producer.cookie, id)).toMatchObject({ status: "running", blockIndex: 4, version: 7 });
    expect(logRows(id)).toBe(7);
    const audits = t.studio.db
      .select()
      .from(schema.auditLog)
      .where(like(schema.auditLog.action, "livestream.%"))
      .all();
    expect(audits.map((a) => a.action)).toEqual([
      "livestream.create",
      "livestream.start",
      "livestream.next",
      "livestream.adjust",
      "livestream.jump",
      "livestream.previous",
      "livestream.pause",
      "livestream.resume",
    ]);

    // Bad commands: 400 at the field (schema) or 409 (state), and nothing stored.
    for (const bad of [
      { type: "adjust", deltaMs: 45_000 },
      { type: "jump", blockIndex: -1 },
      { type: "explode" },
      { type: "setOnline", count: -3 },
      { type: "setOnline", count: "很多" },
    ]) {
      expect((await command(producer.cookie, id, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    const outOfRange = await command(producer.cookie, id, { type: "jump", blockIndex: 9999 });
    expect(outOfRange.status).toBe(409);
    expect(outOfRange.body.error.code).toBe("block_out_of_range");
    expect((await command(producer.cookie, id, { type: "start" })).body.error.code).toBe("already_started");
    expect(logRows(id)).toBe(7);
  });

  it("arms red-envelope rounds only at a peak of 3000, runs 90 s each and stops at 3", async () => {
    const { producer, id } = await setup();
    await command(producer.cookie, id, { type: "start" });
    const online = async (count: unknown) =>
      respond(() =>
        apiOnline(
          args(
            jsonRequest(`/api/v1/livestreams/${id}/online`, "POST", { count }, { Cookie: producer.cookie }),
            { id },
          ),
        ),
      );

    expect((await online(2999)).status).toBe(200);
    const below = await command(producer.cookie, id, { type: "fireRedEnvelope" });
    expect(below.status).toBe(409);
    expect(below.body.error.code).toBe("below_threshold");
    expect((await online(-1)).status).toBe(400);
    expect((await online(99_999_999)).status).toBe(400);
    expect((await online("三千")).status).toBe(400);

    expect((await online(3000)).status).toBe(200);
    // The rule is on the peak: a drop below 3000 keeps the rain armed.
    await online(1200);
    expect(await state(producer.cookie, id)).toMatchObject({ onlineCount: 1200, peakOnline: 3000 });
    const first = await command(producer.cookie, id, { type: "fireRedEnvelope" });
    expect(first.status).toBe(200);
    expect(first.body.state.redEnvelope.activeRound).toEqual({
      n: 1,
      startedAt: clock.ms,
      endsAt: clock.ms + 90_000,
    });
    const during = await command(producer.cookie, id, { type: "fireRedEnvelope" });
    expect(during.body.error.code).toBe("round_active");

    for (const n of [2, 3]) {
      clock.ms += 90_000;
      const round = await command(producer.cookie, id, { type: "fireRedEnvelope" });
      expect(round.status).toBe(200);
      expect(round.body.state.redEnvelope).toMatchObject({ roundsFired: n, activeRound: { n } });
    }
    clock.ms += 91_000;
    const fourth = await command(producer.cookie, id, { type: "fireRedEnvelope" });
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe("rounds_exhausted");
    expect((await state(producer.cookie, id)).redEnvelope.roundsFired).toBe(3);
  });

  it("refuses the console to a copywriter and the host (403) and leaves the state unchanged; unknown show 404", async () => {
    const { producer, host, copy, id } = await setup();
    await command(producer.cookie, id, { type: "start" });
    const before = await state(producer.cookie, id);

    for (const who of [copy, host]) {
      expect((await command(who.cookie, id, { type: "next" })).status).toBe(403);
      expect(
        (
          await respond(() =>
            apiOnline(
              args(
                jsonRequest(
                  `/api/v1/livestreams/${id}/online`,
                  "POST",
                  { count: 5000 },
                  { Cookie: who.cookie },
                ),
                { id },
              ),
            ),
          )
        ).status,
      ).toBe(403);
      expect(await getStatus(controlPage, `/livestreams/${id}/control`, who.cookie, { id })).toBe(403);
    }
    expect(await state(producer.cookie, id)).toEqual(before);
    expect(logRows(id)).toBe(1);

    // The host reads the prompter but may not drive it; the producer's prompter may.
    const hostPrompter = await (
      await respond(() =>
        prompterPage(args(getRequest(`/livestreams/${id}/prompter`, { Cookie: host.cookie }), { id })),
      )
    ).json();
    expect(hostPrompter.canDrive).toBe(false);
    expect(hostPrompter.blocks.length).toBe(before.blockCount);
    const producerPrompter = await (
      await respond(() =>
        prompterPage(args(getRequest(`/livestreams/${id}/prompter`, { Cookie: producer.cookie }), { id })),
      )
    ).json();
    expect(producerPrompter.canDrive).toBe(true);
    expect(await getStatus(prompterPage, `/livestreams/${id}/prompter`, copy.cookie, { id })).toBe(403);

    expect((await command(producer.cookie, "4242", { type: "start" })).status).toBe(404);
    expect(
      await getStatus(snapshotLoader, "/livestreams/4242/snapshot", producer.cookie, { id: "4242" }),
    ).toBe(404);
    expect(await getStatus(eventsLoader, "/livestreams/4242/events", producer.cookie, { id: "4242" })).toBe(
      404,
    );
  });

  it("refuses to go live while the script has issues, and freezes the blocks at the start", async () => {
    const { producer, id, show } = await setup();
    const broken = await respond(() =>
      apiUpdate(
        args(
          jsonRequest(
            `/api/v1/livestreams/${id}`,
            "PUT",
            { ...demoShowScriptInput({ closing: "" }), version: show.version },
            { Cookie: producer.cookie },
          ),
          { id },
        ),
      ),
    );
    expect(broken.status).toBe(200);
    const refused = await command(producer.cookie, id, { type: "start" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("收尾");
    expect((await state(producer.cookie, id)).status).toBe("idle");

    const fixed = await respond(() =>
      apiUpdate(
        args(
          jsonRequest(`/api/v1/livestreams/${id}`, "PUT", demoShowScriptInput(), { Cookie: producer.cookie }),
          { id },
        ),
      ),
    );
    expect(fixed.status).toBe(200);
    await approveShow(t.studio, id);
    expect((await command(producer.cookie, id, { type: "start" })).status).toBe(200);
    const frozen = (
      await (
        await respond(() =>
          builderPage(args(getRequest(`/livestreams/${id}`, { Cookie: producer.cookie }), { id })),
        )
      ).json()
    ).show;
    expect(frozen.blocksFrozen).toBe(true);

    // A third product during the show does not shift the blocks the state points at.
    const third = {
      name: "楼兰",
      painPoint: "七座车开起来像开船？",
      sellingPoint: "楼兰底盘扎实，三排都坐得舒服，长途不累。",
      perk: "今晚下定送全年保养。",
    };
    await respond(() =>
      apiUpdate(
        args(
          jsonRequest(
            `/api/v1/livestreams/${id}`,
            "PUT",
            { ...demoShowScriptInput(), products: [...demoShowScriptInput().products, third] },
            { Cookie: producer.cookie },
          ),
          { id },
        ),
      ),
    );
    const after = (
      await (
        await respond(() =>
          builderPage(args(getRequest(`/livestreams/${id}`, { Cookie: producer.cookie }), { id })),
        )
      ).json()
    ).show;
    expect(after.products).toHaveLength(3);
    expect(after.blocks.map((b: { id: string }) => b.id)).toEqual(
      frozen.blocks.map((b: { id: string }) => b.id),
    );
    expect(after.blocks.some((b: { productName?: string }) => b.productName === "楼兰")).toBe(false);
    expect((await state(producer.cookie, id)).blockCount).toBe(frozen.blocks.length);
  });
});

describe("sync: events stream and restart", () => {
  it("streams a snapshot at once and every accepted command, as text/event-stream", async () => {
    const { producer, id } = await setup();
    const abort = new AbortController();
    const res = await respond(() =>
      eventsLoader(
        args(
          new Request(`http://localhost/livestreams/${id}/events`, {
            headers: { Cookie: producer.cookie },
            signal: abort.signal,
          }),
          { id },
        ),
      ),
    );
    expect(res.headers.get("Content-Type")).toContain("text/event-stream");
    expect(res.headers.get("Cache-Control")).toContain("no-transform");
    expect(res.headers.get("X-Accel-Buffering")).toBe("no");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    const nextMessage = async (): Promise<ShowStreamMessage> => {
      for (;;) {
        const m = buffer.match(/data: (.*)\n\n/);
        if (m) {
          buffer = buffer.slice((m.index ?? 0) + m[0].length);
          return JSON.parse(m[1]) as ShowStreamMessage;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        buffer += decoder.decode(value);
      }
    };
    const first = await nextMessage();
    expect(first).toMatchObject({ type: "snapshot", state: { status: "idle", version: 0 } });
    await command(producer.cookie, id, { type: "start" });
    let pushed = await nextMessage();
    while (pushed.type !== "snapshot") pushed = await nextMessage();
    expect(pushed.state).toMatchObject({ status: "running", version: 1 });
    expect(getShowHub().subscriberCount(id)).toBe(1);
    abort.abort();
    expect(getShowHub().subscriberCount(id)).toBe(0);
  });

  it("keeps the show where it was across a restart (new hub, re-opened database)", async () => {
    const { producer, id } = await setup();
    await command(producer.cookie, id, { type: "start" });
    clock.ms += 130_000;
    await command(producer.cookie, id, { type: "next" });
    await command(producer.cookie, id, { type: "setOnline", count: 3500 });
    await command(producer.cookie, id, { type: "fireRedEnvelope" });
    const before = await state(producer.cookie, id);

    // "Restart": drop the hub and the database handle, open the same data dir again.
    resetShowHub();
    t.studio.database.sqlite.close();
    const reopened = createStudio({ dataDir: t.dir, now: () => new Date(clock.ms) });
    setStudio(reopened);
    onTestFinished(() => {
      reopened.database.sqlite.close();
    });

    expect(await state(producer.cookie, id)).toEqual(before);
    const snapshot = await (
      await respond(() =>
        snapshotLoader(args(getRequest(`/livestreams/${id}/snapshot`, { Cookie: producer.cookie }), { id })),
      )
    ).json();
    expect(snapshot.state).toEqual(before);
    const received: ShowStreamMessage[] = [];
    const unsubscribe = getShowHub().subscribe(id, (m) => received.push(m));
    await new Promise((r) => setTimeout(r, 10));
    unsubscribe();
    expect(received[0]).toMatchObject({
      type: "snapshot",
      state: { version: before.version, blockIndex: 1, peakOnline: 3500 },
    });

    clock.ms += 10_000;
    const next = await command(producer.cookie, id, { type: "next" });
    expect(next.body.state).toMatchObject({ blockIndex: 2, version: before.version + 1 });
  });
});

describe("record and report", () => {
  it("reports planned vs actual per block with overruns first, the peak, rounds fired and leads as not tracked", async () => {
    const { producer, id, show } = await setup();
    const blocks: Array<{ plannedSeconds: number }> = show.blocks;
    await command(producer.cookie, id, { type: "start" });
    clock.ms += (blocks[0].plannedSeconds + 40) * 1000; // opening overruns by 40 s
    await command(producer.cookie, id, { type: "next" });
    await command(producer.cookie, id, { type: "setOnline", count: 3100 });
    await command(producer.cookie, id, { type: "fireRedEnvelope" });
    clock.ms += (blocks[1].plannedSeconds - 20) * 1000; // cut short by 20 s
    await command(producer.cookie, id, { type: "pause" });
    clock.ms += 60_000; // a pause is not air time
    await command(producer.cookie, id, { type: "resume" });
    await command(producer.cookie, id, { type: "next" });
    clock.ms += (blocks[2].plannedSeconds + 100) * 1000; // overruns by 100 s: the largest
    await command(producer.cookie, id, { type: "end" });

    const report = await (
      await respond(() =>
        reportPage(args(getRequest(`/livestreams/${id}/report`, { Cookie: producer.cookie }), { id })),
      )
    ).json();
    expect(report.status).toBe("ended");
    expect(
      report.rows
        .slice(0, 2)
        .map((r: { blockIndex: number; deltaSeconds: number; status: string }) => [
          r.blockIndex,
          r.deltaSeconds,
          r.status,
        ]),
    ).toEqual([
      [2, 100, "overrun"],
      [0, 40, "overrun"],
    ]);
    expect(report.rows.find((r: { blockIndex: number }) => r.blockIndex === 1)).toMatchObject({
      actualSeconds: blocks[1].plannedSeconds - 20,
      status: "short",
    });
    expect(report.rows.find((r: { blockIndex: number }) => r.blockIndex === 3)).toMatchObject({
      actualSeconds: null,
      status: "not_reached",
    });
    expect(report).toMatchObject({
      overrunBlocks: 2,
      peakOnline: 3100,
      redEnvelopeRoundsFired: 1,
      leadsCaptured: 0,
    });
    expect(report.redEnvelopeRounds).toHaveLength(1);
    expect(report.log.map((e: { action: { type: string } }) => e.action.type)).toEqual([
      "start",
      "next",
      "setOnline",
      "fireRedEnvelope",
      "pause",
      "resume",
      "next",
      "end",
    ]);
    expect(
      report.log.every(
        (e: { at: number; actorName: string }) =>
          typeof e.at === "number" && e.actorName === producer.actor.name,
      ),
    ).toBe(true);
    expect(new Date(report.startedAt).toISOString()).toBe("2026-06-16T12:00:00.000Z");
  });
});
