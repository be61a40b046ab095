import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach } from "vitest";
import { schema } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { sealSecret } from "~/lib/sealed-secret.server";
import type { Studio } from "~/lib/studio.server";
import type { Actor } from "~/modules/auth/actor";
import { startWorker, type Worker } from "~/modules/jobs/worker.server";
import type { PieceKind } from "~/modules/pieces/status-machine";
import { PUBLISH_JOB_TYPE } from "~/modules/publishing/publish-job.server";
import {
  createPublishJobHandler,
  type PublishHandlerOptions,
} from "~/modules/publishing/publish-slot-job.server";
import {
  verifyWebhookSignature,
  WEBHOOK_HEADERS,
  type SignatureCheck,
} from "~/modules/webhooks/webhook-signature";
import { workflowPiece } from "../setup/pieces";
import { withStudio } from "../setup/test-studio";

/** A test clock that runs with real time (the worker's backoff needs it) and can jump ahead. */
export function testClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms: number) => {
      offsetMs += ms;
    },
  };
}

/**
 * Gives every test of the calling file its own studio on one test clock (it keeps running across
 * the file's tests); the publishing worker and the webhook receivers a test starts through it are
 * stopped and closed when the test ends, before its studio is removed.
 */
export function withPublishingStudio() {
  const clock = testClock();
  const t = withStudio({ now: clock.now });
  let worker: Worker | null = null;
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    for (const close of closers.splice(0)) await close();
  });
  return {
    t,
    clock,
    /** The worker the running test started, if any. */
    get worker() {
      return worker;
    },
    startWorker(options?: PublishHandlerOptions): Worker {
      worker = startPublishWorker(t.studio, options);
      return worker;
    },
    async receiver(secret: string, script: Answer[]) {
      const receiver = await startReceiver(secret, script);
      closers.push(receiver.close);
      return receiver;
    },
    /**
     * A webhook channel `key` whose receiver (checking the signature with `secret`) answers with
     * `script`; the channel holds the secret sealed, as the studio stores it.
     */
    async webhookChannel(key: string, secret: string, script: Answer[]) {
      const receiver = await this.receiver(secret, script);
      const channel = makeChannel(t.studio, {
        key,
        publisher: "webhook",
        webhookUrl: receiver.url,
        webhookSecret: sealSecret(t.studio.config.dataKey, secret),
      });
      return { receiver, channel };
    },
    /** A planned slot of the piece on the channel, due a second ago. */
    dueSlot(pieceId: number, channelId: number, createdBy?: number) {
      return insertSlot(t.studio, {
        pieceId,
        channelId,
        publishAt: new Date(clock.now().getTime() - 1_000),
        createdBy,
      });
    },
  };
}

export function makeChannel(
  studio: Studio,
  values: Partial<typeof schema.channels.$inferInsert> & { key: string },
): typeof schema.channels.$inferSelect {
  return studio.db
    .insert(schema.channels)
    .values({
      name: values.key,
      kinds: ["episode", "poster", "article", "ebook", "handbook", "livestream"],
      publisher: "manual",
      graceMinutes: 120,
      ...values,
    })
    .returning()
    .get();
}

/** A piece taken through the real workflow: created by its owner, submitted, approved by an editor. */
export function approvedPiece(
  studio: Studio,
  options: { owner: Actor; editor: Actor; kind?: PieceKind; title?: string; body?: string },
): typeof schema.pieces.$inferSelect {
  return workflowPiece(studio, {
    ...options,
    kind: options.kind ?? "poster",
    title: options.title ?? "五一自驾节海报",
    body: options.body ?? "正文",
  });
}

/**
 * A planned slot, written directly (the calendar's createSlot refuses past times, and these tests
 * need slots that are already due).
 */
export function insertSlot(
  studio: Studio,
  values: {
    pieceId: number;
    channelId: number;
    publishAt: Date;
    caption?: string;
    createdBy?: number | null;
  },
): typeof schema.slots.$inferSelect {
  const now = studio.now();
  return studio.db
    .insert(schema.slots)
    .values({
      pieceId: values.pieceId,
      channelId: values.channelId,
      publishAt: values.publishAt,
      caption: values.caption ?? "雨季开车注意 #用车技巧 #雨季",
      status: "planned",
      idempotencyKey: crypto.randomUUID(),
      createdBy: values.createdBy ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

export function slotRow(studio: Studio, slotId: number) {
  return studio.db.select().from(schema.slots).where(eq(schema.slots.id, slotId)).get()!;
}

/** The publishing lane's worker with the real handler, fast polls and short backoff. */
export function startPublishWorker(studio: Studio, options: PublishHandlerOptions = {}): Worker {
  return startWorker({
    studio,
    logger,
    name: "publishing-test",
    pollMs: 20,
    backoffBaseMs: 30,
    concurrency: 4,
    handlers: { [PUBLISH_JOB_TYPE]: createPublishJobHandler({ timeoutMs: 1_000, ...options }) },
  });
}

export interface ReceivedRequest {
  body: string;
  json: unknown;
  idempotencyKey: string | null;
  event: string | null;
  timestamp: string | null;
  signature: SignatureCheck;
  /** The signature checked with a timestamp 10 minutes later: what a replay would face. */
  replayedLater: SignatureCheck;
}

export type Answer =
  /** Answers after `delayMs` (0 by default). */
  | { status: number; json?: unknown; delayMs?: number }
  /** Reads the whole request and never answers. */
  | "hang";

/**
 * A webhook receiver on loopback (port 0) that checks every request's signature with the secret
 * and answers from a script: one answer per request, the last one repeated.
 */
export async function startReceiver(secret: string, script: Answer[]) {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = (name: string) => (req.headers[name.toLowerCase()] as string | undefined) ?? null;
      const check = (now: Date) =>
        verifyWebhookSignature({
          secret,
          body,
          timestampHeader: header(WEBHOOK_HEADERS.timestamp),
          signatureHeader: header(WEBHOOK_HEADERS.signature),
          now,
        });
      requests.push({
        body,
        json: JSON.parse(body),
        idempotencyKey: header(WEBHOOK_HEADERS.idempotencyKey),
        event: header(WEBHOOK_HEADERS.event),
        timestamp: header(WEBHOOK_HEADERS.timestamp),
        signature: check(new Date()),
        replayedLater: check(new Date(Date.now() + 10 * 60_000)),
      });
      const answer = script[Math.min(requests.length - 1, script.length - 1)];
      if (answer === "hang") return;
      setTimeout(() => {
        res.writeHead(answer.status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(answer.json ?? { ok: answer.status < 300 }));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/publish`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
