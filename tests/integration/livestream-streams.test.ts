import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_TTL_MS } from "~/modules/auth/sign-in.server";
import { signOut } from "~/modules/auth/sign-out.server";
import { updateUser } from "~/modules/auth/update-user.server";
import { STREAM_CLOSED_EVENT } from "~/modules/livestream/clock-sync";
import { MAX_STREAMS_PER_HOLDER, RECHECK_EVERY_BEATS } from "~/modules/livestream/show-hub.server";
import { getShowHub } from "~/modules/livestream/show-hub-instance.server";
import { loader as eventsLoader } from "~/routes/livestreams.$id.events";
import { respond, routeArgs as args, signedInUser } from "../setup/test-studio";
import { createDemoShow, withShowStudio } from "./livestream-helpers";

const { t, clock } = withShowStudio();
afterEach(() => vi.useRealTimers());

async function setup() {
  const { producer, host, id } = await createDemoShow(t.studio);
  return { producer, host, id };
}

/** Opens the show's event stream as a browser would; `read()` collects until the stream ends. */
async function openStream(cookie: string, id: string) {
  const abort = new AbortController();
  const res = await respond(() =>
    eventsLoader(
      args(
        new Request(`http://localhost/livestreams/${id}/events`, {
          headers: { Cookie: cookie },
          signal: abort.signal,
        }),
        { id },
      ),
    ),
  );
  if (res.status !== 200) return { res, abort, text: async () => "", ended: async () => false };
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let received = "";
  // Reads what is queued so far, without waiting for more; `done` tells whether the stream ended.
  const pump = async (): Promise<boolean> => {
    for (;;) {
      const next = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setImmediate(() => resolve(null))),
      ]);
      if (next === null) return false;
      if (next.done) return true;
      received += decoder.decode(next.value);
    }
  };
  return {
    res,
    abort,
    text: async () => (await pump(), received),
    ended: pump,
  };
}

/**
 * Heartbeats (and so the session re-checks) run on the hub's interval, driven here by hand. The
 * re-check itself verifies the cookie's signature off the main thread: give it real time.
 */
async function heartbeats(n: number) {
  for (let i = 0; i < n; i++) await vi.advanceTimersByTimeAsync(1000);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const closes = (stream: { ended: () => Promise<boolean> }) =>
  vi.waitFor(async () => expect(await stream.ended()).toBe(true));

describe("event streams re-check access while open", () => {
  it("closes a disabled user's stream within a few heartbeats and leaves the others open", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { producer, host, id } = await setup();
    const admin = await signedInUser(t.studio, ["admin"]);
    const console = await openStream(producer.cookie, id);
    const prompter = await openStream(host.cookie, id);
    expect(console.res.status).toBe(200);
    expect(await console.text()).toContain('"type":"snapshot"');
    expect(getShowHub().subscriberCount(id)).toBe(2);

    await heartbeats(RECHECK_EVERY_BEATS);
    expect(await console.ended()).toBe(false);

    const disabled = updateUser({
      db: t.studio.db,
      actor: admin.actor,
      userId: producer.actor.id,
      roles: ["producer"],
      disabled: true,
      now: new Date(clock.ms),
    });
    expect(disabled.ok).toBe(true);
    await heartbeats(RECHECK_EVERY_BEATS);
    await closes(console);
    expect(await console.text()).toContain(`event: ${STREAM_CLOSED_EVENT}\n`);
    expect(await prompter.ended()).toBe(false);
    expect(getShowHub().subscriberCount(id)).toBe(1);

    // Coming back is refused by the route's own gate.
    const again = await openStream(producer.cookie, id);
    expect(again.res.status).toBe(302);
    expect(again.res.headers.get("Location")).toContain("/login");
    prompter.abort.abort();
  });

  it("closes the stream when its session is signed out or expires", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { producer, host, id } = await setup();
    const signedOut = await openStream(producer.cookie, id);
    const expiring = await openStream(host.cookie, id);
    signOut({
      db: t.studio.db,
      token: producer.sessionToken,
      actor: producer.actor,
      now: new Date(clock.ms),
    });
    await heartbeats(RECHECK_EVERY_BEATS);
    await closes(signedOut);
    expect(await expiring.ended()).toBe(false);

    clock.ms += SESSION_TTL_MS + 1000;
    await heartbeats(RECHECK_EVERY_BEATS);
    await closes(expiring);
    expect(await expiring.text()).toContain(`event: ${STREAM_CLOSED_EVENT}\n`);
    expect(getShowHub().subscriberCount(id)).toBe(0);
  });
});

describe("event stream caps", () => {
  it("answers 429 with a Chinese message past the per-person cap, counted per show", async () => {
    const { producer, host, id } = await setup();
    const open = [];
    for (let i = 0; i < MAX_STREAMS_PER_HOLDER; i++) {
      const stream = await openStream(producer.cookie, id);
      expect(stream.res.status).toBe(200);
      open.push(stream);
    }
    const refused = await openStream(producer.cookie, id);
    expect(refused.res.status).toBe(429);
    expect(refused.res.headers.get("Retry-After")).toBe("5");
    expect((await refused.res.json()).message).toContain(`已打开 ${MAX_STREAMS_PER_HOLDER} 个实时连接`);
    expect(getShowHub().subscriberCount(id)).toBe(MAX_STREAMS_PER_HOLDER);

    // Someone else is not affected, and closing one window frees a slot.
    const other = await openStream(host.cookie, id);
    expect(other.res.status).toBe(200);
    open[0].abort.abort();
    const reopened = await openStream(producer.cookie, id);
    expect(reopened.res.status).toBe(200);
    for (const stream of [...open, other, reopened]) stream.abort.abort();
    expect(getShowHub().subscriberCount(id)).toBe(0);
  });
});
