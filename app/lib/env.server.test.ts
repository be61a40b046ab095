import { describe, expect, it } from "vitest";
import { settings } from "./env.server";

describe("settings from the environment", () => {
  it("applies the defaults when nothing is set", () => {
    expect(settings({})).toEqual({
      port: 3000,
      publicBaseUrl: undefined,
      renderPreset: undefined,
      maxUploadBytes: undefined,
      ffmpegPath: undefined,
      ffprobePath: undefined,
      trustProxy: undefined,
      approvalEditReturnsTo: "draft",
    });
  });

  it("reads and trims what is set, and treats empty values as unset", () => {
    const value = settings({
      PORT: "8080",
      PUBLIC_BASE_URL: " https://studio.example.cn ",
      MAX_UPLOAD_BYTES: "1048576",
      RENDER_PRESET: "",
    });
    expect(value.port).toBe(8080);
    expect(value.publicBaseUrl).toBe("https://studio.example.cn");
    expect(value.maxUploadBytes).toBe(1048576);
    expect(value.renderPreset).toBeUndefined();
  });

  it("stops on a misspelt number or policy instead of guessing", () => {
    expect(() => settings({ APPROVAL_EDIT_RETURNS_TO: "approved" })).toThrow(/APPROVAL_EDIT_RETURNS_TO/);
    expect(() => settings({ PORT: "80a" })).toThrow(/PORT/);
    expect(() => settings({ MAX_UPLOAD_BYTES: "-5" })).toThrow(/MAX_UPLOAD_BYTES/);
  });
});
