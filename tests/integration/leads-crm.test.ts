import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { sealSigningSecrets } from "~/lib/seal-signing-secrets.server";
import { openSecret } from "~/lib/sealed-secret.server";
import { leadJobHandlers } from "~/modules/leads/crm-delivery-job.server";
import { action as leadsAction } from "~/routes/api.v1.leads";
import { action as crmAction, loader as crmLoader } from "~/routes/_app.leads.crm";
import { auditRows } from "../setup/audit-entries";
import { downCrmUrl, startCrmServer } from "../setup/crm-server";
import { runQueuedJobs } from "../setup/run-jobs";
import { callRoute, formRequest, getStatus, jsonRequest, withStudio } from "../setup/test-studio";
import { publishedPiece } from "./tracking-helpers";

const t = withStudio();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

let ip = 0;
const postLead = (body: unknown) =>
  callRoute(leadsAction, jsonRequest("/api/v1/leads", "POST", body), {}, `203.0.113.${++ip % 250}`);

async function saveCrm(cookie: string, fields: Record<string, string>, language = "zh") {
  // The page's language switch is the `lang` cookie.
  const request = formRequest("/leads/crm", { intent: "save", ...fields }, `${cookie}; lang=${language}`);
  const answer = await callRoute(crmAction, request);
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

/** An admin points the push at `url`; answers the secret the studio made for it. */
async function configureCrm(url: string) {
  const admin = await t.signIn("admin");
  const saved = await saveCrm(admin.cookie, { url, enabled: "on", version: "0" });
  expect(saved).toMatchObject({ status: 200, body: { ok: true } });
  return { secret: saved.body.secret as string, admin };
}

/** What the settings row holds in its secret column, as the file has it. */
const storedSecret = () => t.studio.db.select().from(schema.crmSettings).get()!.secret!;

/** A sealed value with one byte of its ciphertext flipped: what a changed file would hold. */
function tampered(sealed: string): string {
  const raw = Buffer.from(sealed.slice("v1.".length), "base64");
  raw[raw.length - 1] ^= 0x01;
  return `v1.${raw.toString("base64")}`;
}

const jobsOf = () => t.studio.db.select().from(schema.jobs).where(eq(schema.jobs.type, "lead.crm")).all();
const deliveries = (leadId: number) =>
  t.studio.db
    .select()
    .from(schema.leadCrmDeliveries)
    .where(eq(schema.leadCrmDeliveries.leadId, leadId))
    .all();
const crmActivities = (leadId: number) =>
  t.studio.db
    .select()
    .from(schema.leadActivities)
    .where(eq(schema.leadActivities.leadId, leadId))
    .all()
    .filter((a) => a.kind === "crm")
    .map((a) => a.note);

describe("new leads to the CRM", () => {
  it("sends a new lead signed, retries the CRM's 500, is taken on the 200, and never sends a repeat", async () => {
    const piece = await publishedPiece(t.studio);
    const stand = await startCrmServer({ secret: "set below", statuses: [500, 200] });
    closers.push(stand.close);
    const { secret } = await configureCrm(stand.url);
    const crm = await startCrmServer({ secret, statuses: [500, 200] });
    closers.push(crm.close);
    t.studio.db.update(schema.crmSettings).set({ url: crm.url }).run();

    const body = {
      slug: piece.slug,
      phone: "13912345678",
      name: "李女士",
      consent: true,
      src: "douyin-main",
    };
    const first = await postLead(body);
    expect(first.status).toBe(201);
    const leadId = ((await first.json()) as { lead: { id: number } }).lead.id;
    // The job was queued with the lead, and holds only its id (no number in clear in the jobs table).
    expect(jobsOf().map((j) => j.payload)).toEqual([{ leadId }]);
    // The same person again on the same piece is the same lead: no second delivery.
    expect((await postLead(body)).status).toBe(200);
    expect(jobsOf()).toHaveLength(1);

    await runQueuedJobs(t.studio, { handlers: leadJobHandlers, backoffBaseMs: 5, timeout: 20_000 });
    expect(crm.requests.map((r) => [r.signed, r.answered])).toEqual([
      [true, 500],
      [true, 200],
    ]);
    expect(crm.taken.size).toBe(1);
    for (const request of crm.requests) {
      expect(request.event).toBe("lead.created");
      expect(request.idempotencyKey).toBe(`lead:${leadId}`);
      expect(request.json).toMatchObject({
        event: "lead.created",
        lead: {
          id: leadId,
          phone: "13912345678",
          name: "李女士",
          source: "douyin-main",
          consent: { version: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
          url: expect.stringMatching(new RegExp(`/leads/${leadId}$`)),
        },
        piece: { id: piece.id, url: expect.stringMatching(new RegExp(`/p/${piece.slug}$`)) },
      });
    }
    expect(jobsOf()[0]).toMatchObject({ status: "succeeded", attempts: 2 });
    const rows = deliveries(leadId);
    expect(rows.map((r) => [r.attempt, r.outcome, r.httpStatus])).toEqual([
      [1, "retry", 500],
      [2, "delivered", 200],
    ]);
    // The CRM's error answer echoed the request: what the studio kept has the number masked.
    expect(rows[0].detail).toContain("139****5678");
    expect(rows.map((r) => r.detail).join(" ")).not.toMatch(/13912345678|李女士/);
    expect(crmActivities(leadId)).toEqual(["delivered"]);
    expect(auditRows(t.studio, "lead.crm_delivery").map((r) => r.entityId)).toEqual([
      String(leadId),
      String(leadId),
    ]);
  });

  it("takes the lead while the CRM is down, retries with backoff, then records the failure on the lead", async () => {
    const piece = await publishedPiece(t.studio);
    await configureCrm(await downCrmUrl());
    const answer = await postLead({ slug: piece.slug, phone: "13700001111", consent: true });
    expect(answer.status).toBe(201);
    const leadId = ((await answer.json()) as { lead: { id: number } }).lead.id;
    expect(t.studio.db.select().from(schema.leads).where(eq(schema.leads.id, leadId)).get()).toBeTruthy();

    await runQueuedJobs(t.studio, { handlers: leadJobHandlers, backoffBaseMs: 1, timeout: 20_000 });
    const job = jobsOf()[0];
    expect(job).toMatchObject({ status: "failed", attempts: job.maxAttempts });
    const outcomes = deliveries(leadId).map((r) => r.outcome);
    expect(outcomes).toEqual([...Array(job.maxAttempts - 1).fill("retry"), "failed"]);
    expect(deliveries(leadId).every((r) => r.httpStatus === null)).toBe(true);
    expect(crmActivities(leadId)).toEqual(["failed"]);
  });

  it("fails at once when the CRM refuses the signature (a 4xx is not retried)", async () => {
    const piece = await publishedPiece(t.studio);
    await configureCrm("http://127.0.0.1:9/placeholder");
    const wrongSecret = await startCrmServer({ secret: "not the studio's secret", statuses: [200] });
    closers.push(wrongSecret.close);
    t.studio.db.update(schema.crmSettings).set({ url: wrongSecret.url }).run();
    const answer = await postLead({ slug: piece.slug, phone: "13600002222", consent: true });
    const leadId = ((await answer.json()) as { lead: { id: number } }).lead.id;
    await runQueuedJobs(t.studio, { handlers: leadJobHandlers, backoffBaseMs: 1, timeout: 20_000 });
    expect(wrongSecret.requests.map((r) => [r.signed, r.answered])).toEqual([[false, 401]]);
    expect(deliveries(leadId).map((r) => [r.outcome, r.httpStatus])).toEqual([["failed", 401]]);
    expect(wrongSecret.taken.size).toBe(0);
  });

  it("queues nothing while the push is off", async () => {
    const piece = await publishedPiece(t.studio);
    expect((await postLead({ slug: piece.slug, phone: "13500003333", consent: true })).status).toBe(201);
    const { admin } = await configureCrm("https://crm.example.com/hooks/leads");
    expect(
      await saveCrm(admin.cookie, { url: "https://crm.example.com/hooks/leads", version: "1" }),
    ).toMatchObject({
      status: 200,
    });
    expect((await postLead({ slug: piece.slug, phone: "13500004444", consent: true })).status).toBe(201);
    expect(jobsOf()).toEqual([]);
  });
});

describe("the CRM's signing secret at rest", () => {
  it("seals a secret stored in clear by an older studio, once and audited, and still signs with it", async () => {
    const piece = await publishedPiece(t.studio);
    const { secret, admin } = await configureCrm("http://127.0.0.1:9/placeholder");
    const crm = await startCrmServer({ secret, statuses: [200] });
    closers.push(crm.close);
    // The database as a studio before sealing left it: the secret in clear.
    t.studio.db.update(schema.crmSettings).set({ url: crm.url, secret }).run();

    const seal = () =>
      sealSigningSecrets({ db: t.studio.db, dataKey: t.studio.config.dataKey, now: new Date() });
    expect(seal().crm).toBe(1);
    const sealed = storedSecret();
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(secret);
    // A second start finds nothing to do.
    expect(seal().crm).toBe(0);
    expect(storedSecret()).toBe(sealed);
    const log = auditRows(t.studio, "crm.seal_secret");
    expect(log).toHaveLength(1);
    expect(log[0].summary).toContain(secret.slice(-4));
    expect(log[0].summary).not.toContain(secret);
    expect(log[0].summary).not.toContain(sealed);

    const page = (await (
      await callRoute(
        crmLoader,
        new Request("http://localhost/leads/crm", { headers: { Cookie: admin.cookie } }),
      )
    ).json()) as { settings: { secretHint: string } };
    expect(page.settings.secretHint).toBe(`…${secret.slice(-4)}`);
    const answer = await postLead({ slug: piece.slug, phone: "13812340000", consent: true });
    const leadId = ((await answer.json()) as { lead: { id: number } }).lead.id;
    await runQueuedJobs(t.studio, { handlers: leadJobHandlers, backoffBaseMs: 1, timeout: 20_000 });
    expect(crm.requests.map((r) => [r.signed, r.answered])).toEqual([[true, 200]]);
    expect(deliveries(leadId).map((r) => r.outcome)).toEqual(["delivered"]);
  });

  it("fails a delivery whose secret no longer opens, with the reason on the lead, and a save makes a new one", async () => {
    const piece = await publishedPiece(t.studio);
    const { secret, admin } = await configureCrm("http://127.0.0.1:9/placeholder");
    const crm = await startCrmServer({ secret, statuses: [200] });
    closers.push(crm.close);
    t.studio.db
      .update(schema.crmSettings)
      .set({ url: crm.url, secret: tampered(storedSecret()) })
      .run();

    const first = await postLead({ slug: piece.slug, phone: "13812341111", consent: true });
    expect(first.status).toBe(201);
    const leadId = ((await first.json()) as { lead: { id: number } }).lead.id;
    await runQueuedJobs(t.studio, { handlers: leadJobHandlers, backoffBaseMs: 1, timeout: 20_000 });
    // Nothing went out unsigned or wrongly signed, and the job failed at once rather than retrying.
    expect(crm.requests).toEqual([]);
    expect(jobsOf()[0]).toMatchObject({ status: "failed", attempts: 1 });
    expect(deliveries(leadId).map((r) => [r.outcome, r.httpStatus])).toEqual([["failed", null]]);
    expect(deliveries(leadId)[0].detail).toMatch(/签名密钥无法解密/);
    expect(crmActivities(leadId)).toEqual(["failed"]);
    expect(auditRows(t.studio, "lead.crm_delivery")).toHaveLength(1);

    // The page shows no usable secret; saving the same address makes a new one, shown once.
    const page = (await (
      await callRoute(
        crmLoader,
        new Request("http://localhost/leads/crm", { headers: { Cookie: admin.cookie } }),
      )
    ).json()) as { settings: { secretHint: string | null; url: string } };
    expect(page.settings.secretHint).toBeNull();
    const saved = await saveCrm(admin.cookie, { url: page.settings.url, enabled: "on", version: "1" });
    expect(saved.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(openSecret(t.studio.config.dataKey, storedSecret())).toEqual({
      ok: true,
      secret: saved.body.secret,
    });
  });
});

describe("CRM settings", () => {
  it("makes the secret once, shows only its hint afterwards, and never writes it to the audit log", async () => {
    const { secret, admin } = await configureCrm("https://crm.example.com/hooks/leads");
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    // At rest the secret is sealed under the data key: the column holds neither it nor its hex.
    const sealed = storedSecret();
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(secret);
    expect(openSecret(t.studio.config.dataKey, sealed)).toEqual({ ok: true, secret });
    const page = (await (
      await callRoute(
        crmLoader,
        new Request("http://localhost/leads/crm", { headers: { Cookie: admin.cookie } }),
      )
    ).json()) as { settings: { secretHint: string; url: string; enabled: boolean; version: number } };
    expect(page.settings).toEqual(
      expect.objectContaining({ secretHint: `…${secret.slice(-4)}`, enabled: true, version: 1 }),
    );
    expect(JSON.stringify(page)).not.toContain(secret);
    // Saving the same address keeps the secret; rotating makes a new one.
    const kept = await saveCrm(admin.cookie, { url: page.settings.url, enabled: "on", version: "1" });
    expect(kept.body.secret).toBeNull();
    expect(storedSecret()).toBe(sealed);
    const rotated = await saveCrm(admin.cookie, {
      url: page.settings.url,
      enabled: "on",
      rotateSecret: "on",
      version: "2",
    });
    expect(rotated.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.body.secret).not.toBe(secret);
    expect(openSecret(t.studio.config.dataKey, storedSecret())).toEqual({
      ok: true,
      secret: rotated.body.secret,
    });
    const log = JSON.stringify(auditRows(t.studio, "crm.update"));
    expect(auditRows(t.studio, "crm.update")).toHaveLength(3);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(rotated.body.secret as string);
  });

  it("refuses a wrong role, an empty or malformed address, a too long one and a stale version, changing nothing", async () => {
    const { admin } = await configureCrm("https://crm.example.com/hooks/leads");
    const before = t.studio.db.select().from(schema.crmSettings).get();
    for (const role of ["sales", "editor", "analyst"] as const) {
      const user = await t.signIn(role);
      expect(await getStatus(crmLoader, "/leads/crm", user.cookie)).toBe(403);
      expect(
        (await saveCrm(user.cookie, { url: "https://evil.example.com", enabled: "on", version: "1" })).status,
      ).toBe(403);
    }
    const cases: [Record<string, string>, number, string, RegExp][] = [
      [{ url: "", enabled: "on", version: "1" }, 400, "invalid_webhook_url", /CRM 的接收地址/],
      [{ url: "ftp://crm.example.com", enabled: "on", version: "1" }, 400, "invalid_webhook_url", /http/],
      [{ url: "not a url", version: "1" }, 400, "invalid_webhook_url", /http/],
      [{ url: `https://crm.example.com/${"a".repeat(2000)}`, version: "1" }, 400, "", /./],
      [
        { url: "https://crm.example.com/new", enabled: "on", version: "0" },
        409,
        "stale",
        /CRM 设置刚被他人修改/,
      ],
      [{ url: "https://crm.example.com/new", enabled: "on", version: "abc" }, 400, "", /./],
    ];
    for (const [fields, status, code, message] of cases) {
      const answer = await saveCrm(admin.cookie, fields);
      expect(answer.status, JSON.stringify(fields).slice(0, 80)).toBe(status);
      if (code) expect(answer.body.code).toBe(code);
      expect(answer.body.error).toMatch(message);
    }
    const english = await saveCrm(admin.cookie, { url: "", enabled: "on", version: "1" }, "en");
    expect(english.body.error).toMatch(/CRM's receiving address/);
    expect(t.studio.db.select().from(schema.crmSettings).get()).toEqual(before);
    expect(auditRows(t.studio, "crm.update")).toHaveLength(1);
  });
});
