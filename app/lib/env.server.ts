import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_STUDIO_TIME_ZONE, isValidTimeZone } from "./dates";

const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

/**
 * Every setting the studio reads from its environment, checked in one place. Modules ask
 * `settings()` instead of reading `process.env`, so a misspelt number fails loudly here and the
 * README's configuration table has one counterpart in code. Read on each call (it is cheap):
 * tests and scripts change the environment between studios.
 */
const settingsSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_BASE_URL: optionalText,
  RENDER_PRESET: optionalText,
  MAX_UPLOAD_BYTES: z.preprocess(
    (value) => (typeof value === "string" && value.trim() ? value.trim() : undefined),
    z.coerce.number().int().positive().optional(),
  ),
  FFMPEG_PATH: optionalText,
  FFPROBE_PATH: optionalText,
  TRUST_PROXY: optionalText,
  WEBHOOK_ALLOW_PRIVATE_HOSTS: optionalText,
  APPROVAL_EDIT_RETURNS_TO: z.enum(["draft", "in_review"]).default("draft"),
});

export interface Settings {
  port: number;
  /** Base of printed and shared links (QR codes, tracked links); unset → the request's origin. */
  publicBaseUrl: string | undefined;
  /** x264 preset of episode renders; unset → the documented default. */
  renderPreset: string | undefined;
  /** Largest footage upload; unset → the module's default. */
  maxUploadBytes: number | undefined;
  ffmpegPath: string | undefined;
  ffprobePath: string | undefined;
  trustProxy: string | undefined;
  /** Private hosts outbound webhooks may reach (comma-separated), e.g. a CRM on the LAN. */
  webhookAllowPrivateHosts: string | undefined;
  /** Where an approved or scheduled piece goes when someone edits it: a fresh draft, or review. */
  approvalEditReturnsTo: "draft" | "in_review";
}

export function settings(env: Record<string, string | undefined> = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid setting ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const value = parsed.data;
  return {
    port: value.PORT,
    publicBaseUrl: value.PUBLIC_BASE_URL,
    renderPreset: value.RENDER_PRESET,
    maxUploadBytes: value.MAX_UPLOAD_BYTES,
    ffmpegPath: value.FFMPEG_PATH,
    ffprobePath: value.FFPROBE_PATH,
    trustProxy: value.TRUST_PROXY,
    webhookAllowPrivateHosts: value.WEBHOOK_ALLOW_PRIVATE_HOSTS,
    approvalEditReturnsTo: value.APPROVAL_EDIT_RETURNS_TO,
  };
}

/** npm scripts and the server run from the project root; everything else resolves from it. */
export function projectRoot(): string {
  return process.env.STUDIO_ROOT ?? process.cwd();
}

export function resolveDataDir(dataDir = process.env.DATA_DIR): string {
  return path.resolve(projectRoot(), dataDir ?? "data");
}

/**
 * Reads a secret from the environment, or from a file in the data directory that is generated
 * (mode 0600) on first use, so a fresh clone starts without any configuration.
 */
export function loadOrCreateSecret(options: { dataDir: string; envName: string; fileName: string }): Buffer {
  const fromEnv = process.env[options.envName];
  if (fromEnv) {
    return /^[0-9a-f]{64}$/i.test(fromEnv)
      ? Buffer.from(fromEnv, "hex")
      : crypto.createHash("sha256").update(fromEnv).digest();
  }
  const file = path.join(options.dataDir, options.fileName);
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
  fs.mkdirSync(options.dataDir, { recursive: true });
  const secret = crypto.randomBytes(32);
  fs.writeFileSync(file, secret.toString("hex") + "\n", { mode: 0o600, flag: "wx" });
  return secret;
}

export interface StudioConfig {
  dataDir: string;
  timeZone: string;
  sessionSecret: Buffer;
  dataKey: Buffer;
  workerConcurrency: number;
  /** Beacons one address may send to POST /api/v1/events a minute (EVENT_RATE_LIMIT, default 240). */
  eventRateLimit: number;
  secureCookies: boolean;
}

/** The zone every wall clock is shown and read in; a misspelt zone stops the start, not a page. */
function studioTimeZone(): string {
  const zone = process.env.STUDIO_TIME_ZONE || DEFAULT_STUDIO_TIME_ZONE;
  if (!isValidTimeZone(zone))
    throw new Error(
      `STUDIO_TIME_ZONE=${zone} is not an IANA time zone (for example ${DEFAULT_STUDIO_TIME_ZONE})`,
    );
  return zone;
}

export function loadConfig(dataDir = resolveDataDir()): StudioConfig {
  return {
    dataDir,
    timeZone: studioTimeZone(),
    sessionSecret: loadOrCreateSecret({ dataDir, envName: "SESSION_SECRET", fileName: "session-secret" }),
    dataKey: loadOrCreateSecret({ dataDir, envName: "DATA_KEY", fileName: "data-key" }),
    workerConcurrency: Math.max(1, Number(process.env.WORKER_CONCURRENCY ?? 1) || 1),
    eventRateLimit: Math.max(1, Number(process.env.EVENT_RATE_LIMIT ?? 240) || 240),
    secureCookies: process.env.SECURE_COOKIES === "1",
  };
}
