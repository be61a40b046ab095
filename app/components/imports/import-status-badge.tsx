import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportStatus } from "~/modules/metrics-import/import-types";

const COLOR: Record<ImportStatus, string> = { preview: "yellow", applied: "green", undone: "gray" };

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" data-testid="import-status">
      {t(`imports.status.${status}`)}
    </Badge>
  );
}
