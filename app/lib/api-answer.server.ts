import { createReadStream, existsSync } from "node:fs";
import { createReadableStreamFromReadable, json } from "@remix-run/node";
import type { z } from "zod";
import { failureResponse, notFound, parseJsonBody } from "./forms.server";
import type { Result } from "./result";

/**
 * The answers the API and the resource routes share, built on the API helpers (`parseJsonBody`,
 * `failureResponse`, `notFound`): a route still asks `requireMethod` and `requireActor` itself,
 * then hands its parsed ids and its one use case to one of these.
 */

type Done<R> = Extract<R, { ok: true }>;

interface AnswerOptions {
  /** The success's status (201 created, 202 queued); 200 when absent. */
  status?: number;
  /**
   * Throw the failure's answer instead of returning it. Remix marks a thrown answer
   * (`X-Remix-Catch`), so a route keeps the way it has always answered.
   */
  throwFailure?: boolean;
}

/**
 * A use case's `Result` as the API's answer: a failure as `{error: {code, message}}` in the
 * caller's language, a success as `json(body(done))`.
 */
export function answerJson<R extends Result<object>>(
  request: Request,
  result: R,
  body: (done: Done<R>) => unknown,
  options: AnswerOptions = {},
): Response {
  if (!result.ok) {
    const failure = failureResponse(request, result);
    if (options.throwFailure) throw failure;
    return failure;
  }
  return json(body(result as Done<R>), options.status ? { status: options.status } : undefined);
}

/**
 * An API write in one call: reads the JSON body against `schema` (415, 413 and 400 as
 * `parseJsonBody`; with `empty`, a missing body stands for that value), runs the use case on it
 * and answers its `Result` with `answerJson`.
 */
export async function writeJson<S extends z.ZodType, R extends Result<object>>(
  request: Request,
  schema: S,
  run: (input: z.infer<S>) => R | Promise<R>,
  body: (done: Done<R>) => unknown,
  options: AnswerOptions & { empty?: unknown } = {},
): Promise<Response> {
  const input = await parseJsonBody(request, schema, { empty: options.empty });
  return answerJson(request, await run(input), body, options);
}

/**
 * A loader's answer for one thing: `json(body(value))` (the value itself by default), or the 404
 * of `errors.not_found_<context>` in the caller's language when it is missing.
 */
export function foundJson<T>(
  request: Request,
  value: T | null | undefined,
  context: string,
  body: (found: T) => unknown = (found) => found,
): Response {
  if (!value) throw notFound(request, context);
  return json(body(value));
}

/**
 * A file made in the request (a print PDF, a ZIP) as a download named by the use case, or its
 * failure thrown as the API's error.
 */
export function download<R extends Result<{ name: string }>>(
  request: Request,
  result: R,
  contentType: string,
  bytes: (done: Done<R>) => Uint8Array,
): Response {
  if (!result.ok) throw failureResponse(request, result);
  const done = result as Done<R>;
  return new Response(Buffer.from(bytes(done)), {
    headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${done.name}"` },
  });
}

/**
 * A stored file streamed from disk with `headers`; the 404 of `errors.not_found_<context>` when
 * its row exists but the file is gone.
 */
export function streamFile(
  request: Request,
  path: string,
  context: string,
  headers: Record<string, string>,
): Response {
  if (!existsSync(path)) throw notFound(request, context);
  return new Response(createReadableStreamFromReadable(createReadStream(path)), { headers });
}
