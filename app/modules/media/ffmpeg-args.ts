/** Pure descriptions of ffmpeg invocations, shared by the runner, the graph builder and tests. */

export interface FfmpegInput {
  source: string;
  /** Options placed before `-i` (e.g. `-ss`, `-t`, `-loop`, `-f lavfi`). */
  options?: string[];
}

export interface FfmpegOutput {
  target: string;
  options?: string[];
}

export interface FfmpegInvocation {
  inputs: FfmpegInput[];
  complexFilter?: string;
  outputs: FfmpegOutput[];
  /** Working directory of the process: lets filter graphs use short relative file names. */
  cwd?: string;
}

/**
 * Demuxers an uploaded file may be read with: the containers and image/audio formats we accept.
 * Playlists (HLS), concat lists and every other demuxer that opens further files or URLs are not
 * on it.
 */
export const UPLOAD_DEMUXERS = ["mov", "matroska", "image2", "jpeg_pipe", "png_pipe", "mp3", "wav", "aac"];

/**
 * Options placed before `-i` (or ffprobe's file) for every file that came from a user: local files
 * only (no network or other protocols) and only the demuxers above.
 */
export const UPLOADED_FILE_INPUT_OPTIONS = [
  "-protocol_whitelist",
  "file",
  "-format_whitelist",
  UPLOAD_DEMUXERS.join(","),
];

/** Flat argument list, for logs and for callers that spawn ffmpeg directly (benchmarks). */
export function invocationToArgs(inv: FfmpegInvocation): string[] {
  const args: string[] = ["-hide_banner", "-y"];
  for (const input of inv.inputs) args.push(...(input.options ?? []), "-i", input.source);
  if (inv.complexFilter) args.push("-filter_complex", inv.complexFilter);
  for (const output of inv.outputs) args.push(...(output.options ?? []), output.target);
  return args;
}

/** `HH:MM:SS.cc` → seconds; NaN for anything ffmpeg prints before the first frame (`N/A`). */
export function parseTimemark(timemark: string | undefined): number {
  if (!timemark) return Number.NaN;
  const match = /^(-)?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(timemark.trim());
  if (!match) return Number.NaN;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
  return match[1] ? -seconds : seconds;
}

export interface FfmpegCapabilities {
  ok: boolean;
  libx264: boolean;
  libass: boolean;
  /** What is missing, for the start-up log. */
  missing: string[];
}

/** Parses `ffmpeg -encoders` / `-filters` listings; pure so the parser is testable with fixtures. */
export function parseCapabilities(encodersListing: string, filtersListing: string): FfmpegCapabilities {
  const libx264 = /^\s*V\S*\s+libx264\s/m.test(encodersListing);
  const libass = /^\s*\S*\s+(ass|subtitles)\s/m.test(filtersListing);
  const missing = [...(libx264 ? [] : ["libx264"]), ...(libass ? [] : ["libass"])];
  return { ok: missing.length === 0, libx264, libass, missing };
}
