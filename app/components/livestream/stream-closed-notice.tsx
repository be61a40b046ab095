import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * What a screen says once the server has ended its stream for good (session gone or no longer
 * allowed), with the way back: sign in again and return to this screen.
 */
export function StreamClosedNotice() {
  const { t } = useTranslation();
  // Only ever shown after a stream event, so in the browser.
  const back =
    typeof window === "undefined" ? "" : `?redirectTo=${encodeURIComponent(window.location.pathname)}`;
  return (
    <>
      {t("livestream.screen.closed")}{" "}
      <Anchor href={`/login${back}`} c="inherit" fw={700} underline="always">
        {t("livestream.screen.signInAgain")}
      </Anchor>
    </>
  );
}
