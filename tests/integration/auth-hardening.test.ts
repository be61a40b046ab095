import http from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@remix-run/node";
import express from "express";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES as SERVER_MAX_BODY_BYTES, bodySizeLimit } from "../../scripts/body-limit.mjs";
import { schema } from "~/lib/db.server";
import { formDataToObject, parseJsonBody } from "~/lib/forms.server";
import {
  MAX_BODY_BYTES,
  MAX_FORM_FIELDS,
  clientAddress,
  crossSiteReason,
  safeRedirectPath,
  trustedProxyHops,
} from "~/lib/request-guard.server";
import { inviteUser } from "~/modules/auth/invite-user.server";
import { THROTTLE, backoffMs } from "~/modules/auth/login-throttle";
import { pruneLoginAttempts } from "~/modules/auth/prune-login-attempts.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { loader as dashboardLoader } from "~/routes/_app._index";
import { loader as shellLoader } from "~/routes/_app";
import { loader as accountLoader } from "~/routes/_app.account";
import { action as newPieceAction } from "~/routes/_app.pieces.new";
import { loader as apiPieces, action as apiCreatePiece } from "~/routes/api.v1.pieces";
import { loader as snapshotLoader } from "~/routes/livestreams.$id.snapshot";
import { loader as mediaLoader } from "~/routes/media.$id";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as setLanguageAction } from "~/routes/set-language";
import { z } from "zod";
import {
  callRoute,
  formRequest,
  getRequest,
  passwordSession,
  respond,
  withStudio,
} from "../setup/test-studio";
import { rowCount } from "../setup/row-count";
import { call, changePassword, createToken, postPiece } from "./auth-helpers";

const t = withStudio();

