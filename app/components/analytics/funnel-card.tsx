import { FunnelChart } from "@mantine/charts";
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FunnelStep } from "~/modules/analytics/funnel";
import { formatCount, formatRate } from "./format";

const COLORS = ["gray.5", "blue.6", "indigo.6", "violet.6", "teal.6"];

/**
 * Platform plays → landing visits → plays → completes → leads, each step with its share of the
 * step before. The chart draws the landing pages' own steps: the platforms' plays are a
 * different counter, orders of magnitude larger, and stand apart as the first line.
 */
export function FunnelCard({ steps }: { steps: FunnelStep[] }) {
  const { t } = useTranslation();
  const own = steps.filter((step) => step.stage !== "platformPlays");
  return (
    <Card withBorder padding="sm" data-testid="funnel">
      <Title order={4}>{t("analytics.funnel.title")}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("analytics.funnel.hint")}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Stack gap={6}>
          {steps.map((step, i) => {
            const previous = i > 0 ? steps[i - 1].value : null;
            return (
              <Group
                key={step.stage}
                justify="space-between"
                wrap="nowrap"
                data-testid={`funnel-${step.stage}`}
              >
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {t(`analytics.funnel.${step.stage}`)}
                  </Text>
                  {step.stage === "platformPlays" && (
                    <Badge size="xs" variant="outline" color="gray">
                      {t("analytics.platformLabel")}
                    </Badge>
                  )}
                </Group>
                <Group gap={8} wrap="nowrap">
                  <Text size="sm" fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
                    {formatCount(step.value)}
                  </Text>
                  <Text size="xs" c="dimmed" w={52} ta="right">
                    {previous === null ? "" : formatRate(previous > 0 ? step.value / previous : null)}
                  </Text>
                </Group>
              </Group>
            );
          })}
        </Stack>
        {own.some((step) => step.value > 0) && (
          <FunnelChart
            h={200}
            size={180}
            withLabels
            labelsPosition="right"
            valueFormatter={(value) => formatCount(value)}
            data={own.map((step, i) => ({
              name: t(`analytics.funnel.${step.stage}`),
              value: step.value,
              color: COLORS[i + 1],
            }))}
          />
        )}
      </SimpleGrid>
    </Card>
  );
}
