import { useRevalidator } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { showCommandSender } from "./show-command-client";

/**
 * The routes and command sender that the teleprompter and the console share for one show. A
 * screen that may not drive the show gets no sender.
 */
export function useShowScreenProps(showId: number, canDrive: boolean) {
  const { t } = useTranslation();
  const base = `/livestreams/${showId}`;
  const revalidator = useRevalidator();
  const onBlocksStale = useCallback(() => revalidator.revalidate(), [revalidator]);
  const onCommand = useMemo(
    () => (canDrive ? showCommandSender(`${base}/command`, { failed: t("common.errorTitle") }) : undefined),
    [canDrive, base, t],
  );
  return {
    eventsUrl: `${base}/events`,
    timeUrl: `${base}/time`,
    snapshotUrl: `${base}/snapshot`,
    onCommand,
    onBlocksStale,
  };
}
