import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { verifyDownloadToken } from "~/modules/leads/download-token.server";
import { PRIVACY_NOTICE } from "~/modules/leads/privacy-notice";
import { action as leadsAction, loader as leadsLoader } from "~/routes/api.v1.leads";
import { auditRows } from "../setup/audit-entries";
import { callRoute, getRequest, jsonRequest, withStudio } from "../setup/test-studio";
import { publishedPiece } from "./tracking-helpers";

const t = withStudio();
let ip = 0;
const postLead = (body: unknown, headers: Record<string, string> = {}) =>
  callRoute(leadsAction, jsonRequest("/api/v1/leads", "POST", body, headers), {}, `198.51.100.${++ip % 250}`);
const leadCount = () => t.studio.db.select({ n: count() }).from(schema.leads).get()!.n;

describe("POST /api/v1/leads", () => {
  it("refuses a lead without consent, with a bad number or with the honeypot filled, and stores nothing", async () => {
    const piece = await publishedPiece(t.studio);
    const good = { slug: piece.slug, phone: "13812345678", consent: true };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...good, consent: false }, "consent_required", "consent"],
      [{ slug: piece.slug, phone: "13812345678" }, "consent_required", "consent"],
      [{ ...good, phone: "12812345678" }, "bad_phone", "phone"],
      [{ ...good, phone: "" }, "bad_phone", "phone"],
      [{ ...good, phone: "1381234567x" }, "bad_phone", "phone"],
      [{ ...good, website: "http://spam.example" }, "honeypot", "website"],
      [{ ...good, slug: "no-such-page" }, "unknown_page", "slug"],
      [{ ...good, name: "名".repeat(41) }, "invalid_body", "name"],
    ];
    for (const [body, code, field] of cases) {
      const answer = await postLead(body);
      expect(answer.status, code).toBe(400);
      const { error } = (await answer.json()) as { error: { code: string; field?: string; message: string } };
      expect(error).toMatchObject({ code });
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(error.field).toBe(field);
    }
    expect(leadCount()).toBe(0);
    expect(auditRows(t.studio, "lead.capture")).toEqual([]);
    const english = await postLead({ ...good, consent: false }, { "Accept-Language": "en" });
    expect(((await english.json()) as { error: { message: string } }).error.message).toMatch(/consent/);
  });

  it("keeps one lead per person and piece, with the notice version and hash they agreed to", async () => {
    const piece = await publishedPiece(t.studio);
    const body = {
      slug: piece.slug,
      phone: "+86 138-1234-5678",
      name: "王女士",
      consent: true,
      src: "douyin-main",
    };
    const first = await postLead(body);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      lead: { phoneMasked: "138****5678" },
      duplicate: false,
      downloadUrl: null,
    });
    const again = await postLead({ ...body, phone: "13812345678" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    const rows = t.studio.db.select().from(schema.leads).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: "douyin-main",
      status: "new",
      phoneMasked: "138****5678",
      consentVersion: PRIVACY_NOTICE.version,
      consentHash: PRIVACY_NOTICE.hash,
    });
    expect(JSON.stringify(auditRows(t.studio, "lead.capture"))).not.toContain("13812345678");
  });

  it("keeps the phone number and the name out of the database file and its WAL in clear text", async () => {
    const piece = await publishedPiece(t.studio);
    expect(
      (await postLead({ slug: piece.slug, phone: "13912345678", name: "李先生", consent: true })).status,
    ).toBe(201);
    const file = path.join(t.dir, "studio.sqlite");
    const bytes = () =>
      Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    const check = () => {
      const all = bytes();
      expect(all.length).toBeGreaterThan(0);
      for (const secret of ["13912345678", "李先生"]) expect(all.includes(Buffer.from(secret))).toBe(false);
      // The masked form is stored on purpose.
      expect(all.includes(Buffer.from("139****5678"))).toBe(true);
    };
    check();
    t.studio.database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    check();
  });

  it("hands an e-book's lead a signed download link", async () => {
    const book = await publishedPiece(t.studio, { kind: "ebook", title: "老司机秘籍" });
    const answer = await postLead({ slug: book.slug, phone: "13712345678", consent: "on" });
    const { downloadUrl } = (await answer.json()) as { downloadUrl: string };
    const token = new URL(downloadUrl, "http://x").searchParams.get("t");
    const check = (slug: string, value: string | null, now = t.studio.now()) =>
      verifyDownloadToken({ secret: t.studio.config.sessionSecret, slug, token: value, now });
    expect(check(book.slug, token)).toBe(true);
    expect(check("another-book", token)).toBe(false);
    expect(check(book.slug, `${token}x`)).toBe(false);
    expect(check(book.slug, null)).toBe(false);
    expect(check(book.slug, token, new Date(t.studio.now().getTime() + 25 * 3600_000))).toBe(false);
  });
});

describe("GET /api/v1/leads", () => {
  it("shows masked numbers; only a role allowed to see full numbers can reveal one, and the reveal is audited", async () => {
    const piece = await publishedPiece(t.studio);
    await postLead({ slug: piece.slug, phone: "13812345678", name: "王女士", consent: true });
    const list = async (cookie: string, reveal = false) =>
      callRoute(leadsLoader, getRequest(`/api/v1/leads${reveal ? "?reveal=1" : ""}`, { Cookie: cookie }));

    const analyst = await t.signIn("analyst");
    const masked = (await (await list(analyst.cookie, true)).json()) as { leads: Record<string, unknown>[] };
    expect(masked.leads).toHaveLength(1);
    expect(masked.leads[0]).toMatchObject({ phoneMasked: "138****5678" });
    expect(masked.leads[0]).not.toHaveProperty("phone");
    expect(JSON.stringify(masked)).not.toContain("13812345678");
    expect(auditRows(t.studio, "lead.reveal")).toEqual([]);

    const sales = await t.signIn("sales");
    const full = (await (await list(sales.cookie, true)).json()) as { leads: Record<string, unknown>[] };
    expect(full.leads[0]).toMatchObject({ phone: "13812345678", name: "王女士" });
    expect(auditRows(t.studio, "lead.reveal")).toHaveLength(1);

    const copywriter = await t.signIn("copywriter");
    expect((await list(copywriter.cookie)).status).toBe(403);
  });
});
