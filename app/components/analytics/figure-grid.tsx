import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDuration } from "~/lib/dates";
import { TARGETS } from "~/modules/analytics/targets";
import { FigureCard } from "./figure-card";
import { formatCount, formatRate, reaches } from "./format";

type FigureLabel =
  | "views"
  | "visitors"
  | "plays"
  | "completionRate"
  | "avgWatch"
  | "leads"
  | "leadRate"
  | "downloadLeadRate"
  | "liveLeadRate"
  | "platformPlays";

/**
 * One figure of a dashboard's summary: its label (a key of `analytics.figures`), its value and how
 * it is written, and for a rate with a plan the target it is judged against.
 */
export interface Figure {
  label: FigureLabel;
  value: number | null | undefined;
  as: "count" | "rate" | "duration";
  target?: number;
  platform?: boolean;
  testId: string;
}

const FORMAT = { count: formatCount, rate: formatRate, duration: formatDuration } as const;

/** The landing pages' own first figures, the same on every dashboard that shows them. */
export function firstPartyFigures(metrics: {
  views: number;
  visitors: number;
  plays: number;
  completionRate: number | null;
}): Figure[] {
  return [
    { label: "views", value: metrics.views, as: "count", testId: "figure-views" },
    { label: "visitors", value: metrics.visitors, as: "count", testId: "figure-visitors" },
    { label: "plays", value: metrics.plays, as: "count", testId: "figure-plays" },
    {
      label: "completionRate",
      value: metrics.completionRate,
      as: "rate",
      target: TARGETS.completionRate,
      testId: "figure-completion",
    },
  ];
}

/** A dashboard's summary: one card per figure, four to a row (two on a phone). */
export function FigureGrid({ figures }: { figures: Figure[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {figures.map((figure) => (
        <FigureCard
          key={figure.testId}
          label={t(`analytics.figures.${figure.label}`)}
          value={FORMAT[figure.as](figure.value)}
          target={
            figure.target === undefined
              ? undefined
              : t("analytics.figures.targetAtLeast", { value: formatRate(figure.target) })
          }
          reached={figure.target === undefined ? undefined : reaches(figure.value, figure.target)}
          platform={figure.platform}
          testId={figure.testId}
        />
      ))}
    </SimpleGrid>
  );
}
