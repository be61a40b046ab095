import { useNavigation, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";

/**
 * Reloads the page's data, unless a navigation or a reload is already under way. The router
 * restarts a pending navigation and cancels a pending reload when asked to reload, so a page that
 * polls faster than its loaders answer (a busy server, a slow phone network) would otherwise never
 * finish its own reload, nor let the user leave the page.
 */
export function useIdleRevalidate(): () => void {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const latest = useRef({ revalidator, navigation });
  latest.current = { revalidator, navigation };
  return useCallback(() => {
    const { revalidator, navigation } = latest.current;
    if (navigation.state === "idle" && revalidator.state === "idle") revalidator.revalidate();
  }, []);
}

/** Reloads the page's data every `everyMs` while `active` (a render or a check running), when idle. */
export function useRevalidateWhile(active: boolean, everyMs: number): void {
  const revalidate = useIdleRevalidate();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(revalidate, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, revalidate]);
}
