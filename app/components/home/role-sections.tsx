import { Alert, Anchor, Button, Divider, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatBytes, formatShortDateTime } from "~/lib/dates";
import type { Dashboard } from "~/modules/pieces/dashboard";
import { formatCount, formatRate } from "../analytics/format";
import { PieceMiniList } from "../piece-list";
import { useStudioTimeZone } from "../studio-time-zone";
import { HomeCard } from "./home-card";
import { ShowRow } from "./show-row";

/** Copywriter: rejections first (with the reviewer's reason), then drafts; then what is in review. */
export function WriterSection({ writer, now }: { writer: NonNullable<Dashboard["writer"]>; now: string }) {
  const { t } = useTranslation();
  const mine = [...writer.rejected, ...writer.drafts];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <HomeCard
        title={t("home.writer.title")}
        testId="home-writer"
        action={
          <Anchor component={Link} to="/pieces/new" size="sm">
            {t("home.writer.newPiece")}
          </Anchor>
        }
      >
        <PieceMiniList
          pieces={mine}
          now={now}
          empty="home.writer.empty"
          note={(p) => {
            const rejected = writer.rejected.find((r) => r.id === p.id);
            if (!rejected) return null;
            return (
              <Text size="sm" c="red.8" data-testid="rejection-reason">
                {rejected.reason
                  ? t("home.writer.reason", { reason: rejected.reason })
                  : t("home.writer.noReason")}
              </Text>
            );
          }}
        />
      </HomeCard>
      <HomeCard title={t("home.writer.inReview")} testId="home-in-review">
        <PieceMiniList pieces={writer.inReview} now={now} empty="home.writer.inReviewEmpty" />
      </HomeCard>
    </SimpleGrid>
  );
}

/** Editor: the review queue and what is due. */
export function ReviewerSection({
  reviewer,
  now,
}: {
  reviewer: NonNullable<Dashboard["reviewer"]>;
  now: string;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <HomeCard title={t("home.reviewer.queue")} testId="review-pieces">
        <PieceMiniList pieces={reviewer.queue} now={now} empty="home.reviewer.queueEmpty" />
      </HomeCard>
      <HomeCard title={t("home.reviewer.due")} testId="due-pieces">
        <PieceMiniList pieces={reviewer.due} now={now} empty="home.reviewer.dueEmpty" />
      </HomeCard>
    </SimpleGrid>
  );
}

export function HostSection({ host }: { host: NonNullable<Dashboard["host"]> }) {
  const { t } = useTranslation();
  return (
    <HomeCard title={t("home.host.title")} testId="home-host">
      {host.shows.length ? (
        <Stack gap="sm">
          {host.shows.map((show, i) => (
            <Stack key={show.id} gap="sm">
              {i ? <Divider /> : null}
              <ShowRow show={show} role="host" />
            </Stack>
          ))}
        </Stack>
      ) : (
        <Text c="dimmed" size="sm">
          {t("home.host.empty")}
        </Text>
      )}
    </HomeCard>
  );
}

export function ProducerSection({ producer }: { producer: NonNullable<Dashboard["producer"]> }) {
  const { t } = useTranslation();
  return (
    <HomeCard title={t("home.producer.title")} testId="home-producer">
      {producer.next ? (
        <Stack gap="sm">
          <ShowRow show={producer.next} role="producer" />
          {producer.later.length ? (
            <>
              <Divider label={t("home.producer.later")} labelPosition="left" />
              {producer.later.map((show) => (
                <ShowRow key={show.id} show={show} role="producer" />
              ))}
            </>
          ) : null}
        </Stack>
      ) : (
        <Text c="dimmed" size="sm">
          {t("home.producer.empty")}
        </Text>
      )}
    </HomeCard>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2}>
        {value}
      </Text>
    </div>
  );
}

export function AnalystSection({ analyst }: { analyst: NonNullable<Dashboard["analyst"]> }) {
  const { t } = useTranslation();
  return (
    <HomeCard
      title={
        <>
          {t("home.analyst.title")}{" "}
          <Text span size="sm" c="dimmed" fw={400}>
            {t("home.analyst.range", { from: analyst.from, to: analyst.to })}
          </Text>
        </>
      }
      testId="home-analyst"
    >
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
        <Figure label={t("home.analyst.views")} value={formatCount(analyst.views)} testId="figure-views" />
        <Figure label={t("home.analyst.plays")} value={formatCount(analyst.plays)} />
        <Figure label={t("home.analyst.completionRate")} value={formatRate(analyst.completionRate)} />
        <Figure label={t("home.analyst.leads")} value={formatCount(analyst.leads)} testId="figure-leads" />
        <Figure label={t("home.analyst.leadRate")} value={formatRate(analyst.leadRate)} />
      </SimpleGrid>
      <Group mt="md" gap="sm">
        <Button component={Link} to="/analytics">
          {t("home.analyst.open")}
        </Button>
        <Button component={Link} to="/imports/new" variant="default">
          {t("home.analyst.imports")}
        </Button>
      </Group>
    </HomeCard>
  );
}

export function AdminSection({ admin }: { admin: NonNullable<Dashboard["admin"]> }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <HomeCard
      title={t("home.admin.title")}
      testId="home-admin"
      action={
        <Anchor component={Link} to="/admin/users" size="sm">
          {t("home.admin.users")}
        </Anchor>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Figure label={t("home.admin.failedJobs")} value={String(admin.failedJobs)} testId="failed-jobs" />
        <div>
          <Figure
            label={t("home.admin.disk")}
            value={admin.freeBytes === null ? t("home.admin.diskUnknown") : formatBytes(admin.freeBytes)}
          />
          {admin.lowDisk ? (
            <Text size="sm" c="red.7">
              {t("home.admin.diskLow")}
            </Text>
          ) : null}
        </div>
        <Figure label={t("home.admin.deletions")} value={String(admin.overdueDeletionRequests)} />
      </SimpleGrid>
      {admin.recentFailures.length ? (
        <Alert color="red" variant="light" mt="md" p="sm">
          <Stack gap={4}>
            {admin.recentFailures.map((job) => (
              <Text key={job.id} size="sm" style={{ overflowWrap: "anywhere" }}>
                #{job.id} {job.type} · {formatShortDateTime(job.at, timeZone)} · {job.error ?? "—"}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" mt="md">
          {t("home.admin.noFailures")}
        </Text>
      )}
    </HomeCard>
  );
}