/** A request with a body the caller writes out whole, with any headers (Origin, X-Forwarded-For…). */
function postRequest(url: string, body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${url}`, { method: "POST", body, headers });
}

function loginForm(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return postRequest("/login", new URLSearchParams(fields), {
    "Content-Type": "application/x-www-form-urlencoded",
    ...headers,
  });
}

const attemptRows = () =>
  t.studio.database.sqlite
    .prepare("select email, ip, succeeded, at from login_attempts order by id")
    .all() as {
    email: string;
    ip: string;
    succeeded: number;
    at: number;
  }[];

async function oneTimeUser(email = "otp@test.local") {
  const invited = await inviteUser({
    db: t.studio.db,
    actor: null,
    email,
    name: "一次性密码",
    roles: ["copywriter"],
    now: t.studio.now(),
  });
  if (!invited.ok) throw new Error(invited.message);
  const { cookie } = await passwordSession(t.studio, email, invited.oneTimePassword);
  return { userId: invited.userId, password: invited.oneTimePassword, cookie };
}

describe("request bodies (item 3)", () => {
  it("turns a form into an object in one pass, keeping repeated keys in order and __proto__ a plain field", () => {
    const form = new FormData();
    for (let i = 0; i < MAX_FORM_FIELDS - 1; i++) form.append("roles", String(i));
    form.append("__proto__", "x");
    const out = formDataToObject(form);
    expect(out.roles).toHaveLength(MAX_FORM_FIELDS - 1);
    expect((out.roles as string[]).slice(0, 3)).toEqual(["0", "1", "2"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
  });

  it("refuses more than the field cap with 413", async () => {
    const form = new FormData();
    for (let i = 0; i <= MAX_FORM_FIELDS; i++) form.append("a", "1");
    const thrown = await respond(async () => formDataToObject(form));
    expect(thrown.status).toBe(413);
    expect((await thrown.json()).message).toContain("字段过多");
  });

  it("answers a 240 KB body of repeated keys on /login with 413 without trying to sign in, and stays responsive", async () => {
    const body = "email=a%40b.c&password=x&" + "redirectTo=%2F&".repeat(16_000);
    expect(body.length).toBeGreaterThan(240_000);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const res = await call(
      loginAction,
      postRequest("/login", body, { "Content-Type": "application/x-www-form-urlencoded" }),
    );
    // The event loop keeps turning while and after the request is refused.
    await new Promise((resolve) => setTimeout(resolve, 5));
    clearInterval(ticker);
    expect(res.status).toBe(413);
    expect((await res.json()).errors._form).toContain("字段过多");
    expect(ticks).toBeGreaterThan(0);
    expect(attemptRows()).toEqual([]);
  });

  it("refuses a form body over 1 MiB by its Content-Length and, without one, while it streams", async () => {
    const big = "email=a%40b.c&password=" + "x".repeat(MAX_BODY_BYTES);
    const declared = await call(
      loginAction,
      postRequest("/login", big, {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(big.length),
      }),
    );
    expect(declared.status).toBe(413);
    expect((await declared.json()).message).toContain("请求体过大");

    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new TextEncoder().encode("a".repeat(64 * 1024)));
      },
    });
    const streamed = await call(
      loginAction,
      new Request("http://localhost/login", {
        method: "POST",
        body: endless,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    // Reading stopped at the cap instead of draining the endless body.
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 256 * 1024);
    expect(attemptRows()).toEqual([]);
  });

  it("refuses a JSON body over 1 MiB with 413 and a non-JSON body with 415", async () => {
    const copy = await t.signIn("copywriter");
    const huge = await postPiece(
      { kind: "episode", title: "大", body: "字".repeat(MAX_BODY_BYTES / 2) },
      { Cookie: copy.cookie },
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("payload_too_large");

    // What a cross-site <form enctype="text/plain"> can send: refused before it is parsed.
    const plain = await call(
      apiCreatePiece,
      postRequest("/api/v1/pieces", '{"kind":"episode","title":"表单伪造","ignore":"="}', {
        "Content-Type": "text/plain",
        Cookie: copy.cookie,
      }),
    );
    expect(plain.status).toBe(415);
    expect((await plain.json()).error.code).toBe("unsupported_media_type");
    expect(rowCount(t.studio, schema.pieces)).toBe(0);

    const ok = await postPiece(
      { kind: "episode", title: "正常" },
      { Cookie: copy.cookie, "Content-Type": "application/json; charset=utf-8" },
    );
    expect(ok.status).toBe(201);
  });

  it("takes an empty body as the given default only where the route asks for it", async () => {
    const schema = z.object({ n: z.number().default(1) });
    const bare = new Request("http://localhost/api/v1/x", { method: "POST" });
    expect(await parseJsonBody(bare, schema, { empty: {} })).toEqual({ n: 1 });
    const refused = await respond(() =>
      parseJsonBody(new Request("http://localhost/api/v1/x", { method: "POST" }), schema),
    );
    expect(refused.status).toBe(415);
  });
});

describe("the server's body cap (scripts/body-limit.mjs)", () => {
  let server: http.Server;
  let port: number;
  let handled: { path: string; bytes?: number; failed?: string }[];

  beforeEach(async () => {
    handled = [];
    const app = express();
    app.use(bodySizeLimit());
    // Reads the body the way Remix's express adapter does.
    app.all("*", async (req, res) => {
      const entry: (typeof handled)[number] = { path: req.path };
      handled.push(entry);
      try {
        const request = new Request(`http://localhost${req.originalUrl}`, {
          method: req.method,
          body: createReadableStreamFromReadable(req),
          duplex: "half",
        } as RequestInit);
        entry.bytes = (await request.arrayBuffer()).byteLength;
        res.status(200).json({ bytes: entry.bytes });
      } catch (error) {
        entry.failed = (error as Error).message;
        res.status(500).end("route failed");
      }
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Sends a body, chunked when `chunked`, and resolves with the status and text of the answer. */
  function send(path: string, body: Buffer, headers: Record<string, string>, chunked = false) {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      let answered = false;
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          path,
          method: "POST",
          headers: chunked ? headers : { ...headers, "Content-Length": String(body.length) },
        },
        (res) => {
          answered = true;
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      // After the answer, the server may close while the client is still writing: not a failure.
      req.on("error", (error) => (answered ? undefined : reject(error)));
      if (chunked) {
        for (let offset = 0; offset < body.length; offset += 64 * 1024)
          req.write(body.subarray(offset, offset + 64 * 1024));
        req.end();
      } else req.end(body);
    });
  }

  it("answers 413 from the declared length before the route runs", async () => {
    expect(SERVER_MAX_BODY_BYTES).toBe(MAX_BODY_BYTES);
    const res = await send("/login", Buffer.alloc(MAX_BODY_BYTES + 1, "a"), {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(413);
    expect(res.text).toContain("请求体过大");
    expect(handled).toEqual([]);
    const api = await send("/api/v1/pieces", Buffer.alloc(MAX_BODY_BYTES + 1, "a"), {
      "Content-Type": "application/json",
    });
    expect(JSON.parse(api.text).error.code).toBe("payload_too_large");
  });

  it("counts a chunked body and fails the route's read at the cap", async () => {
    const res = await send(
      "/login",
      Buffer.alloc(MAX_BODY_BYTES * 2, "a"),
      { "Content-Type": "application/x-www-form-urlencoded" },
      true,
    );
    expect(res.status).toBe(413);
    await expect.poll(() => handled.length).toBe(1);
    await expect.poll(() => handled[0].failed).toContain("请求体过大");
    expect(handled[0].bytes).toBeUndefined();
  });

  it("lets bodies under the cap and multipart uploads over it through", async () => {
    const small = await send("/login", Buffer.alloc(1000, "a"), { "Content-Type": "text/plain" }, true);
    expect(JSON.parse(small.text)).toEqual({ bytes: 1000 });
    const upload = await send("/api/v1/episodes/1/media", Buffer.alloc(MAX_BODY_BYTES * 2, "a"), {
      "Content-Type": "multipart/form-data; boundary=x",
    });
    expect(JSON.parse(upload.text)).toEqual({ bytes: MAX_BODY_BYTES * 2 });
  });
});

