import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startOfWeek } from "~/lib/dates";
import { schema } from "~/lib/db.server";
import { assignLead } from "~/modules/leads/assign-lead.server";
import { captureLead } from "~/modules/leads/capture-lead.server";
import { changeLeadStatus } from "~/modules/leads/change-lead-status.server";
import { listLeads } from "~/modules/leads/list-leads.server";
import { revealLead } from "~/modules/leads/reveal-lead.server";
import { action as leadAction, loader as leadLoader } from "~/routes/_app.leads.$id";
import { action as exportAction } from "~/routes/_app.leads.export";
import { loader as inboxLoader } from "~/routes/_app.leads._index";
import { auditRows } from "../setup/audit-entries";
import { callRoute, formRequest, getRequest, withStudio } from "../setup/test-studio";
import { publishedPiece } from "./tracking-helpers";

const t = withStudio();
let phone = 13800000000;

async function newLead(at: Date) {
  const piece = await publishedPiece(t.studio);
  const { db, config } = t.studio;
  const captured = captureLead({
    db,
    dataKey: config.dataKey,
    downloadSecret: config.sessionSecret,
    input: { slug: piece.slug, phone: String(++phone), consent: true, name: "王先生" },
    now: at,
  } as Parameters<typeof captureLead>[0]);
  if (!captured.ok) throw new Error(captured.message);
  return captured.leadId;
}

const leadRow = (id: number) => t.studio.db.select().from(schema.leads).where(eq(schema.leads.id, id)).get()!;
const activities = (id: number) =>
  t.studio.db.select().from(schema.leadActivities).where(eq(schema.leadActivities.leadId, id)).all();

