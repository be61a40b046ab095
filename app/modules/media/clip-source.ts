import type { MediaProbe } from "./probe-media.server";
import type { ClipSource } from "./render-plan";

/** Bridges a stored probe (from validation) to the planner's input. */
export function clipSourceFromProbe({
  id,
  path,
  probe,
  startSeconds,
  stillSeconds,
}: {
  id: string;
  path: string;
  probe: MediaProbe;
  startSeconds?: number;
  stillSeconds?: number;
}): ClipSource {
  return {
    id,
    path,
    kind: probe.isStillImage ? "image" : "video",
    durationSeconds: probe.durationSeconds,
    width: probe.video?.width ?? 0,
    height: probe.video?.height ?? 0,
    sar: probe.video?.sar ?? 1,
    hasAudio: probe.hasAudio,
    startSeconds,
    stillSeconds,
  };
}
