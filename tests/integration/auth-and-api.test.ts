import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login";
import { loader as shellLoader } from "~/routes/_app";
import { loader as dashboardLoader } from "~/routes/_app._index";
import { action as usersAction } from "~/routes/_app.admin.users";
import { action as tokensAction } from "~/routes/_app.admin.tokens";
import { loader as apiPieces } from "~/routes/api.v1.pieces";
import { loader as apiPiece, action as apiUpdatePiece } from "~/routes/api.v1.pieces.$id";
import { action as apiTransition } from "~/routes/api.v1.pieces.$id.transitions";
import { loader as apiJob } from "~/routes/api.v1.jobs.$id";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import { enqueueJob } from "~/modules/jobs/queue.server";
import { formRequest, getRequest, jsonRequest, withStudio } from "../setup/test-studio";
import { call, changePassword, createToken, postPiece } from "./auth-helpers";

const t = withStudio();

describe("sign-in", () => {
  it("signs in with the right password and sets an httpOnly SameSite cookie", async () => {
    const user = await t.signIn("copywriter");
    const res = await call(
      loginAction,
      formRequest("/login", { email: user.actor.email, password: user.password, redirectTo: "/pieces" }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/pieces");
    expect(res.headers.get("Set-Cookie")).toMatch(/HttpOnly/i);
    expect(res.headers.get("Set-Cookie")).toMatch(/SameSite=Lax/i);
  });

  it("refuses a wrong password, then throttles after repeated failures even with the right one", async () => {
    const user = await t.signIn("copywriter");
    for (let i = 0; i < 5; i++) {
      const res = await call(
        loginAction,
        formRequest("/login", { email: user.actor.email, password: "wrong-password" }),
      );
      expect((await res.json()).errors.password).toContain("不正确");
    }
    const locked = await call(
      loginAction,
      formRequest("/login", { email: user.actor.email, password: user.password }),
    );
    expect((await locked.json()).errors._form).toContain("过多");
  });

  it("never redirects off-site after sign-in", async () => {
    const user = await t.signIn("copywriter");
    const res = await call(
      loginAction,
      formRequest("/login", {
        email: user.actor.email,
        password: user.password,
        redirectTo: "//evil.example/x",
      }),
    );
    expect(res.headers.get("Location")).toBe("/");
  });

  it("ends a disabled user's existing session at once", async () => {
    const admin = await t.signIn("admin");
    const copy = await t.signIn("copywriter");
    expect((await call(dashboardLoader, getRequest("/", { Cookie: copy.cookie }))).status).toBe(200);
    const res = await call(
      usersAction,
      formRequest(
        "/admin/users",
        { intent: "update", userId: String(copy.actor.id), roles: ["copywriter"], disabled: "true" },
        admin.cookie,
      ),
    );
    expect(res.status).toBe(200);
    const after = await call(dashboardLoader, getRequest("/", { Cookie: copy.cookie }));
    expect(after.status).toBe(302);
    const login = await call(
      loginAction,
      formRequest("/login", { email: copy.actor.email, password: copy.password }),
    );
    expect(login.status).toBe(200);
  });

  it("invites a user with a one-time password and refuses a duplicate email", async () => {
    const admin = await t.signIn("admin");
    const invite = await call(
      usersAction,
      formRequest(
        "/admin/users",
        { intent: "invite", email: "New@Studio.local", name: "新人", roles: ["copywriter", "host"] },
        admin.cookie,
      ),
    );
    const body = await invite.json();
    expect(body.oneTimePassword).toMatch(/^[\w-]{12,}$/);
    const login = await call(
      loginAction,
      formRequest("/login", { email: "new@studio.local", password: body.oneTimePassword }),
    );
    expect(login.status).toBe(302);
    // The one-time password only opens the account page until it is changed.
    const cookie = login.headers.get("Set-Cookie")!.split(";")[0];
    const shell = await call(shellLoader, getRequest("/pieces", { Cookie: cookie }));
    expect(shell.headers.get("Location")).toBe("/account");
    const changed = await changePassword(cookie, body.oneTimePassword, "a-new-password-42");
    expect(changed.status).toBe(302);
    expect((await call(shellLoader, getRequest("/pieces", { Cookie: cookie }))).status).toBe(200);
    const dup = await call(
      usersAction,
      formRequest(
        "/admin/users",
        { intent: "invite", email: "new@studio.local", name: "重复", roles: ["host"] },
        admin.cookie,
      ),
    );
    expect(dup.status).toBe(409);
    expect((await dup.json()).errors.email).toBeDefined();
  });
});

describe("HTTP API", () => {
  it("answers 401 without a token or session", async () => {
    const res = await call(apiPieces, getRequest("/api/v1/pieces"));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });

  it("works with a bearer token and stops the moment it is revoked", async () => {
    const admin = await t.signIn("admin");
    const copy = await t.signIn("copywriter");
    const token = await createToken(admin.cookie, copy.actor.id);
    const auth = { Authorization: `Bearer ${token}` };
    const created = await postPiece({ kind: "episode", title: "API 创建的短视频", body: "口播" }, auth);
    expect(created.status).toBe(201);
    const piece = await created.json();
    expect(piece).toMatchObject({ kind: "episode", status: "draft", title: "API 创建的短视频" });

    const list = await (
      await call(apiPieces, getRequest("/api/v1/pieces?kind=episode&status=draft&q=API", auth))
    ).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      id: piece.id,
      slug: piece.slug,
      kind: "episode",
      title: "API 创建的短视频",
      status: "draft",
    });

    const tokenRow = t.studio.database.sqlite.prepare("select id, token_hash from api_tokens").get() as {
      id: number;
      token_hash: string;
    };
    expect(tokenRow.token_hash).not.toContain(token.slice(3));
    await call(
      tokensAction,
      formRequest("/admin/tokens", { intent: "revoke", tokenId: String(tokenRow.id) }, admin.cookie),
    );
    expect((await call(apiPieces, getRequest("/api/v1/pieces", auth))).status).toBe(401);
  });

  it("answers 400 naming the failing field, 404 for unknown ids, 403 for refused roles", async () => {
    const copy = await t.signIn("copywriter");
    const host = await t.signIn("host");
    const auth = { Cookie: copy.cookie };
    const bad = await postPiece({ kind: "episode", title: "" }, auth);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("title");
    const malformed = await postPiece("{not json", auth);
    expect(malformed.status).toBe(400);
    expect((await call(apiPiece, getRequest("/api/v1/pieces/9999", auth), { id: "9999" })).status).toBe(404);
    expect((await call(apiPiece, getRequest("/api/v1/pieces/abc", auth), { id: "abc" })).status).toBe(404);
    expect((await postPiece({ kind: "episode", title: "x" }, { Cookie: host.cookie })).status).toBe(403);
  });

  it("updates with the version guard and moves pieces through the workflow with the UI's rules", async () => {
    const copy = await t.signIn("copywriter");
    const editor = await t.signIn("editor");
    const piece = await (await postPiece({ kind: "poster", title: "海报" }, { Cookie: copy.cookie })).json();
    const id = String(piece.id);
    const update = (body: unknown) =>
      call(apiUpdatePiece, jsonRequest(`/api/v1/pieces/${id}`, "PATCH", body, { Cookie: copy.cookie }), {
        id,
      });
    const transition = (action: string, cookie: string) =>
      call(
        apiTransition,
        jsonRequest(`/api/v1/pieces/${id}/transitions`, "POST", { action }, { Cookie: cookie }),
        {
          id,
        },
      );
    const updated = await update({ version: 1, title: "海报 v2", body: "文案" });
    expect((await updated.json()).version).toBe(2);
    const stale = await update({ version: 1, title: "旧版覆盖" });
    expect(stale.status).toBe(409);
    const approveByCopy = await transition("approve", copy.cookie);
    expect(approveByCopy.status).toBe(403);
    await transition("submit", copy.cookie);
    const approved = await transition("approve", editor.cookie);
    expect((await approved.json()).status).toBe("approved");
    const wrongState = await transition("submit", editor.cookie);
    expect(wrongState.status).toBe(409);
  });

  it("reports a job's status, progress and result", async () => {
    const copy = await t.signIn("copywriter");
    const { job } = enqueueJob(t.studio.db, {
      type: "video.render",
      payload: {},
      actor: copy.actor,
      now: new Date(),
    });
    const res = await (
      await call(apiJob, getRequest(`/api/v1/jobs/${job.id}`, { Cookie: copy.cookie }), {
        id: String(job.id),
      })
    ).json();
    expect(res).toMatchObject({ id: job.id, status: "queued", progress: 0, result: null, error: null });
  });

  it("describes itself in an OpenAPI document generated from the schemas", async () => {
    const copy = await t.signIn("copywriter");
    const doc = await (
      await call(openapi, getRequest("/api/v1/openapi.json", { Cookie: copy.cookie }))
    ).json();
    expect(doc.openapi).toBe("3.1.0");
    const create = doc.paths["/api/v1/pieces"].post.requestBody.content["application/json"].schema;
    expect(create.properties.title.maxLength).toBe(120);
    expect(create.properties.kind.enum).toContain("livestream");
    expect(doc.paths["/api/v1/jobs/{id}"].get).toBeDefined();
    const beacon = doc.paths["/api/v1/events"].post;
    expect(beacon.description).toMatch(/^Public/);
    expect(beacon.requestBody.content["application/json"].schema.properties.events.type).toBe("array");
    expect(doc.paths["/api/v1/pieces/{id}/metrics"].get.description).toContain("analytics.read");
  });
});
