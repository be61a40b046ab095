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

const PASSWORD = "test-password-123";

/** A user with the given roles, signed in: returns the actor and a Cookie header for requests. */
export async function signedInUser(
  studio: Studio,
  roles: Role[],
  email = `${roles.join("-")}-${Math.random().toString(36).slice(2, 8)}@test.local`,
) {
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
  const session = await signIn({
    db: studio.db,
    email,
    password: PASSWORD,
    ip: "127.0.0.1",
    now: studio.now(),
  });
  if (!session.ok) throw new Error(session.message);
  const cookie = (await commitSessionToken(session.sessionToken)).split(";")[0];
  const actor: Actor = { id: invited.userId, email, name: `测试${roles.join("")}`, roles };
  return { actor, cookie, sessionToken: session.sessionToken, password: PASSWORD };
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
  return (await respond(() => loader(routeArgs(getRequest(url, { Cookie: cookie }), params)))).status;
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
