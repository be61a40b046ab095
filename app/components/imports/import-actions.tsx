import { useTranslation } from "react-i18next";
import type { ImportSummary } from "~/modules/metrics-import/import-types";
import { ConfirmIntent } from "./confirm-intent";

/** Undo (applied) or discard (preview) for one import, asking first. */
export function ImportActions({ item, action }: { item: ImportSummary; action?: string }) {
  const { t } = useTranslation();
  const platform = item.channelName ?? item.platform;
  if (item.status === "applied")
    return (
      <ConfirmIntent
        intent="undo"
        action={action}
        fields={{ importId: item.id }}
        label={t("imports.undo")}
        title={t("imports.undoTitle", { id: item.id })}
        body={t("imports.undoBody", { count: item.written, platform })}
        confirmLabel={t("imports.undoConfirm")}
        testId={`undo-${item.id}`}
      />
    );
  if (item.status === "preview")
    return (
      <ConfirmIntent
        intent="discard"
        action={action}
        fields={{ importId: item.id }}
        label={t("imports.discard")}
        title={t("imports.discardTitle")}
        body={t("imports.discardBody")}
        confirmLabel={t("imports.discardConfirm")}
        color="gray"
        testId={`discard-${item.id}`}
      />
    );
  return null;
}
