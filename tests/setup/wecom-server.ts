import http from "node:http";
import type { AddressInfo } from "node:net";

export interface WecomRequest {
  path: string;
  contentType: string | null;
  json: unknown;
}

/**
 * A stand-in for a WeCom group robot on loopback: it takes a POST to `/cgi-bin/webhook/send?key=…`
 * and answers each request with the next scripted answer (the last repeated), as WeCom does: HTTP
 * 200 with `{"errcode":0,"errmsg":"ok"}` when posted, or a scripted failure status.
 */
export async function startWecomServer(
  script: Array<{ status: number; errcode?: number }> = [{ status: 200 }],
) {
  const requests: WecomRequest[] = [];
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const answer = script[Math.min(requests.length, script.length - 1)]!;
    requests.push({
      path: req.url ?? "",
      contentType: req.headers["content-type"] ?? null,
      json: JSON.parse(body),
    });
    const errcode = answer.errcode ?? (answer.status === 200 ? 0 : -1);
    res
      .writeHead(answer.status, { "Content-Type": "application/json; charset=utf-8" })
      .end(JSON.stringify({ errcode, errmsg: errcode === 0 ? "ok" : "failed" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=test-robot-key-1234`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
