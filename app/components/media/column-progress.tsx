import { Group, Progress, Text, type MantineSpacing } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A column's published episodes against its target, as a line of text over a bar in its colour. */
export function ColumnProgress({
  column,
  mt,
  maw,
  size,
}: {
  column: { publishedEpisodes: number; episodeTarget: number; totalEpisodes: number; primaryColor: string };
  mt: MantineSpacing;
  maw?: number;
  /** The published line's size (a card's is smaller than the column page's). */
  size?: "sm";
}) {
  const { t } = useTranslation();
  return (
    <>
      <Group justify="space-between" mt={mt} mb={4} maw={maw}>
        <Text size={size} fw={600} data-testid="column-progress">
          {t("media.published", { n: column.publishedEpisodes, target: column.episodeTarget })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("media.episodesTotal", { count: column.totalEpisodes })}
        </Text>
      </Group>
      <Progress
        value={Math.min(100, (column.publishedEpisodes / column.episodeTarget) * 100)}
        maw={maw}
        color={column.primaryColor}
      />
    </>
  );
}