describe("lead status and assignment", () => {
  it("sets first_contact_at on the first move away from new, once, and audits every change", async () => {
    const created = new Date(Date.now() - 20 * 60_000);
    const id = await newLead(created);
    const { actor } = await t.signIn("sales");
    const db = t.studio.db;
    const first = new Date(created.getTime() + 7 * 60_000);
    const moved = changeLeadStatus({
      db,
      actor,
      leadId: id,
      status: "contacted",
      note: "已电话",
      version: 1,
      now: first,
    });
    expect(moved).toMatchObject({ ok: true, version: 2 });
    expect(leadRow(id).firstContactAt?.getTime()).toBe(first.getTime());
    const later = new Date(first.getTime() + 60 * 60_000);
    expect(
      changeLeadStatus({ db, actor, leadId: id, status: "visited", note: null, version: 2, now: later }).ok,
    ).toBe(true);
    expect(leadRow(id)).toMatchObject({ status: "visited", version: 3 });
    expect(leadRow(id).firstContactAt?.getTime()).toBe(first.getTime());
    expect(activities(id).map((a) => [a.kind, a.fromStatus, a.toStatus])).toEqual([
      ["status", "new", "contacted"],
      ["status", "contacted", "visited"],
    ]);
    expect(auditRows(t.studio, "lead.status").filter((r) => r.entityId === String(id))).toHaveLength(2);
  });

  it("refuses a bad status, a forbidden move, an unknown lead, a stale version and a read-only role, changing nothing", async () => {
    const id = await newLead(new Date());
    const db = t.studio.db;
    const { actor: sales } = await t.signIn("sales");
    const { actor: analyst } = await t.signIn("analyst");
    const now = new Date();
    const base = { db, actor: sales, leadId: id, note: null, version: 1, now };
    const cases: [Parameters<typeof changeLeadStatus>[0], number, string][] = [
      [{ ...base, status: "maybe" }, 400, "invalid_lead_status"],
      [{ ...base, status: "" }, 400, "invalid_lead_status"],
      [{ ...base, status: "visited" }, 409, "invalid_transition"],
      [{ ...base, status: "contacted", note: "长".repeat(1001) }, 400, "text_too_long"],
      [{ ...base, status: "contacted", leadId: 999_999 }, 404, "not_found"],
      [{ ...base, status: "contacted", version: 7 }, 409, "stale"],
      [{ ...base, status: "contacted", actor: analyst }, 403, "forbidden"],
    ];
    for (const [options, status, code] of cases) {
      const result = changeLeadStatus(options);
      expect(result, code).toMatchObject({ ok: false, status, code });
    }
    expect(
      assignLead({ db, actor: analyst, leadId: id, assigneeId: sales.id, version: 1, now }),
    ).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(assignLead({ db, actor: sales, leadId: id, assigneeId: 999_999, version: 1, now })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(leadRow(id)).toMatchObject({ status: "new", version: 1, assigneeId: null, firstContactAt: null });
    expect(activities(id)).toEqual([]);
    expect(auditRows(t.studio, "lead.status").filter((r) => r.entityId === String(id))).toEqual([]);
    expect(auditRows(t.studio, "lead.assign").filter((r) => r.entityId === String(id))).toEqual([]);
  });

  it("assigns a lead with a version check and records it", async () => {
    const id = await newLead(new Date());
    const db = t.studio.db;
    const { actor } = await t.signIn("sales");
    expect(
      assignLead({ db, actor, leadId: id, assigneeId: actor.id, version: 1, now: new Date() }),
    ).toMatchObject({
      ok: true,
      version: 2,
    });
    expect(leadRow(id).assigneeId).toBe(actor.id);
    expect(
      assignLead({ db, actor, leadId: id, assigneeId: null, version: 1, now: new Date() }),
    ).toMatchObject({
      ok: false,
      code: "stale",
    });
    expect(leadRow(id).assigneeId).toBe(actor.id);
    expect(activities(id).map((a) => a.kind)).toEqual(["assign"]);
  });
});

describe("lead export", () => {
  const exportCsv = (cookie?: string, method = "POST") =>
    callRoute(
      exportAction,
      new Request("http://localhost/leads/export", {
        method,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: method === "POST" ? "" : undefined,
      }),
    );

  it("downloads every lead as UTF-8 CSV with a BOM for leads.export only, full numbers for a role that may reveal, audited", async () => {
    const id = await newLead(new Date());
    const full = leadRow(id);
    for (const roles of [["sales"], ["analyst"], ["editor"]] as const) {
      const { cookie } = await t.signIn(...roles);
      expect((await exportCsv(cookie)).status, roles[0]).toBe(403);
    }
    expect((await exportCsv()).status).toBe(302);
    expect(auditRows(t.studio, "lead.export")).toEqual([]);
    const admin = await t.signIn("admin");
    expect((await exportCsv(admin.cookie, "GET")).status).toBe(405);
    const answer = await exportCsv(admin.cookie);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="leads-\d{8}-\d{4}\.csv"$/,
    );
    const bytes = new Uint8Array(await answer.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const [header, ...rows] = text.split("\r\n").filter(Boolean);
    expect(header.split(",")).toContain("phone");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(String(phone));
    expect(rows[0]).toContain("王先生");
    expect(rows[0]).toContain("透明车间开放日");
    expect(rows[0]).not.toContain(full.phoneMasked!);
    const audits = auditRows(t.studio, "lead.export");
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0].summary)).toMatchObject({ after: { count: 1, fullNumbers: true } });
  });
});

