import { apiError } from "./auth.server";

/**
 * A streaming multipart/form-data parser with the same calling shape as Remix's
 * `unstable_parseMultipartFormData`, which every upload route uses instead.
 *
 * Remix's parser (via @web3-storage/multipart-parser) splits the Content-Disposition header at every
 * `;` and `=`, so a file named `a=b;c.mp4`, which browsers send as it is, threw and became a 500.
 * Here header parameters are read as quoted strings, part bodies are streamed to the upload handler
 * without buffering, and a malformed body is answered 400.
 */

/** One part as an upload handler sees it (the shape Remix's handlers expect). */
export interface MultipartPart {
  name: string;
  /** Present (possibly empty) for file fields, the base name only; undefined for text fields. */
  filename?: string;
  contentType: string;
  data: AsyncIterable<Uint8Array>;
}

export type UploadHandler = (part: MultipartPart) => Promise<File | string | null | undefined>;

/** Headers of one part larger than this are not a browser's: refuse rather than buffer them. */
const MAX_HEADER_BYTES = 16 * 1024;
/** The studio's forms have a handful of fields; thousands of parts are an attack, not a form. */
const MAX_PARTS = 200;

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/** A body that is not valid multipart/form-data (the route answers 400). */
export class MultipartError extends Error {}

const isSpace = (c: string | undefined) => c === " " || c === "\t";

/**
 * Parameters of a header such as Content-Disposition or Content-Type: `type; a=b; c="d;=e"`.
 * Quoted values may hold `;` and `=`; `\"` is an escaped quote (a quote browsers send as `%22`).
 * Keys are lower-cased; the first occurrence of a key wins.
 */
export function parseHeaderParams(header: string): { value: string; params: Record<string, string> } {
  let i = 0;
  const n = header.length;
  const readUntil = (stops: string) => {
    const start = i;
    while (i < n && !stops.includes(header[i])) i += 1;
    return header.slice(start, i).trim();
  };
  const value = readUntil(";").toLowerCase();
  const params: Record<string, string> = {};
  while (i < n) {
    i += 1; // the ';'
    const key = readUntil("=;").toLowerCase();
    if (header[i] !== "=") continue; // a bare token carries nothing we use
    i += 1;
    while (isSpace(header[i])) i += 1;
    let text: string;
    if (header[i] === '"') {
      const open = i + 1;
      let out = "";
      let j = open;
      for (; j < n && header[j] !== '"'; j += 1) {
        if (header[j] === "\\" && (header[j + 1] === '"' || header[j + 1] === "\\")) j += 1;
        out += header[j];
      }
      if (j >= n) {
        // No closing quote once escapes are honoured: a name ending in a backslash. Read it literally.
        j = header.indexOf('"', open);
        if (j < 0) throw new MultipartError(`unterminated quoted string in: ${header}`);
        out = header.slice(open, j);
      }
      text = out;
      i = j + 1;
      readUntil(";"); // anything between the closing quote and the next ';' is ignored
    } else {
      text = readUntil(";");
    }
    if (key && !(key in params)) params[key] = text;
  }
  return { value, params };
}

/** RFC 5987 `filename*=UTF-8''%E4%B8%AD.mp4`; null when it cannot be decoded. */
function decodeExtendedValue(value: string): string | null {
  const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value);
  if (!match || !/^utf-?8$/i.test(match[1])) return null;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return null;
  }
}

/** The file name a browser meant: `filename*` first, HTML's `%22 %0D %0A` escapes undone, base name only. */
export function partFileName(params: Record<string, string>): string | undefined {
  const extended = params["filename*"] !== undefined ? decodeExtendedValue(params["filename*"]) : null;
  const raw =
    extended ??
    params.filename?.replace(/%(22|0D|0A)/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (raw === undefined) return undefined;
  // Only the base name, as RFC 7578 recommends (and as Remix did): never a client's path.
  return raw.split(/[/\\]/).pop() ?? "";
}

/** Reads a web stream into one growing buffer, a chunk at a time. */
class BodyReader {
  buffer: Buffer = Buffer.alloc(0);
  private ended = false;

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** Appends the next chunk; false at the end of the body. */
  async more(): Promise<boolean> {
    if (this.ended) return false;
    const { value, done } = await this.reader.read();
    if (done) {
      this.ended = true;
      return false;
    }
    const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    return true;
  }

  /** Makes at least `count` bytes available; false when the body ends first. */
  async ensure(count: number): Promise<boolean> {
    while (this.buffer.length < count) if (!(await this.more())) return false;
    return true;
  }

  skip(count: number) {
    this.buffer = this.buffer.subarray(count);
  }

  /**
   * Reads what follows the closing boundary (the epilogue, usually one CRLF) so the request is
   * consumed to its end: cancelling a body the client is still sending resets the connection and
   * the client never sees the answer. At most `limit` bytes; false when there was more.
   */
  async drain(limit: number): Promise<boolean> {
    let read = this.buffer.length;
    this.buffer = Buffer.alloc(0);
    while (read <= limit && (await this.more())) {
      read += this.buffer.length;
      this.buffer = Buffer.alloc(0);
    }
    return read <= limit;
  }

  get done() {
    return this.ended;
  }

  cancel() {
    void this.reader.cancel().catch(() => {});
  }
}

function parsePartHeaders(block: Buffer): { name: string; filename?: string; contentType: string } {
  let disposition: ReturnType<typeof parseHeaderParams> | null = null;
  let contentType = "";
  // Browsers send file names as raw UTF-8.
  for (const line of new TextDecoder().decode(block).split("\r\n")) {
    if (!line) continue;
    const colon = line.indexOf(":");
    if (colon < 0) throw new MultipartError("part header without a colon");
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === "content-disposition") disposition = parseHeaderParams(value);
    else if (header === "content-type") contentType = value;
  }
  if (!disposition || disposition.value !== "form-data" || disposition.params.name === undefined)
    throw new MultipartError("part without Content-Disposition: form-data; name=…");
  return {
    name: disposition.params.name,
    filename: partFileName(disposition.params),
    contentType: contentType || "text/plain",
  };
}

