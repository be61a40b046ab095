import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, inject, vi } from "vitest";
import { commitSessionToken } from "~/lib/auth.server";
import { createStudio, setStudio, type Studio } from "~/lib/studio.server";
import type { Actor } from "~/modules/auth/actor";
import { inviteUser } from "~/modules/auth/invite-user.server";
import type { Role } from "~/modules/auth/permissions";
import { signIn } from "~/modules/auth/sign-in.server";

export interface TestStudio {
  studio: Studio;
  dir: string;
  cleanup: () => void;
}

/**
 * Each test gets its own data directory and SQLite file, installed as the process studio. The file
 * is a copy of the base database that the run migrated once (tests/setup/unit-global.ts), so no
 * test pays for the migrations; without that base (another project) it migrates as the server does.
 */
export function createTestStudio(options: { now?: () => Date } = {}): TestStudio {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "studio-test-"));
  const base = inject("baseDatabase");
  if (base) fs.copyFileSync(base, path.join(dir, "studio.sqlite"));
  const studio = createStudio({ dataDir: dir, now: options.now, migrate: !base });
  setStudio(studio);
  return {
    studio,
    dir,
    cleanup: () => {
      studio.database.sqlite.close();
      setStudio(undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Gives every test of the calling file its own studio: made before each test (with `env` stubbed),
 * removed after it. The returned object reads the studio of the test that is running.
 */
export function withTestStudio(options: { now?: () => Date; env?: Record<string, string> } = {}): TestStudio {
  let current: TestStudio | undefined;
  beforeEach(() => {
    current = createTestStudio({ now: options.now });
    for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
  });
  afterEach(() => {
    if (options.env) vi.unstubAllEnvs();
    current?.cleanup();
    current = undefined;
  });
  const running = () => {
    if (!current) throw new Error("The test studio exists only while a test runs.");
    return current;
  };
  return {
    get studio() {
      return running().studio;
    },
    get dir() {
      return running().dir;
    },
    cleanup: () => {
      running().cleanup();
      current = undefined;
    },
  };
}

/** What Remix passes a loader or action: the request, the route params and the client address. */
export const routeArgs = (request: Request, params: Record<string, string> = {}, clientIp = "127.0.0.1") => ({
  request,
  params,
  context: { clientIp },
});

/** A route's loader or action, as the tests call it. */
export type RouteHandler = (args: ReturnType<typeof routeArgs>) => Promise<unknown>;

/**
 * Runs a loader or action on `request` as Remix would (route params, client address) and returns its
 * Response, whether it was returned or thrown.
 */
export function callRoute(
  handler: RouteHandler,
  request: Request,
  params: Record<string, string> = {},
  clientIp?: string,
): Promise<Response> {
  return respond(() => handler(routeArgs(request, params, clientIp)));
}

/** Posts a page's form (its `intent` and other fields) to a route action as the holder of `cookie`. */
export function postForm(
  action: RouteHandler,
  url: string,
  fields: Record<string, string | string[]>,
  cookie?: string,
  params: Record<string, string> = {},
): Promise<Response> {
  return callRoute(action, formRequest(url, fields, cookie), params);
}

/** Someone with a session, and requests sent as them (their session cookie) to loaders and actions. */
export interface StudioClient {
  actor: Actor;
  cookie: string;
  /** GET `url` from a loader. */
  get: (loader: RouteHandler, url: string, params?: Record<string, string>) => Promise<Response>;
  /** POST a form (`intent` and fields) to an action. */
  form: (
    action: RouteHandler,
    url: string,
    fields: Record<string, string | string[]>,
    params?: Record<string, string>,
  ) => Promise<Response>;
  /** Send a JSON body to an API action with `method`. */
  json: (
    action: RouteHandler,
    url: string,
    method: string,
    body: unknown,
    params?: Record<string, string>,
  ) => Promise<Response>;
}

export function studioClient(actor: Actor, cookie: string): StudioClient {
  return {
    actor,
    cookie,
    get: (loader, url, params) => callRoute(loader, getRequest(url, { Cookie: cookie }), params),
    form: (action, url, fields, params) => postForm(action, url, fields, cookie, params),
    json: (action, url, method, body, params) =>
      callRoute(action, jsonRequest(url, method, body, { Cookie: cookie }), params),
  };
}

/** A user signed in with their password (see signedInUser). */
export interface SignedInUser extends StudioClient {
  sessionToken: string;
  password: string;
}

export interface StudioWithPeople extends TestStudio {
  /** A new user with these roles, signed in to the running test's studio. */
  signIn: (...roles: Role[]) => Promise<SignedInUser>;
  /** One new signed-in user per entry, in the entry order: `people({ editor: ["editor"] })`. */
  people: <K extends string>(roles: Record<K, Role[]>) => Promise<Record<K, SignedInUser>>;
}

/**
 * The usual start of an integration test file: every test gets its own studio and database
 * (see withTestStudio), and signs in the people it needs, one new user per role list.
 */
export function withStudio(
  options: { now?: () => Date; env?: Record<string, string> } = {},
): StudioWithPeople {
  const t = withTestStudio(options);
  const signIn = (...roles: Role[]) => signedInUser(t.studio, roles);
  return Object.assign(t, {
    signIn,
    people: async <K extends string>(roles: Record<K, Role[]>) => {
      const signed = {} as Record<K, SignedInUser>;
      for (const key of Object.keys(roles) as K[]) signed[key] = await signIn(...roles[key]);
      return signed;
    },
  });
}

const PASSWORD = "test-password-123";

/** A user with the given roles, signed in: returns the actor and a Cookie header for requests. */
export async function signedInUser(
  studio: Studio,
  roles: Role[],
  email = `${roles.join("-")}-${Math.random().toString(36).slice(2, 8)}@test.local`,
): Promise<SignedInUser> {
  const invited = await inviteUser({
    db: studio.db,
    actor: null,
    email,
    name: `测试${roles.join("")}`,
    roles,
    password: PASSWORD,
    mustChangePassword: false,
    now: studio.now(),
  });
  if (!invited.ok) throw new Error(invited.message);
  const { sessionToken, cookie } = await passwordSession(studio, email, PASSWORD);
  const actor: Actor = { id: invited.userId, email, name: `测试${roles.join("")}`, roles };
  return { ...studioClient(actor, cookie), sessionToken, password: PASSWORD };
}

/** The Cookie header (`name=value`) that carries a session token, as the browser sends it back. */
export const sessionCookie = async (sessionToken: string) =>
  (await commitSessionToken(sessionToken)).split(";")[0]!;

/** Signs `email` in with `password` from `ip`: the new session's token and its Cookie header. */
export async function passwordSession(studio: Studio, email: string, password: string, ip = "127.0.0.1") {
  const session = await signIn({ db: studio.db, email, password, ip, now: studio.now() });
  if (!session.ok) throw new Error(session.message);
  return { sessionToken: session.sessionToken, cookie: await sessionCookie(session.sessionToken) };
}

export function formRequest(
  url: string,
  fields: Record<string, string | string[]>,
  cookie?: string,
): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item);
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export function jsonRequest(
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): Request {
  return new Request(`http://localhost${url}`, {
    method,
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function getRequest(url: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${url}`, { headers });
}

/**
 * The status a loader answers the holder of `cookie` for a GET of `url` (returned or thrown): the
 * refusals and unknown ids many tests check one line each.
 */
export async function getStatus(
  loader: (args: ReturnType<typeof routeArgs>) => Promise<unknown>,
  url: string,
  cookie: string,
  params: Record<string, string> = {},
): Promise<number> {
  return (await callRoute(loader, getRequest(url, { Cookie: cookie }), params)).status;
}

/** Runs a loader or action and returns its Response, whether it was returned or thrown. */
export async function respond(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const value = await fn();
    return value instanceof Response ? value : Response.json(value);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