describe("inbox and reveal", () => {
  it("shows the time to first contact and flags a new lead older than 15 minutes as overdue", async () => {
    const now = new Date();
    const late = await newLead(new Date(now.getTime() - 40 * 60_000));
    const fresh = await newLead(new Date(now.getTime() - 5 * 60_000));
    const { actor } = await t.signIn("analyst");
    const { db, config } = t.studio;
    const leads = listLeads({ db, dataKey: config.dataKey, actor, reveal: true, limit: 500, now });
    const byId = new Map(leads.map((lead) => [lead.id, lead]));
    expect(byId.get(late)).toMatchObject({ overdue: true, minutesToFirstContact: 40 });
    expect(byId.get(fresh)).toMatchObject({ overdue: false, minutesToFirstContact: 5 });
    // An analyst reads masked numbers only, even when asking for full ones.
    expect(byId.get(late)?.phone).toBeUndefined();
    expect(auditRows(t.studio, "lead.reveal")).toEqual([]);
  });

  it("refuses a reveal to an analyst (nothing audited) and records a sales consultant's", async () => {
    const id = await newLead(new Date());
    const { db, config } = t.studio;
    const { actor: analyst } = await t.signIn("analyst");
    const refused = revealLead({ db, dataKey: config.dataKey, actor: analyst, leadId: id, now: new Date() });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(auditRows(t.studio, "lead.reveal").filter((r) => r.entityId === String(id))).toEqual([]);
    expect(activities(id)).toEqual([]);
    const { actor: sales } = await t.signIn("sales");
    const shown = revealLead({ db, dataKey: config.dataKey, actor: sales, leadId: id, now: new Date() });
    expect(shown).toMatchObject({ ok: true, phone: String(phone) });
    expect(auditRows(t.studio, "lead.reveal").filter((r) => r.entityId === String(id))).toHaveLength(1);
    expect(activities(id).map((a) => [a.kind, a.actorId])).toEqual([["reveal", sales.id]]);
  });
});

