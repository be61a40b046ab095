import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { privacyJobHandlers } from "~/modules/privacy/erase-job.server";
import { eraseLeads } from "~/modules/privacy/erase-leads.server";
import { loader as homeLoader } from "~/routes/_app._index";
import { loader as adminPage } from "~/routes/_app.admin.privacy";
import { action as leadsAction } from "~/routes/api.v1.leads";
import { action as requestAction, loader as listLoader } from "~/routes/api.v1.deletion-requests";
import { auditRows } from "../setup/audit-entries";
import { runQueuedJobs } from "../setup/run-jobs";
import { callRoute, getStatus, jsonRequest, withStudio } from "../setup/test-studio";
import { publishedPiece } from "./tracking-helpers";

let clock = new Date("2026-06-16T04:00:00Z");
const t = withStudio({ now: () => clock });
let ip = 0;
const post = (action: typeof leadsAction, url: string, body: unknown) =>
  callRoute(action, jsonRequest(url, "POST", body), {}, `192.0.2.${++ip % 250}`);
const leadRows = () => t.studio.db.select().from(schema.leads).all();

async function twoLeadsOfOnePerson() {
  const poster = await publishedPiece(t.studio);
  const episode = await publishedPiece(t.studio, { kind: "episode", title: "一分钟识车：越野" });
  for (const slug of [poster.slug, episode.slug])
    expect(
      (
        await post(leadsAction, "/api/v1/leads", {
          slug,
          phone: "13812345678",
          name: "王女士",
          consent: true,
        })
      ).status,
    ).toBe(201);
  expect(
    (await post(leadsAction, "/api/v1/leads", { slug: poster.slug, phone: "13900000000", consent: true }))
      .status,
  ).toBe(201);
}

