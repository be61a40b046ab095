import { createCookie, json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requestLanguage } from "~/i18n/i18n";
import type { Actor } from "~/modules/auth/actor";
import { can, type Capability } from "~/modules/auth/permissions";
import { resolveApiToken } from "~/modules/auth/resolve-api-token.server";
import { resolveSession } from "~/modules/auth/resolve-session.server";
import { SESSION_TTL_MS } from "~/modules/auth/sign-in.server";
import type { ErrorCode, ErrorParams } from "./error-codes";
import { errorMessage } from "./error-message";
import { refuseCrossSite } from "./request-guard.server";
import { getStudio } from "./studio.server";

function sessionCookie() {
  const { config } = getStudio();
  return createCookie("studio_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
    secrets: [config.sessionSecret.toString("hex")],
  });
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export function commitSessionToken(token: string): Promise<string> {
  return sessionCookie().serialize(token);
}

export function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}

function isApiRequest(request: Request): boolean {
  return new URL(request.url).pathname.startsWith("/api/");
}

type ApiErrorDetail = string | { field?: string; params?: ErrorParams };

/**
 * The API's error answer, `{error: {code, message, field?}}`, with the message in the request's
 * language (`errors.<code>`; the module's Chinese `message` when there is no translation). The
 * form without a request answers in Chinese: it is for code that has no request at hand.
 */
/**
 * The API actions' one method check: throws the 405 answer, in the caller's language, unless the
 * request uses a method the action takes. "GET POST" is an action whose route also lists with GET
 * (the answer names both); "PATCH" also takes PUT, which the first clients sent.
 */
export function requireMethod(
  request: Request,
  allowed: "GET POST" | "PATCH DELETE" | "PATCH" | "PUT" | "POST",
) {
  const methods = allowed === "PATCH" ? ["PATCH", "PUT"] : allowed.split(" ");
  if (methods.includes(request.method)) return;
  if (allowed === "GET POST")
    throw apiError(request, 405, "method_not_allowed", "只支持 GET 和 POST。", {
      params: { context: "getPost" },
    });
  if (allowed === "PATCH DELETE")
    throw apiError(request, 405, "method_not_allowed", "请使用 PATCH 或 DELETE。", {
      params: { context: "patchDelete" },
    });
  throw apiError(request, 405, "method_not_allowed", `请使用 ${allowed}。`, { params: { method: allowed } });
}

/** The 405 of a route that only takes POST (a scan, an import, a restore), in the caller's language. */
export function postOnly(request: Request): Response {
  return apiError(request, 405, "method_not_allowed", "只支持 POST。", { params: { context: "postOnly" } });
}

/**
 * The loader of a POST-only route whose text can be long (a scan, an originality check): a GET is
 * answered 405 after the same role check as the POST, so it says nothing to a caller without it.
 */
export function postOnlyLoader(capability: Capability) {
  return async ({ request }: LoaderFunctionArgs) => {
    await requireActor(request, capability);
    throw postOnly(request);
  };
}

export function apiError(
  request: Request,
  status: number,
  code: ErrorCode,
  message: string,
  detail?: ApiErrorDetail,
): Response;
export function apiError(status: number, code: ErrorCode, message: string, field?: string): Response;
export function apiError(
  ...args: [Request, number, ErrorCode, string, ApiErrorDetail?] | [number, ErrorCode, string, string?]
) {
  const [request, status, code, message, detail]: [
    Request | null,
    number,
    ErrorCode,
    string,
    ApiErrorDetail?,
  ] =
    typeof args[0] === "number"
      ? [null, args[0], args[1] as ErrorCode, args[2] as string, args[3] as string | undefined]
      : (args as [Request, number, ErrorCode, string, ApiErrorDetail?]);
  const { field, params } =
    typeof detail === "string" ? { field: detail, params: undefined } : (detail ?? {});
  const text = request
    ? errorMessage({ code, message, params }, requestLanguage(request, { acceptLanguage: true }))
    : message;
  return json({ error: { code, message: text, ...(field ? { field } : {}) } }, { status });
}

function bearerToken(request: Request): string | null {
  const auth = request.headers.get("Authorization");
  return auth?.startsWith("Bearer ") ? auth.slice(7).trim() : null;
}

/** Who is asking and how: a bearer token (API) or the session cookie; null when neither is valid. */
async function authenticate(request: Request): Promise<{ actor: Actor; via: "token" | "session" } | null> {
  const { db, now } = getStudio();
  const bearer = bearerToken(request);
  if (bearer !== null) {
    const actor = resolveApiToken({ db, token: bearer, now: now() });
    return actor ? { actor, via: "token" } : null;
  }
  const token = await readSessionToken(request);
  const actor = token ? resolveSession({ db, token, now: now() }) : null;
  return actor ? { actor, via: "session" } : null;
}

/** Who is asking: a bearer token (API) or the session cookie; null when neither is valid. */
export async function findActor(request: Request): Promise<Actor | null> {
  return (await authenticate(request))?.actor ?? null;
}

/** Where a signed-in person with a one-time password may go: the page that changes it. */
const PASSWORD_CHANGE_PATHS = new Set(["/account"]);

/**
 * The gate every loader, action and API route passes:
 * - a state-changing request riding on the session cookie from another site gets 403 (bearer
 *   tokens are not sent by browsers on their own, so token calls are not checked);
 * - unauthenticated requests get 401 (API) or the login page;
 * - a session whose one-time password is unchanged reaches nothing but the account page: 403
 *   (API) or a redirect there (pages, actions, `?_data=` and resource routes alike);
 * - a role without the capability (or, given several, without any of them) gets 403 before
 *   anything is read or changed.
 */
export async function requireActor(
  request: Request,
  capability: Capability | readonly Capability[],
): Promise<Actor> {
  if (bearerToken(request) === null) refuseCrossSite(request);
  const found = await authenticate(request);
  if (!found) {
    if (isApiRequest(request)) throw apiError(request, 401, "unauthenticated", "需要登录或有效的 API 令牌。");
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const { actor, via } = found;
  if (actor.mustChangePassword && via === "session") {
    const path = new URL(request.url).pathname.replace(/\/+$/, "") || "/";
    if (!PASSWORD_CHANGE_PATHS.has(path)) {
      if (isApiRequest(request))
        throw apiError(
          request,
          403,
          "password_change_required",
          "请先在“账号”页修改一次性密码，再使用工作室。",
        );
      throw redirect("/account");
    }
  }
  const wanted: readonly Capability[] = typeof capability === "string" ? [capability] : capability;
  if (!wanted.some((one) => can(actor.roles, one))) {
    if (isApiRequest(request)) throw apiError(request, 403, "forbidden", "你的角色无权执行此操作。");
    throw json({ message: "你的角色无权访问此页面。", capability }, { status: 403 });
  }
  return actor;
}
