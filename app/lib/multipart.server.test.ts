import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { parseHeaderParams, parseMultipartFormData, type MultipartPart } from "./multipart.server";

const BOUNDARY = "----StudioTestBoundary7MA4YWxkTrZu0gW";

/** A multipart body written by hand, as a browser sends it: file names raw, in UTF-8. */
function rawBody(parts: { disposition: string; type?: string; body: string | Uint8Array }[], end = true) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${p.disposition}\r\n`));
    if (p.type) chunks.push(Buffer.from(`Content-Type: ${p.type}\r\n`));
    chunks.push(Buffer.from("\r\n"), Buffer.from(p.body), Buffer.from("\r\n"));
  }
  if (end) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** A request whose body arrives `chunkSize` bytes at a time (1: every boundary split across reads). */
function requestOf(
  body: Uint8Array,
  chunkSize = 64 * 1024,
  contentType = `multipart/form-data; boundary=${BOUNDARY}`,
) {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < body.length; i += chunkSize) controller.enqueue(body.slice(i, i + chunkSize));
      controller.close();
    },
  });
  return new Request("http://localhost/upload", {
    method: "POST",
    body: stream,
    headers: { "Content-Type": contentType },
    duplex: "half",
  } as RequestInit);
}

/** Collects every part whole: name, file name and bytes. */
function collector() {
  const seen: { name: string; filename?: string; contentType: string; bytes: Buffer }[] = [];
  const handler = async (part: MultipartPart) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of part.data) chunks.push(chunk);
    seen.push({ ...part, bytes: Buffer.concat(chunks) });
    return part.filename === undefined ? Buffer.concat(chunks).toString("utf8") : "file";
  };
  return { seen, handler };
}

const video = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));

describe("parseMultipartFormData", () => {
  it("reads a file name with = and ; exactly as a browser sends it (Remix's parser threw: 500)", async () => {
    const form = new FormData();
    form.append("role", "logo");
    form.append("file", new Blob([video], { type: "video/mp4" }), "a=b;c.mp4");
    const request = new Request("http://localhost/upload", { method: "POST", body: form });
    await expect(
      unstable_parseMultipartFormData(request.clone(), unstable_createMemoryUploadHandler()),
    ).rejects.toThrow(/content-disposition/);
    const { seen, handler } = collector();
    const parsed = await parseMultipartFormData(request, handler);
    expect(parsed.get("role")).toBe("logo");
    expect(seen[1]).toMatchObject({ name: "file", filename: "a=b;c.mp4", contentType: "video/mp4" });
    expect(seen[1].bytes.equals(video)).toBe(true);
  });

  it("decodes quoted, escaped, percent-encoded and RFC 5987 names, keeping only the base name", async () => {
    const body = rawBody([
      {
        disposition: 'form-data; name="a"; filename="门店 外景=1;第2条.mp4"',
        type: "video/mp4",
        body: video,
      },
      { disposition: 'form-data; name="b"; filename="say \\"hi\\".mp4"', body: "x" },
      { disposition: 'form-data; name="c"; filename="100%22 sure.mp4"', body: "x" },
      {
        disposition: 'form-data; name="d"; filename="x.mp4"; filename*=UTF-8\'\'%E9%9B%A8%E5%AD%A3.mp4',
        body: "x",
      },
      { disposition: 'form-data; name="e"; filename="C:\\fakepath\\clip.mov"', body: "x" },
      { disposition: 'form-data; name="f"; filename=""', body: "" },
      { disposition: 'form-data; name="title"', body: "标题=1; 第二行\r\n继续" },
    ]);
    const { seen, handler } = collector();
    const form = await parseMultipartFormData(requestOf(body), handler);
    expect(seen.map((p) => p.filename)).toEqual([
      "门店 外景=1;第2条.mp4",
      'say "hi".mp4',
      '100" sure.mp4',
      "雨季.mp4",
      "clip.mov",
      "",
      undefined,
    ]);
    expect(seen[0].bytes.equals(video)).toBe(true);
    expect(form.get("title")).toBe("标题=1; 第二行\r\n继续");
  });

  it("gives the same parts when the body arrives one byte at a time", async () => {
    const body = rawBody([
      { disposition: 'form-data; name="file"; filename="a=b;c.mp4"', body: video },
      { disposition: 'form-data; name="note"', body: "ok" },
    ]);
    const { seen, handler } = collector();
    const form = await parseMultipartFormData(requestOf(body, 1), handler);
    expect(seen[0].bytes.equals(video)).toBe(true);
    expect(form.get("note")).toBe("ok");
  });

  it("reads past what a handler leaves of its part", async () => {
    const body = rawBody([
      { disposition: 'form-data; name="file"; filename="big.mp4"', body: video },
      { disposition: 'form-data; name="note"', body: "after" },
    ]);
    const form = await parseMultipartFormData(requestOf(body, 100), async (part) => {
      if (part.filename === undefined) {
        let text = "";
        for await (const chunk of part.data) text += Buffer.from(chunk).toString("utf8");
        return text;
      }
      for await (const _chunk of part.data) break; // a limit hit after the first chunk
      return undefined;
    });
    expect(form.get("note")).toBe("after");
  });

  it("hands e-book image uploads (Remix's memory handler) the file under its real name", async () => {
    const body = rawBody([
      { disposition: 'form-data; name="file"; filename="雨季;封面=1.jpg"', type: "image/jpeg", body: video },
    ]);
    const form = await parseMultipartFormData(requestOf(body), unstable_createMemoryUploadHandler());
    const file = form.get("file") as File;
    expect(file.name).toBe("雨季;封面=1.jpg");
    expect(Buffer.from(await file.arrayBuffer()).equals(video)).toBe(true);
  });

  it("answers a malformed body 400 with a Chinese message", async () => {
    const cases = [
      requestOf(rawBody([{ disposition: 'form-data; name="file"; filename="a.mp4"', body: video }], false)),
      requestOf(rawBody([{ disposition: 'form-data; filename="no-name.mp4"', body: "x" }])),
      requestOf(rawBody([{ disposition: 'form-data; name="file"; filename="unterminated.mp4', body: "x" }])),
      requestOf(Buffer.from("not multipart at all")),
      requestOf(rawBody([{ disposition: 'form-data; name="a"', body: "x" }]), 10, "multipart/form-data"),
    ];
    for (const request of cases) {
      const thrown = await parseMultipartFormData(request, collector().handler).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      const response = thrown as Response;
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({
        code: "bad_multipart",
        message: expect.stringMatching(/上传/),
      });
    }
  });
});

describe("parseHeaderParams", () => {
  it("reads quoted values holding ; and =, tokens, and the first of repeated keys", () => {
    expect(parseHeaderParams('form-data; name="file"; filename="a=b;c.mp4"')).toEqual({
      value: "form-data",
      params: { name: "file", filename: "a=b;c.mp4" },
    });
    expect(parseHeaderParams('multipart/form-data; charset=utf-8; boundary="x;y"; boundary=z')).toEqual({
      value: "multipart/form-data",
      params: { charset: "utf-8", boundary: "x;y" },
    });
    // A name ending in a backslash (not an escape): read literally.
    expect(parseHeaderParams('form-data; name="f"; filename="dir\\"').params.filename).toBe("dir\\");
  });
});