/** The boundary of a multipart/form-data request, or null when the Content-Type is another one. */
export function multipartBoundary(contentType: string | null): string | null {
  const { value, params } = parseHeaderParams(contentType ?? "");
  if (value !== "multipart/form-data") return null;
  const boundary = params.boundary;
  return boundary && boundary.length <= 70 ? boundary : null;
}

/** A part's bytes up to the next delimiter, streamed: only a delimiter's length is held back. */
function partBody(reader: BodyReader, delimiter: Buffer) {
  let finished = false;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = reader.buffer.indexOf(delimiter);
      if (at >= 0) {
        const last = reader.buffer.subarray(0, at);
        reader.skip(at + delimiter.length);
        finished = true;
        if (last.length) yield last;
        return;
      }
      // Keep what could be the start of a delimiter; hand the rest on.
      const safe = reader.buffer.length - (delimiter.length - 1);
      if (safe > 0) {
        const chunk = reader.buffer.subarray(0, safe);
        reader.skip(safe);
        yield chunk;
      }
      if (!(await reader.more())) throw new MultipartError("the body ends inside a part");
    }
  }
  return { chunks: chunks(), finished: () => finished };
}

async function readParts(body: ReadableStream<Uint8Array>, boundary: string, handler: UploadHandler) {
  const form = new FormData();
  const reader = new BodyReader(body.getReader());
  // Every delimiter, the first included, is found as CRLF "--" boundary: the body may open with it.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  reader.buffer = Buffer.from(CRLF);
  try {
    // The preamble is ignored.
    for (;;) {
      const at = reader.buffer.indexOf(delimiter);
      if (at >= 0) {
        reader.skip(at + delimiter.length);
        break;
      }
      reader.skip(Math.max(0, reader.buffer.length - delimiter.length));
      if (!(await reader.more())) throw new MultipartError("no boundary in the body");
    }
    for (let count = 0; ; count += 1) {
      if (!(await reader.ensure(2))) throw new MultipartError("the body ends after a boundary");
      // "--": the last one. What follows it is read (a little of it at most) before answering.
      if (reader.buffer[0] === 0x2d && reader.buffer[1] === 0x2d) {
        await reader.drain(MAX_HEADER_BYTES);
        return form;
      }
      // Transport padding, then the CRLF that ends the boundary line.
      while (reader.buffer[0] === 0x20 || reader.buffer[0] === 0x09) {
        reader.skip(1);
        if (!(await reader.ensure(2))) throw new MultipartError("the body ends after a boundary");
      }
      if (!reader.buffer.subarray(0, 2).equals(CRLF)) throw new MultipartError("garbage after a boundary");
      if (count >= MAX_PARTS) throw new MultipartError("too many parts");
      let headerEnd = reader.buffer.indexOf(HEADER_END);
      while (headerEnd < 0) {
        if (reader.buffer.length > MAX_HEADER_BYTES) throw new MultipartError("part headers too long");
        if (!(await reader.more())) throw new MultipartError("the body ends inside part headers");
        headerEnd = reader.buffer.indexOf(HEADER_END);
      }
      const headers = parsePartHeaders(reader.buffer.subarray(2, headerEnd));
      reader.skip(headerEnd + HEADER_END.length);

      const part = partBody(reader, delimiter);
      // A handler that stops early (a write that failed, a limit) closes only its own view: the
      // parser still reads past the rest of the part through the same generator.
      const data: AsyncIterable<Uint8Array> = {
        [Symbol.asyncIterator]: () => ({
          next: () => part.chunks.next(),
          return: async () => ({ done: true as const, value: undefined }),
        }),
      };
      const value = await handler({ ...headers, data });
      // Read past whatever the handler left of this part.
      while (!(await part.chunks.next()).done) continue;
      if (!part.finished()) throw new MultipartError("the body ends inside a part");
      if (value !== undefined && value !== null) form.append(headers.name, value);
    }
  } finally {
    if (!reader.done) reader.cancel();
  }
}

/**
 * Drop-in for Remix's `unstable_parseMultipartFormData`: runs `handler` on each part in order and
 * collects what it returns. A body that is not multipart/form-data is answered 400 (thrown).
 */
export async function parseMultipartFormData(request: Request, handler: UploadHandler): Promise<FormData> {
  const boundary = multipartBoundary(request.headers.get("Content-Type"));
  if (!boundary || !request.body)
    throw apiError(
      request,
      400,
      "bad_multipart",
      "上传请求格式不正确：需要 multipart/form-data 及其 boundary。",
      { params: { context: "boundary" } },
    );
  try {
    return await readParts(request.body, boundary, handler);
  } catch (error) {
    if (error instanceof MultipartError)
      throw apiError(request, 400, "bad_multipart", "上传内容格式不正确或不完整，请重新选择文件上传。");
    throw error;
  }
}
