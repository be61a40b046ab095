import { Alert } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/lib/dates";
import type { ApprovalHoldDto } from "~/modules/pieces/approval-hold";
import { useStudioTimeZone } from "./studio-time-zone";

/** The "changed after approval" note every piece page shows under its heading while it applies. */
export function ApprovalHoldNote({ hold }: { hold: ApprovalHoldDto | null }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  if (!hold) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t("approvals.heldTitle")}
      data-testid="approval-hold-note"
    >
      {t("approvals.heldBody", {
        name: hold.actorName ?? t("approvals.someone"),
        at: formatDateTime(hold.at, timeZone),
        from: t(`statuses.${hold.fromStatus}`),
        to: t(`statuses.${hold.toStatus}`),
      })}
    </Alert>
  );
}
