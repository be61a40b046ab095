import http from "node:http";
import type { AddressInfo } from "node:net";
import { WEBHOOK_HEADERS, verifyWebhookSignature } from "~/modules/webhooks/webhook-signature";

export interface CrmRequest {
  json: unknown;
  event: string | null;
  idempotencyKey: string | null;
  /** Whether the signature checked out against the CRM's copy of the secret. */
  signed: boolean;
  /** What the studio answered (the scripted status, or 401 for a bad signature). */
  answered: number;
}

/**
 * A stand-in for the dealership's CRM on loopback: it checks each request's signature as a real
 * CRM must (a bad one gets 401 and is not taken), answers the scripted statuses in turn (the last
 * repeated), and keeps the leads it took by their idempotency key, so a repeat is taken once.
 */
export async function startCrmServer(options: { secret: string; statuses: number[] }) {
  const requests: CrmRequest[] = [];
  const taken = new Map<string, unknown>();
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const header = (name: string) => req.headers[name.toLowerCase()]?.toString() ?? null;
    const signed = verifyWebhookSignature({
      secret: options.secret,
      body,
      timestampHeader: header(WEBHOOK_HEADERS.timestamp),
      signatureHeader: header(WEBHOOK_HEADERS.signature),
      now: new Date(),
    }).ok;
    const scripted = options.statuses[Math.min(requests.length, options.statuses.length - 1)];
    const answered = signed ? scripted : 401;
    const key = header(WEBHOOK_HEADERS.idempotencyKey);
    requests.push({
      json: JSON.parse(body),
      event: header(WEBHOOK_HEADERS.event),
      idempotencyKey: key,
      signed,
      answered,
    });
    if (answered === 200 && key && !taken.has(key)) taken.set(key, JSON.parse(body));
    // An error answer that echoes the request, as careless servers do: the studio must not store the number.
    res
      .writeHead(answered, { "Content-Type": "text/plain" })
      .end(answered === 200 ? "ok" : `error for ${body}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/studio/leads`,
    requests,
    taken,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The address of a CRM that is down: a loopback port nothing listens on any more. */
export async function downCrmUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/studio/leads`;
}