describe("one-time passwords (item 6)", () => {
  it("keeps an unchanged one-time password to the account page in actions, the API, data requests and resource routes", async () => {
    const otp = await oneTimeUser();
    const cookie = { Cookie: otp.cookie };

    const action = await call(
      newPieceAction,
      formRequest("/pieces/new", { kind: "poster", title: "不该创建" }, otp.cookie),
    );
    expect(action.status).toBe(302);
    expect(action.headers.get("Location")).toBe("/account");

    const api = await call(apiPieces, getRequest("/api/v1/pieces", cookie));
    expect(api.status).toBe(403);
    expect((await api.json()).error.code).toBe("password_change_required");
    const apiWrite = await postPiece({ kind: "poster", title: "不该创建" }, cookie);
    expect(apiWrite.status).toBe(403);

    const data = await call(dashboardLoader, getRequest("/?_data=routes%2F_app._index", cookie));
    expect(data.headers.get("Location")).toBe("/account");
    for (const resource of [
      () => call(snapshotLoader, getRequest("/livestreams/1/snapshot", cookie), { id: "1" }),
      () => call(mediaLoader, getRequest("/media/1", cookie), { id: "1" }),
    ]) {
      const res = await resource();
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe("/account");
    }
    expect(rowCount(t.studio, schema.pieces)).toBe(0);

    // The account page (with its layout) and signing out still work.
    expect((await call(accountLoader, getRequest("/account", cookie))).status).toBe(200);
    expect((await call(shellLoader, getRequest("/account?_data=routes%2F_app", cookie))).status).toBe(200);
    const changed = await changePassword(otp.cookie, otp.password, "a-new-password-42");
    expect(changed.status).toBe(302);
    expect((await call(apiPieces, getRequest("/api/v1/pieces", cookie))).status).toBe(200);
    const out = await call(logoutAction, formRequest("/logout", {}, otp.cookie));
    expect(out.headers.get("Location")).toBe("/login");
  });

  it("does not hold back bearer tokens made for the user", async () => {
    const admin = await t.signIn("admin");
    const otp = await oneTimeUser();
    const token = await createToken(admin.cookie, otp.userId, "脚本");
    const res = await call(apiPieces, getRequest("/api/v1/pieces", { Authorization: `Bearer ${token}` }));
    expect(res.status).toBe(200);
  });
});

