import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.resolve("scripts/ensure-chromium.mjs");

function runScript(env: Record<string, string>) {
  return spawnSync(process.execPath, [script], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

describe("npm test's browser pre-step", () => {
  it("passes at once when the browser is there", () => {
    const result = runScript({ CHROMIUM_PATH: process.execPath });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
  });

  it("stops at once with the one command to run when it may not install", () => {
    const result = runScript({
      CHROMIUM_PATH: "/nonexistent/chromium",
      ENSURE_CHROMIUM_NO_INSTALL: "1",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("/nonexistent/chromium");
    expect(result.stderr).toContain("apt-get install -y chromium");
  });
});
