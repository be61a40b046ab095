import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TermCategory, TermSeverity } from "~/modules/compliance/terms/term-types";

/** block is red (it stops approval), review orange (a reviewer may let it through in writing). */
export function SeverityBadge({ severity }: { severity: TermSeverity }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`terms.severityHints.${severity}`)}>
      <Badge color={severity === "block" ? "red" : "orange"} variant="light" data-severity={severity}>
        {t(`terms.severities.${severity}`)}
      </Badge>
    </Tooltip>
  );
}

export function CategoryBadge({ category }: { category: TermCategory }) {
  const { t } = useTranslation();
  return (
    <Badge
      color="gray"
      variant="light"
      tt="none"
      h="auto"
      styles={{ label: { whiteSpace: "normal", overflow: "visible", lineHeight: 1.4 } }}
    >
      {t(`terms.categories.${category}`)}
    </Badge>
  );
}
