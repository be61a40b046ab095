import { describe, expect, it } from "vitest";
import { recordTestEntries } from "../../../tests/setup/audit-entries";
import { withTestStudio } from "../../../tests/setup/test-studio";
import { verifyAuditChain } from "./verify-audit-chain.server";

const t = withTestStudio();

describe("audit log", () => {
  it("chains entries and verifies them", () => {
    recordTestEntries(t.studio.db, 5, (i) => ({ i }));
    expect(verifyAuditChain({ db: t.studio.db })).toEqual({ ok: true, entries: 5 });
  });

  it("refuses edits and deletions at the database", () => {
    recordTestEntries(t.studio.db, 1);
    expect(() => t.studio.database.sqlite.prepare("update audit_log set action = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => t.studio.database.sqlite.prepare("delete from audit_log").run()).toThrow(/append-only/);
  });

  it("detects a tampered row once the guard is bypassed", () => {
    recordTestEntries(t.studio.db, 3);
    const sqlite = t.studio.database.sqlite;
    sqlite.exec("drop trigger audit_log_no_update");
    sqlite
      .prepare("update audit_log set summary = ? where id = 2")
      .run(JSON.stringify({ before: null, after: { forged: true } }));
    expect(verifyAuditChain({ db: t.studio.db })).toMatchObject({ ok: false, brokenAtId: 2 });
  });
});
