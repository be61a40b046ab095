import { Badge, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DailyOutput, OutputCounts } from "~/modules/output/daily-output";
import { DataTable } from "../data-table";
import { HomeCard } from "./home-card";

/** "1 / 2", green when the target is met, red when not. */
function Against({ made, target, testId }: { made: number; target: number; testId?: string }) {
  const { t } = useTranslation();
  const met = made >= target;
  return (
    <Badge
      variant="light"
      color={met ? "green" : "red"}
      title={t(met ? "articles.dailyOutput.met" : "articles.dailyOutput.behind")}
      data-testid={testId}
    >
      {made} / {target}
    </Badge>
  );
}

function Cells({
  today,
  week,
  targets,
}: {
  today: OutputCounts;
  week: OutputCounts;
  targets: DailyOutput["targets"];
}) {
  return (
    <>
      <Table.Td>
        <Against made={today.poster} target={targets.today.poster} testId="output-posters-today" />
      </Table.Td>
      <Table.Td>
        <Against made={today.article} target={targets.today.article} testId="output-articles-today" />
      </Table.Td>
      <Table.Td>
        <Against made={week.poster} target={targets.weekSoFar.poster} />
      </Table.Td>
      <Table.Td>
        <Against made={week.article} target={targets.weekSoFar.article} />
      </Table.Td>
    </>
  );
}

/** One line of a person's card on a phone: posters and articles against their targets. */
function PhoneLine({
  labels,
  counts,
  targets,
}: {
  labels: [string, string];
  counts: OutputCounts;
  targets: OutputCounts;
}) {
  return (
    <Group gap="xs" wrap="wrap" mt={4}>
      <Text size="xs">{labels[0]}</Text>
      <Against made={counts.poster} target={targets.poster} />
      <Text size="xs">{labels[1]}</Text>
      <Against made={counts.article} target={targets.article} />
    </Group>
  );
}

/**
 * The design and copy team's output today and this week, per person, against 2 posters and 1
 * article a day (the week's target counts the days so far). A table on a wide screen, cards on a
 * phone.
 */
export function DailyOutputCard({ data }: { data: DailyOutput }) {
  const { t } = useTranslation();
  const heads = [
    t("articles.dailyOutput.person"),
    t("articles.dailyOutput.postersToday"),
    t("articles.dailyOutput.articlesToday"),
    t("articles.dailyOutput.postersWeek"),
    t("articles.dailyOutput.articlesWeek"),
  ];
  return (
    <HomeCard title={t("articles.dailyOutput.title")} testId="daily-output">
      <Text size="xs" c="dimmed" mb="xs">
        {t("articles.dailyOutput.intro", { day: data.day, weekStart: data.weekStart, days: data.daysSoFar })}
      </Text>
      {data.people.length === 0 ? <Text c="dimmed">{t("articles.dailyOutput.empty")}</Text> : null}
      <Stack gap="xs" hiddenFrom="sm">
        {data.people.map((p) => (
          <Card key={p.userId} withBorder padding="xs" data-testid={`output-person-${p.userId}`}>
            <Text fw={600} size="sm" mb={4}>
              {p.name}
            </Text>
            <PhoneLine labels={[heads[1], heads[2]]} counts={p.today} targets={data.targets.today} />
            <PhoneLine labels={[heads[3], heads[4]]} counts={p.week} targets={data.targets.weekSoFar} />
          </Card>
        ))}
      </Stack>
      <DataTable minWidth={560} visibleFrom="sm" columns={heads} data-testid="daily-output-table">
        {data.people.map((p) => (
          <Table.Tr key={p.userId} data-testid={`output-row-${p.userId}`}>
            <Table.Td>{p.name}</Table.Td>
            <Cells today={p.today} week={p.week} targets={data.targets} />
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={600}>{t("articles.dailyOutput.team")}</Table.Td>
          <Table.Td>{data.team.today.poster}</Table.Td>
          <Table.Td>{data.team.today.article}</Table.Td>
          <Table.Td>{data.team.week.poster}</Table.Td>
          <Table.Td>{data.team.week.article}</Table.Td>
        </Table.Tr>
      </DataTable>
    </HomeCard>
  );
}
