import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLORS: Record<string, string> = {
  draft: "gray",
  in_review: "yellow",
  approved: "teal",
  rejected: "red",
  scheduled: "blue",
  published: "green",
  archived: "dark",
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status] ?? "gray"}
      variant="light"
      data-status={status}
      // Never narrower than its word: a squeezed table column cut it to 草… or to an empty pill.
      style={{ flexShrink: 0, overflow: "visible", minWidth: "max-content" }}
    >
      {t(`statuses.${status}`)}
    </Badge>
  );
}