describe("deletion requests (PIPL)", () => {
  it("erases the person's leads through its job within the 48 hours, keeping the counts", async () => {
    await twoLeadsOfOnePerson();
    const answer = await post(requestAction, "/api/v1/deletion-requests", {
      phone: "138 1234 5678",
      kind: "delete",
    });
    expect(answer.status).toBe(202);
    const { request } = (await answer.json()) as {
      request: { id: number; dueAt: string; status: string; phoneMasked: string };
    };
    expect(request).toMatchObject({ status: "pending", phoneMasked: "138****5678" });
    expect(new Date(request.dueAt).getTime() - clock.getTime()).toBe(48 * 3600_000);

    clock = new Date(clock.getTime() + 5 * 60_000);
    await runQueuedJobs(t.studio, { handlers: privacyJobHandlers, timeout: 20_000 });
    const done = t.studio.db
      .select()
      .from(schema.deletionRequests)
      .where(eq(schema.deletionRequests.id, request.id))
      .get()!;
    expect(done).toMatchObject({ status: "done", leadsErased: 2 });
    expect(done.doneAt!.getTime()).toBeLessThanOrEqual(done.dueAt.getTime());

    const rows = leadRows();
    expect(rows).toHaveLength(3);
    const erased = rows.filter((lead) => lead.erasedAt);
    expect(erased).toHaveLength(2);
    for (const lead of erased)
      expect(lead).toMatchObject({
        phoneCipher: null,
        nameCipher: null,
        phoneMasked: null,
        phoneHash: null,
        withdrawnAt: null,
      });
    expect(rows.find((lead) => !lead.erasedAt)!.phoneMasked).toBe("139****0000");
    expect(auditRows(t.studio, "lead.erase")).toHaveLength(1);
    expect(JSON.stringify(auditRows(t.studio, "deletion_request.create"))).not.toContain("13812345678");

    // The job again (a retry after a crash past the commit) changes nothing.
    const { eraseHandler } = await import("~/modules/privacy/erase-job.server");
    const job = t.studio.db.select().from(schema.jobs).get()!;
    await eraseHandler({
      job,
      studio: t.studio,
      signal: new AbortController().signal,
      logger: console as never,
      reportProgress: () => {},
    });
    expect(auditRows(t.studio, "lead.erase")).toHaveLength(1);
  });

  it("records a withdrawal of consent, and a second request while one is pending is the same request", async () => {
    await twoLeadsOfOnePerson();
    const first = await (
      await post(requestAction, "/api/v1/deletion-requests", { phone: "13812345678", kind: "withdraw" })
    ).json();
    const again = await (
      await post(requestAction, "/api/v1/deletion-requests", { phone: "+86 13812345678", kind: "withdraw" })
    ).json();
    expect(again).toEqual(first);
    expect(t.studio.db.select({ n: count() }).from(schema.deletionRequests).get()!.n).toBe(1);
    await runQueuedJobs(t.studio, { handlers: privacyJobHandlers, timeout: 20_000 });
    expect(leadRows().filter((lead) => lead.withdrawnAt && lead.erasedAt)).toHaveLength(2);
  });

  it("a crash in the middle of erasing leaves a state the job's rerun completes", async () => {
    await twoLeadsOfOnePerson();
    const answer = await post(requestAction, "/api/v1/deletion-requests", {
      phone: "13812345678",
      kind: "delete",
    });
    const { request } = (await answer.json()) as { request: { id: number } };
    const row = t.studio.db.select().from(schema.deletionRequests).get()!;
    // The process dies after one lead was erased, before the request is marked done.
    expect(() =>
      t.studio.db.transaction((tx) => {
        eraseLeads({ tx, phoneHash: row.phoneHash, now: clock, reason: "delete", requestId: request.id });
        throw new Error("crash");
      }),
    ).toThrow("crash");
    expect(leadRows().filter((lead) => lead.erasedAt)).toHaveLength(0);
    await runQueuedJobs(t.studio, { handlers: privacyJobHandlers, timeout: 20_000 });
    expect(t.studio.db.select().from(schema.deletionRequests).get()).toMatchObject({
      status: "done",
      leadsErased: 2,
    });
    expect(leadRows().filter((lead) => lead.erasedAt && !lead.phoneCipher)).toHaveLength(2);
  });

  it("answers 429 past the rate limit of one address, storing nothing more", async () => {
    const from = (n: number) =>
      callRoute(
        requestAction,
        jsonRequest("/api/v1/deletion-requests", "POST", {
          phone: `1381234${String(n).padStart(4, "0")}`,
          kind: "delete",
        }),
        {},
        "198.51.100.7",
      );
    const statuses: number[] = [];
    for (let n = 0; n < 11; n++) statuses.push((await from(n)).status);
    expect(statuses.slice(0, 10).every((status) => status === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(t.studio.db.select({ n: count() }).from(schema.deletionRequests).get()!.n).toBe(10);
  });

  it("refuses a bad number, an unknown kind and a filled honeypot, and stores nothing", async () => {
    for (const [body, code] of [
      [{ phone: "12345", kind: "delete" }, "bad_phone"],
      [{ phone: "", kind: "delete" }, "bad_phone"],
      [{ phone: "13812345678", kind: "forget" }, "invalid_body"],
      [{ phone: "13812345678", kind: "delete", website: "x" }, "honeypot"],
    ] as const) {
      const answer = await post(requestAction, "/api/v1/deletion-requests", body);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect(t.studio.db.select({ n: count() }).from(schema.deletionRequests).get()!.n).toBe(0);
    expect(t.studio.db.select({ n: count() }).from(schema.jobs).get()!.n).toBe(0);
  });

  it("shows requests, overdue ones flagged, to admins only", async () => {
    await post(requestAction, "/api/v1/deletion-requests", { phone: "13812345678", kind: "delete" });
    clock = new Date(clock.getTime() + 49 * 3600_000);
    const admin = await t.signIn("admin");
    const list = await callRoute(
      listLoader,
      new Request("http://localhost/api/v1/deletion-requests", { headers: { Cookie: admin.cookie } }),
    );
    expect(((await list.json()) as { requests: unknown[] }).requests).toEqual([
      expect.objectContaining({ status: "pending", overdue: true, phoneMasked: "138****5678" }),
    ]);
    const sales = await t.signIn("sales");
    expect(await getStatus(listLoader, "/api/v1/deletion-requests", sales.cookie)).toBe(403);
    expect(await getStatus(adminPage, "/admin/privacy", sales.cookie)).toBe(403);
    expect(await getStatus(adminPage, "/admin/privacy", admin.cookie)).toBe(200);
    // The home page flags the overdue request to admins, and only to them.
    const home = async (cookie: string) =>
      (await (
        await callRoute(homeLoader, new Request("http://localhost/", { headers: { Cookie: cookie } }))
      ).json()) as {
        admin: { overdueDeletionRequests: number } | null;
      };
    // The flag sits in the admin's studio health; other roles have no admin section at all.
    expect((await home(admin.cookie)).admin?.overdueDeletionRequests).toBe(1);
    expect((await home(sales.cookie)).admin).toBeNull();
  });
});
