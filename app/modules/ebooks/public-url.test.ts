import { afterEach, describe, expect, it, vi } from "vitest";
import {
  nonPublicHostReason,
  printedUrlProblem,
  printTarget,
  resolvePublicBase,
  trackedLink,
} from "./public-url.server";

afterEach(() => vi.unstubAllEnvs());

/** The host of a URL as the WHATWG parser normalises it (what the checks really see). */
const hostOf = (url: string) => new URL(url).hostname;

describe("nonPublicHostReason", () => {
  it.each([
    "http://127.0.0.1:3000",
    "http://127.8.9.10",
    "http://127.1",
    "http://0x7f.0.0.1",
    "http://2130706433",
    "http://0.0.0.0",
    "http://localhost:3000",
    "http://studio.localhost",
    "http://LOCALHOST.",
    "http://10.0.0.1",
    "http://10.255.255.255",
    "http://172.16.0.1",
    "http://172.31.255.254",
    "http://192.168.1.20:3000",
    "http://169.254.169.254",
    "http://100.64.0.1",
    "http://[::1]:3000",
    "http://[::]",
    "http://[fc00::1]",
    "http://[fd12:3456::1]",
    "http://[fe80::1]",
    "http://[::ffff:127.0.0.1]",
    "http://[::ffff:192.168.0.1]",
    "http://studio.local",
    "http://printer.lan",
    "http://intranet",
  ])("refuses %s", (url) => {
    expect(nonPublicHostReason(hostOf(url))).toEqual(expect.any(String));
  });

  it.each([
    "https://studio.example.cn",
    "https://www.chezhu.com.cn:8443",
    "http://8.8.8.8",
    "http://172.15.0.1",
    "http://172.32.0.1",
    "http://192.169.1.1",
    "http://11.0.0.1",
    "http://[2001:db8::1]",
    "http://[::ffff:8.8.8.8]",
    "https://local.example.com",
  ])("accepts %s", (url) => {
    expect(nonPublicHostReason(hostOf(url))).toBeNull();
  });
});

describe("printedUrlProblem", () => {
  it("names PUBLIC_BASE_URL, the address and the kind of address", () => {
    const problem = printedUrlProblem("http://127.0.0.1:3000/p/eb-abc", "request")!;
    expect(problem).toContain("PUBLIC_BASE_URL");
    expect(problem).toContain("http://127.0.0.1:3000");
    expect(problem).toContain("127.0.0.0/8");
    expect(problem).toContain("没有设置 PUBLIC_BASE_URL");
    expect(printedUrlProblem("http://192.168.1.20/p/x", "configured")).toContain(
      "PUBLIC_BASE_URL 设置的地址",
    );
  });

  it("refuses addresses that are not http(s) or do not parse, and accepts public ones", () => {
    expect(printedUrlProblem("ftp://studio.example.cn/p/x")).toContain("PUBLIC_BASE_URL");
    expect(printedUrlProblem("not a url")).toContain("PUBLIC_BASE_URL");
    expect(printedUrlProblem("https://studio.example.cn/p/x")).toBeNull();
  });
});

describe("resolvePublicBase and trackedLink", () => {
  it("takes PUBLIC_BASE_URL first, then the request's origin, then this machine", () => {
    vi.stubEnv("PUBLIC_BASE_URL", " https://chezhu.example.cn/ ");
    expect(resolvePublicBase("http://127.0.0.1:3000/ebooks/1")).toEqual({
      url: "https://chezhu.example.cn",
      origin: "configured",
    });
    vi.stubEnv("PUBLIC_BASE_URL", "");
    expect(resolvePublicBase("http://127.0.0.1:3000/ebooks/1")).toEqual({
      url: "http://127.0.0.1:3000",
      origin: "request",
    });
    expect(resolvePublicBase().origin).toBe("default");
  });

  it("builds /p/{slug} with an optional source, and refuses a private base only for print", () => {
    const local = { url: "http://127.0.0.1:3000", origin: "request" as const };
    expect(trackedLink({ base: local, slug: "eb-abc" })).toEqual({
      ok: true,
      url: "http://127.0.0.1:3000/p/eb-abc",
    });
    const refused = trackedLink({ base: local, slug: "eb-abc", printed: true, field: "profile" });
    expect(refused).toMatchObject({
      ok: false,
      status: 409,
      code: "public_url_not_public",
      field: "profile",
    });
    expect(!refused.ok && refused.message).toContain("PUBLIC_BASE_URL");
    expect(
      trackedLink({
        base: "https://chezhu.example.cn/",
        slug: "po-x1",
        source: "poster-7-li",
        printed: true,
      }),
    ).toEqual({ ok: true, url: "https://chezhu.example.cn/p/po-x1?src=poster-7-li" });
    expect(trackedLink({ base: "https://chezhu.example.cn", slug: "../x" })).toMatchObject({ ok: false });
    expect(trackedLink({ base: "https://chezhu.example.cn", slug: "x", source: "a b" })).toMatchObject({
      ok: false,
    });
    expect(printTarget({ base: local, slug: "eb-abc" })).toEqual({
      url: "http://127.0.0.1:3000/p/eb-abc",
      problem: expect.stringContaining("PUBLIC_BASE_URL"),
    });
  });
});
