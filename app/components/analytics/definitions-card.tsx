import { Card, List, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

export type Definition =
  "completionRate" | "leadRate" | "downloadLeadRate" | "liveLeadRate" | "visitors" | "platform" | "viral";

/** The definitions of the figures on the page, written out where they are read. */
export function DefinitionsCard({
  items = ["completionRate", "leadRate", "downloadLeadRate", "liveLeadRate", "viral", "visitors", "platform"],
}: {
  items?: Definition[];
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="definitions">
      <Title order={5} mb={6}>
        {t("analytics.definitions.title")}
      </Title>
      <List size="sm" spacing={4} c="dimmed">
        {items.map((item) => (
          <List.Item key={item}>{t(`analytics.definitions.${item}`)}</List.Item>
        ))}
      </List>
    </Card>
  );
}
