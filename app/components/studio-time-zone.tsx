import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";

/**
 * The studio's time zone for components: the root loader reads it from the server's config and
 * the root document provides it, so server and browser render the same wall clock.
 */
const StudioTimeZoneContext = createContext(DEFAULT_STUDIO_TIME_ZONE);

export function StudioTimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <StudioTimeZoneContext.Provider value={timeZone}>{children}</StudioTimeZoneContext.Provider>;
}

/** The zone to pass to `formatDateTime`, `toWallClockInput` and the rest of `~/lib/dates`. */
export function useStudioTimeZone(): string {
  return useContext(StudioTimeZoneContext);
}
