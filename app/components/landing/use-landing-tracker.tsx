import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import type { Attribution } from "~/modules/tracking/attribution";
import { createTracker, type Tracker } from "./tracker";
import type { TrackedEventType } from "./tracker-core";

interface LandingTracking {
  track: (type: TrackedEventType, options?: { now?: boolean }) => void;
  trackOnce: (type: TrackedEventType) => void;
  /** A ref callback for the page's <video>: reports its play, quartiles and completion. */
  videoRef: (video: HTMLVideoElement | null) => void;
}

const noop: LandingTracking = { track: () => {}, trackOnce: () => {}, videoRef: () => {} };
const TrackingContext = createContext<LandingTracking>(noop);

/**
 * One tracker per page view, made in the browser only (after hydration: the server renders the
 * same markup with nothing attached), which sends the page view at once.
 */
export function LandingTrackingProvider(props: {
  slug: string;
  attribution: Attribution;
  children: ReactNode;
}) {
  const { slug, attribution } = props;
  const tracker = useRef<Tracker | null>(null);
  const pendingVideo = useRef<HTMLVideoElement | null>(null);
  const detachVideo = useRef<(() => void) | null>(null);

  useEffect(() => {
    const made = createTracker({
      slug,
      source: attribution.source,
      utmSource: attribution.utmSource,
      utmMedium: attribution.utmMedium,
      utmCampaign: attribution.utmCampaign,
    });
    tracker.current = made;
    made.track("page_view");
    if (pendingVideo.current) detachVideo.current = made.watchVideo(pendingVideo.current);
    return () => {
      detachVideo.current?.();
      detachVideo.current = null;
      made.dispose();
      tracker.current = null;
    };
  }, [slug, attribution.source, attribution.utmSource, attribution.utmMedium, attribution.utmCampaign]);

  const value = useMemo<LandingTracking>(
    () => ({
      track: (type, options) => tracker.current?.track(type, options),
      trackOnce: (type) => tracker.current?.trackOnce(type),
      videoRef: (video) => {
        detachVideo.current?.();
        detachVideo.current = null;
        pendingVideo.current = video;
        if (video && tracker.current) detachVideo.current = tracker.current.watchVideo(video);
      },
    }),
    [],
  );
  return <TrackingContext.Provider value={value}>{props.children}</TrackingContext.Provider>;
}

export function useLandingTracking(): LandingTracking {
  return useContext(TrackingContext);
}
