import { describe, expect, it } from "vitest";
import { action as cancelAction } from "~/routes/api.v1.jobs.$id.cancel";
import type { Actor } from "~/modules/auth/actor";
import { claimNextJob, enqueueJob, getJob } from "~/modules/jobs/queue.server";
import { respond, signedInUser, withTestStudio } from "../setup/test-studio";

const t = withTestStudio();

const cancel = (jobId: number, cookie: string) =>
  respond(() =>
    cancelAction({
      request: new Request(`http://localhost/api/v1/jobs/${jobId}/cancel`, {
        method: "POST",
        headers: { Cookie: cookie },
      }),
      params: { id: String(jobId) },
      context: { clientIp: "10.0.0.9" },
    }),
  );

const requestJob = (actor: Actor) =>
  enqueueJob(t.studio.db, { type: "test.slow", payload: {}, actor, now: new Date() }).job;

describe("cancelling a job", () => {
  it("refuses another copywriter, whether the job is queued or running, and changes nothing", async () => {
    const owner = await signedInUser(t.studio, ["copywriter"]);
    const other = await signedInUser(t.studio, ["copywriter"]);
    const queued = requestJob(owner.actor);
    const refused = await cancel(queued.id, other.cookie);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    expect(getJob({ db: t.studio.db, jobId: queued.id })).toMatchObject({
      status: "queued",
      cancelRequested: false,
    });

    const running = claimNextJob({ db: t.studio.db, workerId: "w", leaseMs: 60_000, now: new Date() })!;
    expect(running.id).toBe(queued.id);
    expect((await cancel(running.id, other.cookie)).status).toBe(403);
    expect(getJob({ db: t.studio.db, jobId: running.id })).toMatchObject({
      status: "running",
      cancelRequested: false,
      leaseOwner: "w",
    });
  });

  it("lets whoever requested the job cancel it", async () => {
    const owner = await signedInUser(t.studio, ["copywriter"]);
    const job = requestJob(owner.actor);
    const res = await cancel(job.id, owner.cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: job.id, status: "cancelled" });
  });

  it("lets editors and admins cancel anyone's job, including one nobody requested", async () => {
    const owner = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const admin = await signedInUser(t.studio, ["admin"]);
    const queued = requestJob(owner.actor);
    expect(await (await cancel(queued.id, editor.cookie)).json()).toMatchObject({ status: "cancelled" });

    requestJob(owner.actor);
    const running = claimNextJob({ db: t.studio.db, workerId: "w", leaseMs: 60_000, now: new Date() })!;
    expect((await cancel(running.id, editor.cookie)).status).toBe(200);
    // A running job is asked to stop; its worker aborts it at the next heartbeat.
    expect(getJob({ db: t.studio.db, jobId: running.id })).toMatchObject({
      status: "running",
      cancelRequested: true,
    });

    const system = enqueueJob(t.studio.db, {
      type: "test.slow",
      payload: {},
      actor: null,
      now: new Date(),
    }).job;
    expect((await cancel(system.id, owner.cookie)).status).toBe(403);
    expect((await cancel(system.id, admin.cookie)).status).toBe(200);
  });

  it("refuses roles without the cancel permission before looking at the job", async () => {
    const owner = await signedInUser(t.studio, ["copywriter"]);
    const host = await signedInUser(t.studio, ["host"]);
    const job = requestJob(owner.actor);
    expect((await cancel(job.id, host.cookie)).status).toBe(403);
    expect(getJob({ db: t.studio.db, jobId: job.id })?.status).toBe("queued");
  });
});
