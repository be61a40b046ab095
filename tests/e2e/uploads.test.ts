import http from "node:http";
import { describe, expect, it } from "vitest";
import { withBrowser } from "../setup/e2e-browser";

const { baseUrl, signIn } = withBrowser();

/**
 * Posts a multipart body the way curl and slow networks do: the closing boundary's trailing CRLF
 * arrives in a later packet than the rest. Resolves with the status and body of the answer, or
 * rejects when the server drops the connection instead of answering.
 */
function postInTwoPackets(path: string, cookie: string, boundary: string, body: Buffer) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const url = new URL(path, baseUrl);
    const request = http.request(
      url,
      {
        method: "POST",
        headers: {
          Cookie: cookie,
          Origin: url.origin,
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": body.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    request.on("error", reject);
    request.write(body.subarray(0, body.length - 2));
    setTimeout(() => request.end(body.subarray(body.length - 2)), 300);
  });
}

describe("multipart uploads on the running studio", () => {
  it("answers an upload whose last bytes arrive late instead of dropping the connection", async () => {
    const page = await signIn("editor@studio.local", "demo-editor-2026");
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
    const boundary = "----studio-upload-test";
    const csv =
      "term,pattern,category,severity,reason,basis,suggestion,allowed_contexts\r\n" +
      "上传测试绝对词,,absolute,review,测试用的绝对化用语,《广告法》第九条,换成具体事实,\r\n";
    const body = Buffer.from(
      `--${boundary}\r\n` +
        'Content-Disposition: form-data; name="file"; filename="terms.csv"\r\n' +
        "Content-Type: text/csv\r\n\r\n" +
        `${csv}\r\n--${boundary}--\r\n`,
    );
    const answer = await postInTwoPackets("/api/v1/terms/import?mode=merge", cookie, boundary, body);
    expect(answer.status, answer.text).toBe(200);
    const listed = await page.request.get(
      `${baseUrl}/api/v1/terms?q=${encodeURIComponent("上传测试绝对词")}`,
    );
    expect(JSON.stringify(await listed.json())).toContain("上传测试绝对词");
    await page.context().close();
  });
});
