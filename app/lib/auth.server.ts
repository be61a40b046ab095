import { createCookie, json, redirect } from "@remix-run/node";
import type { Actor } from "~/modules/auth/actor";
import { can, type Capability } from "~/modules/auth/permissions";
import { resolveApiToken, resolveSession } from "~/modules/auth/sessions.server";
import { SESSION_TTL_MS } from "~/modules/auth/sign-in.server";
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

export function apiError(status: number, code: string, message: string, field?: string) {
  return json({ error: { code, message, ...(field ? { field } : {}) } }, { status });
}

/** Who is asking: a bearer token (API) or the session cookie; null when neither is valid. */
export async function findActor(request: Request): Promise<Actor | null> {
  const { db, now } = getStudio();
  const auth = request.headers.get("Authorization");
  if (auth?.startsWith("Bearer ")) return resolveApiToken({ db, token: auth.slice(7).trim(), now: now() });
  const token = await readSessionToken(request);
  return token ? resolveSession({ db, token, now: now() }) : null;
}

/**
 * The gate every loader, action and API route passes: unauthenticated requests get 401 (API) or
 * the login page; a role without the capability gets 403 before anything is read or changed.
 */
export async function requireActor(request: Request, capability: Capability): Promise<Actor> {
  const actor = await findActor(request);
  if (!actor) {
    if (isApiRequest(request)) throw apiError(401, "unauthenticated", "需要登录或有效的 API 令牌。");
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!can(actor.roles, capability)) {
    if (isApiRequest(request)) throw apiError(403, "forbidden", "你的角色无权执行此操作。");
    throw json({ message: "你的角色无权访问此页面。", capability }, { status: 403 });
  }
  return actor;
}
