import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStudio, type TestStudio } from "../../../tests/setup/test-studio";
import { recordAudit } from "./record-audit.server";
import { verifyAuditChain } from "./verify-audit-chain.server";

let t: TestStudio;
beforeEach(() => (t = createTestStudio()));
afterEach(() => t.cleanup());

describe("audit log", () => {
  it("chains entries and verifies them", () => {
    for (let i = 0; i < 5; i++)
      recordAudit(t.studio.db, {
        actor: { id: null, label: "system" },
        action: "test.write",
        entity: "thing",
        entityId: i,
        after: { i },
        at: new Date(),
      });
    expect(verifyAuditChain({ db: t.studio.db })).toEqual({ ok: true, entries: 5 });
  });

  it("refuses edits and deletions at the database", () => {
    recordAudit(t.studio.db, {
      actor: { id: null, label: "system" },
      action: "test.write",
      entity: "thing",
      at: new Date(),
    });
    expect(() => t.studio.database.sqlite.prepare("update audit_log set action = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => t.studio.database.sqlite.prepare("delete from audit_log").run()).toThrow(/append-only/);
  });

  it("detects a tampered row once the guard is bypassed", () => {
    for (let i = 0; i < 3; i++)
      recordAudit(t.studio.db, {
        actor: { id: null, label: "system" },
        action: "test.write",
        entity: "thing",
        entityId: i,
        at: new Date(),
      });
    const sqlite = t.studio.database.sqlite;
    sqlite.exec("drop trigger audit_log_no_update");
    sqlite
      .prepare("update audit_log set summary = ? where id = 2")
      .run(JSON.stringify({ before: null, after: { forged: true } }));
    expect(verifyAuditChain({ db: t.studio.db })).toMatchObject({ ok: false, brokenAtId: 2 });
  });
});
