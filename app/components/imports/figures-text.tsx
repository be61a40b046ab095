import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/lib/dates";
import type { Figures } from "~/modules/metrics-import/metric-fields";

const ORDER: Array<keyof Figures> = [
  "plays",
  "reads",
  "completionRate",
  "avgWatchSeconds",
  "likes",
  "comments",
  "shares",
  "saves",
  "profileVisits",
  "followerGain",
];

/** A row's figures as short "label value" pairs; the ones the export left blank are not shown. */
export function FiguresText({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const value = (key: keyof Figures, v: number) =>
    key === "completionRate"
      ? `${(v * 100).toFixed(1)}%`
      : key === "avgWatchSeconds"
        ? t("imports.seconds", { value: Math.round(v * 10) / 10 })
        : formatNumber(v);
  return (
    <Group gap={10} wrap="wrap">
      {ORDER.filter((key) => figures[key] !== null).map((key) => (
        <Text key={key} size="xs" span>
          <Text span c="dimmed" size="xs">
            {t(`imports.figures.${key}`)}
          </Text>{" "}
          <Text span fw={600} size="xs">
            {value(key, figures[key]!)}
          </Text>
        </Text>
      ))}
    </Group>
  );
}