describe("lead inbox: assignee and summary", () => {
  const assign = async (id: number, cookie: string, fields: Record<string, string>, lang = "zh") => {
    const request = formRequest(`/leads/${id}`, { intent: "assign", ...fields }, `${cookie}; lang=${lang}`);
    const answer = await callRoute(leadAction, request, { id: String(id) });
    return {
      status: answer.status,
      body: (await answer.json()) as { code: string | null; error: string | null },
    };
  };

  it("assigns on the lead page to a sales consultant, version-checked, with an activity and an audit entry", async () => {
    const id = await newLead(new Date());
    const sales = await t.signIn("sales");
    const colleague = await t.signIn("sales");
    const editor = await t.signIn("editor");
    const analyst = await t.signIn("analyst");
    const page = (await (await sales.get(leadLoader, `/leads/${id}`, { id: String(id) })).json()) as {
      staff: { id: number }[];
    };
    // The control offers only sales consultants.
    expect(page.staff.map((s) => s.id)).toEqual(expect.arrayContaining([sales.actor.id, colleague.actor.id]));
    expect(page.staff.map((s) => s.id)).not.toContain(editor.actor.id);

    const refusals: [Record<string, string>, string, number, string, RegExp][] = [
      [{ assigneeId: String(editor.actor.id), version: "1" }, sales.cookie, 400, "invalid_staff", /销售角色/],
      [{ assigneeId: "abc", version: "1" }, sales.cookie, 400, "invalid_staff", /销售角色/],
      [{ assigneeId: String(sales.actor.id), version: "5" }, sales.cookie, 409, "stale", /刷新/],
      [{ assigneeId: String(sales.actor.id), version: "1" }, analyst.cookie, 403, "forbidden", /无权/],
    ];
    for (const [fields, cookie, status, code, message] of refusals) {
      const answer = await assign(id, cookie, fields);
      expect(answer.status, code).toBe(status);
      if (status !== 403) expect(answer.body).toMatchObject({ code, error: expect.stringMatching(message) });
    }
    expect(
      (await assign(id, sales.cookie, { assigneeId: String(editor.actor.id), version: "1" }, "en")).body
        .error,
    ).toMatch(/sales role/);
    expect((await assign(id, sales.cookie, { version: "1" })).status).toBe(400);
    expect(leadRow(id)).toMatchObject({ assigneeId: null, version: 1 });
    expect(activities(id)).toEqual([]);
    expect(auditRows(t.studio, "lead.assign")).toEqual([]);

    expect(
      (await assign(id, sales.cookie, { assigneeId: String(colleague.actor.id), version: "1" })).status,
    ).toBe(200);
    expect(leadRow(id)).toMatchObject({ assigneeId: colleague.actor.id, version: 2 });
    expect(activities(id).map((a) => [a.kind, a.actorId, a.note])).toEqual([
      ["assign", sales.actor.id, String(colleague.actor.id)],
    ]);
    expect(JSON.parse(auditRows(t.studio, "lead.assign")[0].summary)).toMatchObject({
      before: { assigneeId: null },
      after: { assigneeId: colleague.actor.id },
    });
    // Unassigning is allowed too, with the new version.
    expect((await assign(id, sales.cookie, { assigneeId: "", version: "2" })).status).toBe(200);
    expect(leadRow(id).assigneeId).toBeNull();
  });

  it("filters the inbox by assignee (mine, unassigned, a person) and sums up new, overdue and this week's median", async () => {
    const at = new Date();
    const mine = await newLead(new Date(at.getTime() - 30 * 60_000));
    const theirs = await newLead(new Date(at.getTime() - 20 * 60_000));
    const nobodys = await newLead(new Date(at.getTime() - 2 * 60_000));
    const sales = await t.signIn("sales");
    const colleague = await t.signIn("sales");
    const db = t.studio.db;
    expect(
      assignLead({ db, actor: sales.actor, leadId: mine, assigneeId: sales.actor.id, version: 1, now: at })
        .ok,
    ).toBe(true);
    expect(
      assignLead({
        db,
        actor: sales.actor,
        leadId: theirs,
        assigneeId: colleague.actor.id,
        version: 1,
        now: at,
      }).ok,
    ).toBe(true);
    // Two first contacts this week: after 10 and after 20 minutes (median 15).
    const contacted = await newLead(new Date(at.getTime() - 60 * 60_000));
    changeLeadStatus({
      db,
      actor: sales.actor,
      leadId: contacted,
      status: "contacted",
      note: null,
      version: 1,
      now: new Date(at.getTime() - 50 * 60_000),
    });
    changeLeadStatus({
      db,
      actor: sales.actor,
      leadId: theirs,
      status: "contacted",
      note: null,
      version: 2,
      now: at,
    });

    const inbox = async (query: string) =>
      (await (await sales.get(inboxLoader, `/leads${query}`)).json()) as {
        leads: { id: number; assigneeName: string | null }[];
        summary: { newCount: number; overdueCount: number; medianMinutesThisWeek: number | null };
      };
    expect((await inbox("?assignee=mine")).leads.map((l) => l.id)).toEqual([mine]);
    expect((await inbox(`?assignee=${colleague.actor.id}`)).leads.map((l) => l.id)).toEqual([theirs]);
    expect((await inbox("?assignee=unassigned")).leads.map((l) => l.id).sort()).toEqual(
      [nobodys, contacted].sort(),
    );
    // A malformed filter shows everything rather than failing.
    expect((await inbox("?assignee=%3Cscript%3E")).leads).toHaveLength(4);
    const all = await inbox("");
    expect(all.leads.find((l) => l.id === mine)?.assigneeName).toBe(sales.actor.name);
    const weekStart = startOfWeek(at, t.studio.config.timeZone);
    // Leads contacted before this week began (early on a Monday) fall out of the median.
    const inWeek = [10, 20].filter(
      (m, i) => (i === 0 ? at.getTime() - 50 * 60_000 : at.getTime()) >= weekStart.getTime(),
    );
    expect(all.summary).toMatchObject({ newCount: 2, overdueCount: 1 });
    expect(all.summary.medianMinutesThisWeek).toBe(
      inWeek.length ? inWeek.reduce((a, b) => a + b) / inWeek.length : null,
    );
    expect(await callRoute(inboxLoader, getRequest("/leads"))).toMatchObject({ status: 302 });
  });
});
