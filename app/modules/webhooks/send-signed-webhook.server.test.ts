import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PRIVATE_ADDRESS_CODE, isPrivateAddress, outboundDispatcher } from "./outbound-address.server";
import { sendSignedWebhook } from "./send-signed-webhook.server";
import { verifyWebhookSignature } from "./webhook-signature";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

/** A loopback receiver (port 0) running `handle` for every request. */
async function receiver(handle: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => handle(req, res, body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const base = {
  secret: "k",
  event: "slot.publish",
  payload: { a: 1 },
  idempotencyKey: "key-1",
  timeoutMs: 500,
};

describe("sendSignedWebhook", () => {
  it("posts signed JSON and classifies the answers: 2xx delivered, 5xx/429 retry, other 4xx rejected", async () => {
    const seen: boolean[] = [];
    let status = 200;
    const url = await receiver((req, res, body) => {
      seen.push(
        verifyWebhookSignature({
          secret: "k",
          body,
          timestampHeader: req.headers["x-studio-timestamp"] as string,
          signatureHeader: req.headers["x-studio-signature"] as string,
          now: new Date(),
        }).ok && req.headers["idempotency-key"] === "key-1",
      );
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify({ status }));
    });
    const send = async (code: number) => {
      status = code;
      return sendSignedWebhook({ ...base, url, now: new Date() });
    };
    expect(await send(200)).toMatchObject({ kind: "delivered", status: 200, json: { status: 200 } });
    expect(await send(503)).toMatchObject({ kind: "retry", status: 503 });
    expect(await send(429)).toMatchObject({ kind: "retry", status: 429 });
    expect(await send(400)).toMatchObject({ kind: "rejected", status: 400, excerpt: '{"status":400}' });
    expect(await send(302)).toMatchObject({ kind: "rejected", status: 302 });
    expect(seen).toEqual([true, true, true, true, true]);
  });

  it("calls a request whose answer never came unconfirmed, and a refused connection retryable", async () => {
    const silent = await receiver(() => undefined);
    expect(await sendSignedWebhook({ ...base, url: silent, now: new Date() })).toMatchObject({
      kind: "unconfirmed",
      status: null,
      excerpt: expect.stringContaining("超时"),
    });
    const hangUp = await receiver((req) => req.socket.destroy());
    expect(await sendSignedWebhook({ ...base, url: hangUp, now: new Date() })).toMatchObject({
      kind: "unconfirmed",
    });
    // Nothing listens on the port any more: the request cannot have arrived.
    const closed = await receiver(() => undefined);
    const server = servers.pop()!;
    await new Promise((r) => server.close(r));
    expect(await sendSignedWebhook({ ...base, url: closed, now: new Date() })).toMatchObject({
      kind: "retry",
    });
  });

  it("refuses URLs that are not http(s) without sending anything", async () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      return new Response("");
    }) as typeof globalThis.fetch;
    for (const url of [
      "file:///etc/passwd",
      "ftp://example.com/x",
      "javascript:alert(1)",
      "not a url",
      "https://u:p@example.com/",
    ])
      expect((await sendSignedWebhook({ ...base, url, fetch, now: new Date() })).kind, url).toBe("rejected");
    expect(calls).toBe(0);
  });
});

describe("outbound address guard", () => {
  const saved = process.env.WEBHOOK_ALLOW_PRIVATE_HOSTS;
  afterEach(() => {
    process.env.WEBHOOK_ALLOW_PRIVATE_HOSTS = saved;
  });

  it("knows private, loopback, link-local and mapped addresses from public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.20",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fe80::1",
      "fd12:3456::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "64:ff9b::a00:1",
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ["8.8.8.8", "172.32.0.1", "192.169.0.1", "2400:3200::1", "::ffff:8.8.8.8"])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it("refuses a loopback receiver, by address and by name, without sending, unless its host is allowed", async () => {
    let hits = 0;
    const url = await receiver((_req, res) => {
      hits++;
      res.writeHead(200).end("ok");
    });
    process.env.WEBHOOK_ALLOW_PRIVATE_HOSTS = "";
    const byAddress = await sendSignedWebhook({ ...base, url, now: new Date() });
    expect(byAddress).toMatchObject({ kind: "rejected", status: null });
    expect(byAddress.excerpt).toContain("内网或本机地址");
    const byName = await sendSignedWebhook({
      ...base,
      url: url.replace("127.0.0.1", "localhost."),
      now: new Date(),
    });
    expect(byName).toMatchObject({ kind: "rejected", status: null });
    // Any other name that resolves to loopback is caught where the connection is made.
    const refused = await fetch(url.replace("127.0.0.1", "localhost"), {
      method: "POST",
      dispatcher: outboundDispatcher(new Set()),
    } as RequestInit).catch((error: unknown) => error);
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe(PRIVATE_ADDRESS_CODE);
    expect(hits).toBe(0);

    process.env.WEBHOOK_ALLOW_PRIVATE_HOSTS = "127.0.0.1";
    expect((await sendSignedWebhook({ ...base, url, now: new Date() })).kind).toBe("delivered");
    expect(hits).toBe(1);
  });
});
