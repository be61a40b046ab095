import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can } from "./permissions";

describe("permission map", () => {
  it("gives admin-only capabilities to admins alone", () => {
    for (const capability of ["users.manage", "tokens.manage", "audit.read"] as const) {
      expect(ROLES.filter((role) => can([role], capability))).toEqual(["admin"]);
    }
  });

  it("lets a person with several roles do what any of them may", () => {
    expect(can(["host"], "livestream.control")).toBe(false);
    expect(can(["host", "producer"], "livestream.control")).toBe(true);
  });

  it("refuses unknown or empty roles", () => {
    expect(can([], "pieces.read")).toBe(false);
    expect(can(["superuser"], "pieces.read")).toBe(false);
  });

  it("only lets editors and admins review, and copywriters not publish", () => {
    expect(can(["copywriter"], "pieces.review")).toBe(false);
    expect(can(["copywriter"], "pieces.publish")).toBe(false);
    expect(can(["editor"], "pieces.review")).toBe(true);
    expect(can(["producer"], "livestream.control")).toBe(true);
    expect(can(["analyst"], "pieces.create")).toBe(false);
  });

  it("names only known roles in every entry", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });
});
