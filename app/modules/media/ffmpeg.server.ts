import { settings } from "~/lib/env.server";
import { createRequire } from "node:module";
import ffmpeg from "fluent-ffmpeg";

/**
 * The only module that touches fluent-ffmpeg. Everything else describes an invocation as data
 * (`FfmpegInvocation`) so graphs and arguments stay testable without spawning anything.
 */

import {
  invocationToArgs,
  parseCapabilities,
  parseTimemark,
  type FfmpegCapabilities,
  type FfmpegInvocation,
} from "./ffmpeg-args";

export * from "./ffmpeg-args";

const require = createRequire(import.meta.url);

export interface MediaLogger {
  info: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
}

export const silentLogger: MediaLogger = { info: () => {}, error: () => {} };

export interface FfmpegProgress {
  /** Seconds of output already written, parsed from ffmpeg's `time=` field. */
  outSeconds: number;
}

export type FfmpegRunResult =
  | { ok: true; stderrTail: string; args: string[] }
  | { ok: false; code: "aborted" | "ffmpeg_failed"; message: string; args: string[]; stderrTail: string };

let cachedFfmpegPath: string | undefined;
let cachedFfprobePath: string | undefined;

/** FFMPEG_PATH wins so operators can swap in a system build without touching the code. */
export function ffmpegPath(): string {
  const configured = settings().ffmpegPath;
  if (configured) return configured;
  cachedFfmpegPath ??= (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  return cachedFfmpegPath;
}

export function ffprobePath(): string {
  const configured = settings().ffprobePath;
  if (configured) return configured;
  cachedFfprobePath ??= (require("@ffprobe-installer/ffprobe") as { path: string }).path;
  return cachedFfprobePath;
}

function tail(text: string, maxChars = 4000): string {
  return text.length > maxChars ? text.slice(text.length - maxChars) : text;
}

export interface RunFfmpegOptions {
  invocation: FfmpegInvocation;
  signal?: AbortSignal;
  logger?: MediaLogger;
  onProgress?: (progress: FfmpegProgress) => void;
}

export function runFfmpeg({
  invocation,
  signal,
  logger = silentLogger,
  onProgress,
}: RunFfmpegOptions): Promise<FfmpegRunResult> {
  const args = invocationToArgs(invocation);
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ ok: false, code: "aborted", message: "cancelled before start", args, stderrTail: "" });
      return;
    }
    const command = ffmpeg({ cwd: invocation.cwd, stdoutLines: 200 });
    command.setFfmpegPath(ffmpegPath());
    for (const input of invocation.inputs) {
      command.input(input.source);
      if (input.options?.length) command.inputOptions(input.options);
    }
    if (invocation.complexFilter) command.complexFilter(invocation.complexFilter);
    for (const output of invocation.outputs) {
      command.output(output.target);
      if (output.options?.length) command.outputOptions(output.options);
    }

    let settled = false;
    const onAbort = () => command.kill("SIGKILL");
    const finish = (result: FfmpegRunResult) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    signal?.addEventListener("abort", onAbort, { once: true });

    command.on("start", (commandLine: string) => logger.info({ args, commandLine }, "ffmpeg start"));
    command.on("progress", (p) => {
      const outSeconds = parseTimemark(p.timemark);
      if (onProgress && Number.isFinite(outSeconds)) onProgress({ outSeconds });
    });
    command.on("error", (err: Error, _stdout: string | null, stderr: string | null) => {
      const stderrTail = tail(stderr ?? "");
      if (signal?.aborted) {
        finish({ ok: false, code: "aborted", message: "cancelled", args, stderrTail });
        return;
      }
      logger.error({ args, stderrTail, err: err.message }, "ffmpeg failed");
      finish({ ok: false, code: "ffmpeg_failed", message: err.message, args, stderrTail });
    });
    command.on("end", (_stdout: string | null, stderr: string | null) =>
      finish({ ok: true, args, stderrTail: tail(stderr ?? "") }),
    );
    command.run();
  });
}

/** Runs a binary to completion and returns stdout; used for the capability listings and ffprobe. */
export async function runBinary(
  binary: string,
  args: string[],
  signal?: AbortSignal,
): Promise<{ code: number | null; stdout: string; stdoutBytes: Buffer; stderr: string }> {
  const { spawn } = await import("node:child_process");
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      if ((error as NodeJS.ErrnoException).name === "AbortError")
        resolve({ code: null, stdout: "", stdoutBytes: Buffer.alloc(0), stderr: "aborted" });
      else reject(error);
    });
    child.on("close", (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({
        code,
        stdout: stdoutBytes.toString("utf8"),
        stdoutBytes,
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}

export async function checkFfmpegCapabilities(): Promise<FfmpegCapabilities> {
  const [encoders, filters] = await Promise.all([
    runBinary(ffmpegPath(), ["-hide_banner", "-encoders"]),
    runBinary(ffmpegPath(), ["-hide_banner", "-filters"]),
  ]);
  return parseCapabilities(encoders.stdout, filters.stdout);
}