describe("sign-in throttling (item 7)", () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, 0) + minutes * 60_000);

  async function account(email: string, password = "right-password-1") {
    const invited = await inviteUser({
      db: t.studio.db,
      actor: null,
      email,
      name: "测试",
      roles: ["admin"],
      password,
      mustChangePassword: false,
      now: at(0),
    });
    if (!invited.ok) throw new Error(invited.message);
    return { email, password };
  }

  const attempt = (email: string, password: string, ip: string, now: Date) =>
    signIn({ db: t.studio.db, email, password, ip, now });

  it("lets parallel guesses through no further than the limit", async () => {
    const admin = await account("admin@test.local");
    const results = await Promise.all(
      Array.from({ length: 25 }, () => attempt(admin.email, "guess", "203.0.113.5", at(1))),
    );
    const tried = results.filter((r) => !r.ok && r.code === "bad_credentials");
    const throttled = results.filter((r) => !r.ok && r.code === "throttled");
    expect(tried).toHaveLength(THROTTLE.freeFailuresPerAccountAndAddress);
    expect(throttled).toHaveLength(25 - THROTTLE.freeFailuresPerAccountAndAddress);
    expect(attemptRows()).toHaveLength(THROTTLE.freeFailuresPerAccountAndAddress);
    // Even the right password waits now, from that address.
    const right = await attempt(admin.email, admin.password, "203.0.113.5", at(1));
    expect(right).toMatchObject({ ok: false, status: 429 });
  });

  it("does not lock the real user out from another address", async () => {
    const admin = await account("admin@test.local");
    for (let i = 0; i < 12; i++) await attempt(admin.email, `guess-${i}`, "203.0.113.5", at(1 + i * 0.01));
    const fromAttacker = await attempt(admin.email, admin.password, "203.0.113.5", at(2));
    expect(fromAttacker).toMatchObject({ ok: false, code: "throttled" });
    const fromOffice = await attempt(admin.email, admin.password, "198.51.100.7", at(2));
    expect(fromOffice.ok).toBe(true);
  });

  it("makes each further try wait twice as long, and a success resets the account's count", async () => {
    const user = await account("copy@test.local");
    const ip = "203.0.113.5";
    for (let i = 0; i < 5; i++)
      expect(await attempt(user.email, "bad", ip, at(0))).toMatchObject({ code: "bad_credentials" });
    expect(backoffMs(5, 5)).toBe(60_000);
    expect(await attempt(user.email, "bad", ip, at(0.9))).toMatchObject({
      code: "throttled",
      retryAfterMs: 6_000,
    });
    expect(await attempt(user.email, "bad", ip, at(1))).toMatchObject({ code: "bad_credentials" });
    // Six failures: two minutes after the last one.
    expect(await attempt(user.email, user.password, ip, at(2.5))).toMatchObject({ code: "throttled" });
    const back = await attempt(user.email, user.password, ip, at(3));
    expect(back.ok).toBe(true);
    for (let i = 0; i < 4; i++)
      expect(await attempt(user.email, "bad", ip, at(4))).toMatchObject({ code: "bad_credentials" });
    expect((await attempt(user.email, user.password, ip, at(4))).ok).toBe(true);
    expect(backoffMs(100, 5)).toBe(THROTTLE.maxDelayMs);
  });

  it("slows one address spraying many accounts, without touching other addresses", async () => {
    for (let i = 0; i < THROTTLE.freeFailuresPerAddress; i++)
      expect(await attempt(`nobody-${i}@test.local`, "bad", "203.0.113.5", at(0))).toMatchObject({
        code: "bad_credentials",
      });
    expect(await attempt("nobody-x@test.local", "bad", "203.0.113.5", at(0))).toMatchObject({
      code: "throttled",
    });
    const user = await account("copy@test.local");
    expect((await attempt(user.email, user.password, "198.51.100.7", at(0))).ok).toBe(true);
  });

  it("answers a throttled sign-in with 429 and Retry-After", async () => {
    const user = await t.signIn("copywriter");
    for (let i = 0; i < 5; i++)
      await call(loginAction, loginForm({ email: user.actor.email, password: "wrong" }));
    const res = await call(loginAction, loginForm({ email: user.actor.email, password: user.password }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await res.json()).errors._form).toContain("分钟后再试");
  });

  describe("client address", () => {
    const saved = process.env.TRUST_PROXY;
    afterEach(() => {
      if (saved === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved;
    });

    it("ignores X-Forwarded-For unless TRUST_PROXY is set", async () => {
      delete process.env.TRUST_PROXY;
      const user = await t.signIn("copywriter");
      // Rotating a forged header does not give an attacker a fresh address per guess.
      for (let i = 0; i < 8; i++)
        await call(
          loginAction,
          loginForm({ email: user.actor.email, password: "wrong" }, { "X-Forwarded-For": `192.0.2.${i}` }),
        );
      const ips = new Set(
        attemptRows()
          .filter((r) => !r.succeeded)
          .map((r) => r.ip),
      );
      expect([...ips]).toEqual(["10.0.0.9"]);
      const locked = await call(
        loginAction,
        loginForm({ email: user.actor.email, password: user.password }, { "X-Forwarded-For": "192.0.2.200" }),
      );
      expect(locked.status).toBe(429);
    });

    it("behind a trusted proxy, throttles each client by the address the proxy saw", async () => {
      process.env.TRUST_PROXY = "1";
      const user = await t.signIn("copywriter");
      // The client may prepend anything; the proxy appends the address it saw.
      for (let i = 0; i < 6; i++)
        await callRoute(
          loginAction,
          loginForm(
            { email: user.actor.email, password: "wrong" },
            { "X-Forwarded-For": `192.0.2.${i}, 203.0.113.5` },
          ),
          {},
          "10.0.0.1",
        );
      expect(
        new Set(
          attemptRows()
            .filter((r) => !r.succeeded)
            .map((r) => r.ip),
        ),
      ).toEqual(new Set(["203.0.113.5"]));
      const colleague = await callRoute(
        loginAction,
        loginForm(
          { email: user.actor.email, password: user.password },
          { "X-Forwarded-For": "198.51.100.7" },
        ),
        {},
        "10.0.0.1",
      );
      expect(colleague.status).toBe(302);
    });

    it("reads TRUST_PROXY as a hop count and normalises addresses", () => {
      expect([undefined, "", "0", "false", "x"].map((v) => trustedProxyHops(v))).toEqual([0, 0, 0, 0, 0]);
      expect([trustedProxyHops("true"), trustedProxyHops("1"), trustedProxyHops("2")]).toEqual([1, 1, 2]);
      const req = getRequest("/", { "X-Forwarded-For": "1.1.1.1, 198.51.100.7, 10.0.0.2" });
      expect(clientAddress(req, { clientIp: "::ffff:10.0.0.1" }, 0)).toBe("10.0.0.1");
      expect(clientAddress(req, { clientIp: "10.0.0.1" }, 1)).toBe("10.0.0.2");
      expect(clientAddress(req, { clientIp: "10.0.0.1" }, 2)).toBe("198.51.100.7");
      expect(clientAddress(req, { clientIp: "10.0.0.1" }, 9)).toBe("1.1.1.1");
      const junk = getRequest("/", { "X-Forwarded-For": "not-an-address" });
      expect(clientAddress(junk, { clientIp: "10.0.0.1" }, 1)).toBe("10.0.0.1");
    });
  });
});

