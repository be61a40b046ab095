// The server's cap on request bodies, in front of every route: form and JSON bodies (anything but
// multipart) may be at most 1 MiB. Multipart bodies are uploads, which their routes stream to disk
// with their own limits (footage, images), so they pass untouched.

export const MAX_BODY_BYTES = 1024 * 1024;

const MESSAGE = "请求体过大：表单和 JSON 最多 1 MB。";

/** 413 with the reason, as the API's error object or as plain text, and the connection closed. */
function refuse(req, res) {
  if (res.headersSent) return;
  const api = (req.originalUrl ?? req.url ?? "").startsWith("/api/");
  const body = api ? JSON.stringify({ error: { code: "payload_too_large", message: MESSAGE } }) : MESSAGE;
  res.writeHead(413, {
    "Content-Type": api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    Connection: "close",
  });
  res.end(body);
}

/**
 * Express middleware. A declared Content-Length over the cap is answered 413 before a byte is
 * read. A body without one (chunked) is counted as it streams: at the cap the client gets 413 and
 * the stream is failed, so the route reading it sees an error, never the body.
 *
 * @param {{ maxBytes?: number }} [options]
 * @returns {(req: import("node:http").IncomingMessage & { originalUrl?: string }, res: import("node:http").ServerResponse, next: () => void) => void}
 */
export function bodySizeLimit(options = {}) {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const type = String(req.headers["content-type"] ?? "").toLowerCase();
    if (type.startsWith("multipart/form-data")) return next();
    const declared = req.headers["content-length"];
    if (declared !== undefined) {
      // Node has already refused a malformed or doubled Content-Length; the body cannot outgrow it.
      if (Number(declared) > maxBytes) return refuse(req, res);
      return next();
    }
    let seen = 0;
    const count = (chunk) => {
      seen += chunk.length;
      if (seen <= maxBytes) return;
      req.off("data", count);
      refuse(req, res);
      // Fail the route's reader now, before the body could end: it must never act on this body.
      // (Destroying the request would also drop the socket before the 413 is flushed; the
      // response's Connection: close ends it once sent.)
      const error = Object.assign(new Error(MESSAGE), { status: 413, code: "payload_too_large" });
      if (req.listenerCount("error") > 0) req.emit("error", error);
      req.resume(); // drain and drop the rest until the connection closes
      // The route may still try to answer: make its late writes no-ops instead of a crash.
      res.setHeader = () => res;
      res.writeHead = () => res;
      res.write = () => true;
      res.end = () => res;
    };
    // Counting must not start the flow: the route's reader resumes the stream when it reads.
    req.pause();
    req.on("data", count);
    next();
  };
}

/**
 * Reads a whole request body of at most `maxBytes` straight from node:http (the event-beacon fast
 * path, which runs before the middleware above). Resolves the bytes, or null when the body is
 * bigger: a declared Content-Length over the cap before a byte is read, a longer stream as soon as
 * it passes the cap (what follows is dropped as it arrives). After a null the caller answers 413
 * with `Connection: close`, which ends the upload once the answer is sent.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {number} maxBytes
 * @returns {Promise<Buffer | null>}
 */
export function readBodyWithin(req, maxBytes) {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk) => {
      if (over) return;
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      over = true;
      chunks.length = 0;
      resolve(null);
    });
    req.on("end", () => {
      if (!over) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    });
    req.on("error", reject);
  });
}
