import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { SCAN_TEXT_MAX, type Finding } from "~/modules/compliance/compliance-types";
import { chunkText, joinParts, rebaseFindings, splitFindings } from "./finding-offsets";

export const SCAN_URL = "/api/v1/compliance/scan";

/**
 * - `idle`: nothing scanned yet (or scanning is off);
 * - `checking`: the text changed since the last answer (waiting out the pause, or asking);
 * - `ready`: the findings belong to the text as it is;
 * - `error`: the last request failed (the previous findings are kept, carried over to the text);
 * - `unavailable`: this user may not scan (403); nothing more is asked.
 */
export type ScanStatus = "idle" | "checking" | "ready" | "error" | "unavailable";

export interface ComplianceScan {
  /** Findings with offsets into the text as it is now (a newer edit's offsets carried over). */
  findings: Finding[];
  status: ScanStatus;
}

interface ScanAnswer {
  text: string;
  findings: Finding[];
}

class ScanRefused extends Error {
  constructor(readonly status: number) {
    super(`scan refused (${status})`);
  }
}

/** One request per piece of at most SCAN_TEXT_MAX characters, offsets joined back into the text. */
async function requestScan(text: string, signal: AbortSignal): Promise<ScanAnswer> {
  const answers = await Promise.all(
    chunkText(text, SCAN_TEXT_MAX).map(async (chunk) => {
      const response = await fetch(SCAN_URL, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ text: chunk.text }),
        credentials: "same-origin",
        signal,
      });
      if (!response.ok) throw new ScanRefused(response.status);
      const body = (await response.json()) as { findings?: Finding[] };
      if (!Array.isArray(body.findings)) throw new ScanRefused(response.status);
      return {
        findings: body.findings.map((f) => ({
          ...f,
          start: f.start + chunk.offset,
          end: f.end + chunk.offset,
        })),
      };
    }),
  );
  return {
    text,
    findings: answers.flatMap((a) => a.findings),
  };
}

// Whether an input method is composing anywhere on the page: half-typed pinyin is not scanned.
let composing = false;
const composingListeners = new Set<() => void>();
function subscribeComposing(listener: () => void): () => void {
  if (composingListeners.size === 0) {
    document.addEventListener("compositionstart", onCompositionStart, true);
    document.addEventListener("compositionend", onCompositionEnd, true);
  }
  composingListeners.add(listener);
  return () => {
    composingListeners.delete(listener);
    if (composingListeners.size === 0) {
      document.removeEventListener("compositionstart", onCompositionStart, true);
      document.removeEventListener("compositionend", onCompositionEnd, true);
      composing = false;
    }
  };
}
function setComposing(value: boolean) {
  composing = value;
  for (const listener of composingListeners) listener();
}
function onCompositionStart() {
  setComposing(true);
}
function onCompositionEnd() {
  setComposing(false);
}

/**
 * Scans `text` against the term library while the user types: after `debounceMs` without a
 * change (and not while an input method is composing), one request, the previous one aborted.
 * An answer for text that has changed since is ignored; the last good answer is kept and its
 * findings are carried over to the current text until the next one arrives.
 */
export function useComplianceScan(
  text: string,
  { debounceMs = 400, enabled = true }: { debounceMs?: number; enabled?: boolean } = {},
): ComplianceScan {
  const [answer, setAnswer] = useState<ScanAnswer | null>(null);
  const [failed, setFailed] = useState<"error" | "unavailable" | null>(null);
  const isComposing = useSyncExternalStore(
    subscribeComposing,
    () => composing,
    () => false,
  );
  const latest = useRef(text);
  latest.current = text;
  const answered = answer?.text;
  const unavailable = failed === "unavailable";

  useEffect(() => {
    if (!enabled || unavailable || isComposing || answered === text) return;
    const controller = new AbortController();
    const run = async () => {
      try {
        const next = text.trim() === "" ? { text, findings: [] } : await requestScan(text, controller.signal);
        if (latest.current !== text) return;
        setAnswer(next);
        setFailed(null);
      } catch (error) {
        if (controller.signal.aborted || latest.current !== text) return;
        setFailed(error instanceof ScanRefused && error.status === 403 ? "unavailable" : "error");
      }
    };
    // The first scan of a field goes at once; later ones wait for a pause in the typing.
    const timer = setTimeout(() => void run(), answered === undefined ? 0 : debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, enabled, unavailable, isComposing, answered, debounceMs]);

  const findings = useMemo(
    () => (answer ? rebaseFindings(answer.findings, answer.text, text) : []),
    [answer, text],
  );
  const status: ScanStatus = !enabled
    ? "idle"
    : unavailable
      ? "unavailable"
      : answered === text
        ? "ready"
        : failed === "error"
          ? "error"
          : "checking";
  return { findings, status };
}

/**
 * One scan for the fields of one editor (a script's lines): the fields joined by a blank line,
 * the findings cut back into each field with offsets into that field.
 */
export function useComplianceScanParts(
  parts: readonly string[],
  options?: { debounceMs?: number; enabled?: boolean },
): { findingsByPart: Finding[][]; status: ScanStatus } {
  const joined = joinParts(parts);
  const scan = useComplianceScan(joined, options);
  const key = `${parts.map((p) => p.length).join(",")}:${joined}`;
  const findingsByPart = useMemo(
    () => splitFindings(scan.findings, parts),
    // `key` stands for the parts' contents; a new array with the same texts changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scan.findings, key],
  );
  return { findingsByPart, status: scan.status };
}