describe("redirects after sign-in and the language switch (item 8)", () => {
  const offSite = [
    "/\\evil.example",
    "//evil.example",
    "https://evil.example",
    "/%5Cevil.example",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "/\t/evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    " //evil.example",
  ];

  it("keeps only same-origin paths", () => {
    for (const to of offSite) expect(safeRedirectPath(to), to).toBe("/");
    expect(safeRedirectPath("/pieces?kind=episode#top")).toBe("/pieces?kind=episode#top");
    expect(safeRedirectPath("/ebooks/3/chapters/2")).toBe("/ebooks/3/chapters/2");
    expect(safeRedirectPath(undefined)).toBe("/");
  });

  it("never sends the browser off-site from /login or /set-language", async () => {
    const user = await t.signIn("copywriter");
    for (const to of offSite) {
      const login = await call(
        loginAction,
        loginForm({ email: user.actor.email, password: user.password, redirectTo: to }),
      );
      expect(login.headers.get("Location"), to).toBe("/");
      const lang = await call(
        setLanguageAction,
        formRequest("/set-language", { lang: "en", redirectTo: to }),
      );
      expect(lang.headers.get("Location"), to).toBe("/");
    }
    const back = await call(
      setLanguageAction,
      formRequest("/set-language", { lang: "en", redirectTo: "/pieces?q=%E6%B5%B7" }),
    );
    expect(back.headers.get("Location")).toBe("/pieces?q=%E6%B5%B7");
  });
});

