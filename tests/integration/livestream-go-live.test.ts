import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { computePosition } from "~/modules/livestream/show-position";
import { loadShow } from "~/modules/livestream/show-rows.server";
import { loader as controlPage } from "~/routes/_app.livestreams.$id.control";
import { action as commandAction } from "~/routes/livestreams.$id.command";
import { auditRows } from "../setup/audit-entries";
import { getRequest, jsonRequest, respond, routeArgs, signedInUser } from "../setup/test-studio";
import { approveShow, createDemoShow, withShowStudio } from "./livestream-helpers";

const { t, clock } = withShowStudio();

async function command(cookie: string, id: string, body: Record<string, unknown>, lang = "zh-CN") {
  const res = await respond(() =>
    commandAction(
      routeArgs(
        jsonRequest(`/livestreams/${id}/command`, "POST", body, { Cookie: cookie, "Accept-Language": lang }),
        { id },
      ),
    ),
  );
  return { status: res.status, body: await res.json() };
}

const liveStatus = (id: string) => loadShow(t.studio.db, Number(id))!.state.status;
const overrides = () => auditRows(t.studio, "livestream.go_live_override");

describe("a show goes live only from an approved script", () => {
  it("refuses the start of a draft script in the user's language, and an override without a reason or by a producer", async () => {
    const { producer, host, id } = await createDemoShow(t.studio, { approved: false });
    const editor = await signedInUser(t.studio, ["editor"]);

    const refused = await command(producer.cookie, id, { type: "start" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "script_not_approved" });
    expect(refused.body.error.message).toContain("尚未审核通过");
    const english = await command(producer.cookie, id, { type: "start" }, "en");
    expect(english.body.error.message).toContain("not approved");

    // A producer may not override; a host may not drive at all.
    const byProducer = await command(producer.cookie, id, { type: "start", overrideReason: "老板说开" });
    expect(byProducer.status).toBe(403);
    expect(byProducer.body.error.message).toContain("只有编辑或管理员");
    expect((await command(host.cookie, id, { type: "start", overrideReason: "我来开" })).status).toBe(403);
    // An editor without a reason (empty or blank) is refused at the field.
    for (const overrideReason of ["", "   "]) {
      const blank = await command(editor.cookie, id, { type: "start", overrideReason });
      expect(blank.status, JSON.stringify(overrideReason)).toBe(400);
      expect(blank.body.error).toMatchObject({ code: "override_reason_required", field: "overrideReason" });
    }
    const tooLong = await command(editor.cookie, id, { type: "start", overrideReason: "理".repeat(501) });
    expect(tooLong.status).toBe(400);
    // An editor still cannot drive the rest of the show.
    expect((await command(editor.cookie, id, { type: "next" })).status).toBe(403);
    expect(liveStatus(id)).toBe("idle");
    expect(overrides()).toHaveLength(0);
    expect(auditRows(t.studio, "livestream.start")).toHaveLength(0);
  });

  it("opens the console to an editor to go live anyway, but only the producer drives it", async () => {
    const { producer, id } = await createDemoShow(t.studio, { approved: false });
    const editor = await signedInUser(t.studio, ["editor"]);
    const screen = async (cookie: string) => {
      const res = await respond(() =>
        controlPage(routeArgs(getRequest(`/livestreams/${id}/control`, { Cookie: cookie }), { id })),
      );
      return { status: res.status, body: res.status === 200 ? await res.json() : null };
    };
    const asEditor = await screen(editor.cookie);
    expect(asEditor.status).toBe(200);
    expect(asEditor.body).toMatchObject({ scriptStatus: "draft", canOverride: true, canDrive: false });
    const asProducer = await screen(producer.cookie);
    expect(asProducer.body).toMatchObject({ canOverride: false, canDrive: true });
  });

  it("goes live with an editor's reason, audited with the start in the same transaction", async () => {
    const { id } = await createDemoShow(t.studio, { approved: false });
    const editor = await signedInUser(t.studio, ["editor"]);
    const started = await command(editor.cookie, id, {
      type: "start",
      overrideReason: "  审核人出差，脚本已电话确认  ",
    });
    expect(started.status).toBe(200);
    expect(started.body.state.status).toBe("running");
    const [audit] = overrides();
    expect(audit).toMatchObject({ entityId: id, actorId: editor.actor.id });
    expect(JSON.parse(audit.summary)).toMatchObject({
      before: { scriptStatus: "draft" },
      after: { reason: "审核人出差，脚本已电话确认" },
    });
    expect(auditRows(t.studio, "livestream.start")).toHaveLength(1);
    // A second start is refused by the show itself, and no second override is recorded.
    expect((await command(editor.cookie, id, { type: "start", overrideReason: "再来" })).status).toBe(409);
    expect(overrides()).toHaveLength(1);
  });

  it("an approved script goes live without an override; ending stops a red-envelope countdown on every screen", async () => {
    const { producer, id } = await createDemoShow(t.studio, { approved: false });
    await approveShow(t.studio, id);
    expect((await command(producer.cookie, id, { type: "start" })).status).toBe(200);
    expect(overrides()).toHaveLength(0);
    await command(producer.cookie, id, { type: "setOnline", count: 3200 });
    expect((await command(producer.cookie, id, { type: "fireRedEnvelope" })).status).toBe(200);
    clock.ms += 10_000;
    const ended = await command(producer.cookie, id, { type: "end" });
    expect(ended.status).toBe(200);
    expect(ended.body.state.redEnvelope.activeRound).toBeNull();
    const loaded = loadShow(t.studio.db, Number(id))!;
    expect(computePosition(loaded.state, loaded.blocks, clock.ms).redEnvelope.active).toBeNull();
    // Even a state stored with a round still running (older rows) shows no countdown once ended.
    const withRound = {
      ...loaded.state,
      redEnvelope: {
        ...loaded.state.redEnvelope,
        activeRound: { n: 1, startedAt: clock.ms, endsAt: clock.ms + 60_000 },
      },
    };
    expect(computePosition(withRound, loaded.blocks, clock.ms).redEnvelope).toMatchObject({
      active: null,
      armed: false,
    });
    expect(
      t.studio.db
        .select()
        .from(schema.livestreamShows)
        .where(eq(schema.livestreamShows.pieceId, Number(id)))
        .get()!.endedAt,
    ).not.toBeNull();
  });
});
