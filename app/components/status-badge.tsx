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
      style={{ flexShrink: 0, overflow: "visible" }}
    >
      {t(`statuses.${status}`)}
    </Badge>
  );
}
