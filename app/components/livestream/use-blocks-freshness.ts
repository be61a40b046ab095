import { useEffect, useRef } from "react";
import type { ShowState } from "~/modules/livestream/show-state";

/** Tells the page to reload its blocks when the state says they may be outdated (once per cause). */
export function useBlocksFreshness(
  state: ShowState | null,
  blockCount: number,
  onBlocksStale?: () => void,
): void {
  const previousStatus = useRef(state?.status);
  const reported = useRef<string | null>(null);
  const status = state?.status;
  const stateBlockCount = state?.blockCount;
  useEffect(() => {
    const wentLive = previousStatus.current === "idle" && status !== undefined && status !== "idle";
    previousStatus.current = status;
    if (!onBlocksStale || stateBlockCount === undefined) return;
    const cause = wentLive
      ? `live:${stateBlockCount}`
      : stateBlockCount !== blockCount
        ? `count:${stateBlockCount}:${blockCount}`
        : null;
    // The same cause is reported once, so a reload that does not fix it cannot loop.
    if (cause && cause !== reported.current) {
      reported.current = cause;
      onBlocksStale();
    }
  }, [status, stateBlockCount, blockCount, onBlocksStale]);
}