describe("cross-site requests and sessions (item 10)", () => {
  const withHeaders = (request: Request, headers: Record<string, string>) => {
    const copy = new Request(request);
    for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
    return copy;
  };

  it("refuses cookie-authenticated mutations from another site, in Chinese, and lets same-origin ones through", async () => {
    const copy = await t.signIn("copywriter");
    const create = (headers: Record<string, string>) =>
      call(
        newPieceAction,
        withHeaders(formRequest("/pieces/new", { kind: "poster", title: "海报" }, copy.cookie), headers),
      );
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site", Origin: "https://sub.localhost" },
    ];
    for (const headers of foreign) {
      const res = await create(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).message).toContain("跨站");
    }
    const pieces = () => rowCount(t.studio, schema.pieces);
    expect(pieces()).toBe(0);
    expect((await create({ Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" })).status).toBe(302);
    expect((await create({})).status).toBe(302);
    expect(pieces()).toBe(2);

    const api = await postPiece(
      { kind: "poster", title: "API" },
      { Cookie: copy.cookie, Origin: "https://evil.example" },
    );
    expect(api.status).toBe(403);
    expect((await api.json()).error.code).toBe("cross_site_request");
    // Reading is not a mutation: a cross-site GET is left to SameSite and CORS.
    expect(
      (
        await call(
          apiPieces,
          getRequest("/api/v1/pieces", { Cookie: copy.cookie, Origin: "https://evil.example" }),
        )
      ).status,
    ).toBe(200);
  });

  it("does not check bearer-token calls", async () => {
    const admin = await t.signIn("admin");
    const token = await createToken(admin.cookie, admin.actor.id, "脚本");
    const res = await postPiece(
      { kind: "poster", title: "令牌" },
      { Authorization: `Bearer ${token}`, Origin: "https://automation.example" },
    );
    expect(res.status).toBe(201);
  });

  it("refuses cross-site sign-in, sign-out and language switches", async () => {
    const user = await t.signIn("copywriter");
    const evil = { Origin: "https://evil.example" };
    const login = await call(
      loginAction,
      loginForm({ email: user.actor.email, password: user.password }, evil),
    );
    expect(login.status).toBe(403);
    expect(attemptRows().filter((r) => r.ip === "10.0.0.9")).toEqual([]);
    const logout = await call(
      logoutAction,
      withHeaders(formRequest("/logout", {}, user.cookie), { "Sec-Fetch-Site": "cross-site" }),
    );
    expect(logout.status).toBe(403);
    expect((await call(dashboardLoader, getRequest("/", { Cookie: user.cookie }))).status).toBe(200);
    const lang = await call(
      setLanguageAction,
      withHeaders(formRequest("/set-language", { lang: "en" }), evil),
    );
    expect(lang.status).toBe(403);
    expect(
      crossSiteReason(withHeaders(formRequest("/login", {}), { Origin: "http://localhost" })),
    ).toBeNull();
  });

  it("ends the user's other sessions when the password changes, keeping this one", async () => {
    const user = await t.signIn("copywriter");
    const other = await passwordSession(t.studio, user.actor.email, user.password, "198.51.100.7");
    const changed = await changePassword(user.cookie, user.password, "another-password-77");
    expect(changed.status).toBe(302);
    expect((await call(dashboardLoader, getRequest("/", { Cookie: user.cookie }))).status).toBe(200);
    const ended = await call(dashboardLoader, getRequest("/", { Cookie: other.cookie }));
    expect(ended.status).toBe(302);
    expect(ended.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("login attempt retention (item 24)", () => {
  it("deletes attempts, and the addresses in them, once throttling no longer needs them", async () => {
    const start = new Date(Date.UTC(2026, 0, 1));
    const later = (ms: number) => new Date(start.getTime() + ms);
    await signIn({ db: t.studio.db, email: "a@test.local", password: "x", ip: "203.0.113.5", now: start });
    await signIn({
      db: t.studio.db,
      email: "b@test.local",
      password: "x",
      ip: "203.0.113.6",
      now: later(30 * 60_000),
    });
    expect(attemptRows()).toHaveLength(2);
    // The next attempt, an hour after the first, prunes it; the one still inside the window stays.
    await signIn({
      db: t.studio.db,
      email: "c@test.local",
      password: "x",
      ip: "203.0.113.7",
      now: later(THROTTLE.windowMs + 1),
    });
    expect(attemptRows().map((r) => r.ip)).toEqual(["203.0.113.6", "203.0.113.7"]);
    expect(pruneLoginAttempts({ db: t.studio.db, now: later(10 * THROTTLE.windowMs) })).toBe(2);
    expect(attemptRows()).toEqual([]);
  });
});
