import { Anchor } from "@mantine/core";
import { livestreamDictionary, type LivestreamLang } from "./livestream-i18n";

/**
 * What a screen says once the server has ended its stream for good (session gone or no longer
 * allowed), with the way back: sign in again and return to this screen.
 */
export function StreamClosedNotice({ lang }: { lang: LivestreamLang }) {
  const t = livestreamDictionary(lang);
  // Only ever shown after a stream event, so in the browser.
  const back =
    typeof window === "undefined" ? "" : `?redirectTo=${encodeURIComponent(window.location.pathname)}`;
  return (
    <>
      {t.closed}{" "}
      <Anchor href={`/login${back}`} c="inherit" fw={700} underline="always">
        {t.signInAgain}
      </Anchor>
    </>
  );
}
