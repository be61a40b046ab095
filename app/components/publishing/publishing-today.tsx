import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { Link, useFetcher } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CopyTextButton } from "~/components/copy-text-button";
import { SlotStatusBadge } from "~/components/calendar/status-marks";
import { ruleText } from "~/components/calendar/rule-text";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { useActionReply } from "~/components/use-action-reply";
import { formatShortDateTime } from "~/lib/dates";
import {
  MARKABLE_SLOT_STATUSES,
  OPERATOR_MARKABLE_SLOT_STATUSES,
  RESENDABLE_SLOT_STATUSES,
  type PublishTaskDto,
  type PublishingSlotDto,
  type PublishingTodayDto,
} from "~/modules/publishing/publishing-types";

/** "Mark published" with the live URL; posts to the home page's action through its own fetcher. */
function MarkPublishedForm({ slotId }: { slotId: number }) {
  const fetcher = useFetcher();
  const answer = useActionReply({ intent: "mark-published", fetcher });
  const { t } = useTranslation();
  return (
    <fetcher.Form method="post" action="/?index" data-testid={`mark-published-${slotId}`}>
      <input type="hidden" name="intent" value="mark-published" />
      <input type="hidden" name="slotId" value={slotId} />
      <Group align="end" wrap="nowrap" gap="xs">
        <TextInput
          name="url"
          label={t("publishing.mark.url")}
          placeholder={t("publishing.mark.placeholder")}
          error={answer.fieldError("url") ?? answer.formError}
          style={{ flex: 1 }}
          size="xs"
          required
        />
        <Button type="submit" size="xs" loading={fetcher.state !== "idle"}>
          {t("publishing.mark.submit")}
        </Button>
      </Group>
    </fetcher.Form>
  );
}

function ResendButton({ slotId }: { slotId: number }) {
  const fetcher = useFetcher();
  const answer = useActionReply({ intent: "resend", fetcher });
  const { t } = useTranslation();
  return (
    <fetcher.Form method="post" action="/?index">
      <input type="hidden" name="intent" value="resend" />
      <input type="hidden" name="slotId" value={slotId} />
      <Group gap="xs">
        <Button
          type="submit"
          size="xs"
          variant="light"
          loading={fetcher.state !== "idle"}
          title={t("publishing.resend.hint")}
        >
          {t("publishing.resend.submit")}
        </Button>
        {answer.error ? (
          <Text size="xs" c="red">
            {answer.error}
          </Text>
        ) : null}
      </Group>
    </fetcher.Form>
  );
}

function SlotHeading({ slot }: { slot: PublishingSlotDto }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Badge color={slot.channelColor} variant="filled">
          {slot.channelName}
        </Badge>
        <SlotStatusBadge status={slot.status} />
        <Anchor component={Link} to={`/pieces/${slot.pieceId}`} fw={600}>
          {slot.pieceTitle}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed">
        {t("publishing.home.publishAt", { time: formatShortDateTime(slot.publishAt, timeZone) })}
        {slot.status === "queued"
          ? ` · ${t("publishing.home.dueBy", { time: formatShortDateTime(slot.dueBy, timeZone) })}`
          : ""}
        {" · "}
        {slot.operatorName
          ? t("publishing.home.operator", { name: slot.operatorName })
          : t("publishing.home.noOperator")}
      </Text>
    </Stack>
  );
}

function TaskCard({ task }: { task: PublishTaskDto }) {
  const { t } = useTranslation();
  const { bundle } = task;
  return (
    <Card withBorder padding="sm" data-testid={`publish-task-${task.slotId}`}>
      <Stack gap="xs">
        <SlotHeading slot={task} />
        <Group align="start" wrap="nowrap" gap="sm">
          {bundle.cover ? (
            <Image
              src={bundle.cover.url}
              alt={t("publishing.bundle.cover")}
              w={72}
              h={96}
              fit="cover"
              radius="sm"
            />
          ) : null}
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            {bundle.media ? (
              <Group gap="xs">
                <Text size="sm">{t("publishing.bundle.media")}：</Text>
                <Anchor href={bundle.media.url} target="_blank" rel="noreferrer" size="sm">
                  {bundle.media.label}
                </Anchor>
                <Anchor href={bundle.media.downloadUrl} size="sm">
                  {t("publishing.bundle.download")}
                </Anchor>
              </Group>
            ) : (
              <Text size="sm" c="orange">
                {t("publishing.bundle.noMedia")}
              </Text>
            )}
            <Code block style={{ whiteSpace: "pre-wrap" }}>
              {bundle.caption || t("publishing.bundle.noCaption")}
            </Code>
            {bundle.hashtags.length ? (
              <Group gap={4}>
                {bundle.hashtags.map((tag) => (
                  <Badge key={tag} size="xs" variant="outline">
                    #{tag}
                  </Badge>
                ))}
              </Group>
            ) : null}
            <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
              {t("publishing.bundle.trackedLink")}：{bundle.trackedLink}
            </Text>
            <CopyTextButton
              value={bundle.copyText}
              label={t("publishing.bundle.copy")}
              copiedLabel={t("publishing.bundle.copied")}
            />
          </Stack>
        </Group>
        <MarkPublishedForm slotId={task.slotId} />
      </Stack>
    </Card>
  );
}

function AttentionRow({
  slot,
  editor,
  canResend,
}: {
  slot: PublishingSlotDto;
  editor: boolean;
  canResend: boolean;
}) {
  const { t } = useTranslation();
  const markable =
    !slot.heldReason &&
    (editor ? MARKABLE_SLOT_STATUSES : OPERATOR_MARKABLE_SLOT_STATUSES).includes(slot.status);
  return (
    <Card withBorder padding="sm" data-testid={`attention-${slot.slotId}`}>
      <Stack gap="xs">
        <SlotHeading slot={slot} />
        {slot.heldReason ? (
          <Text size="sm" c="orange">
            {t("publishing.held", { reason: slot.heldReason })}
          </Text>
        ) : slot.lastDetail ? (
          <Text size="xs" c="dimmed">
            {t("publishing.lastDetail", { detail: slot.lastDetail })}
          </Text>
        ) : null}
        {markable ? <MarkPublishedForm slotId={slot.slotId} /> : null}
        {canResend && RESENDABLE_SLOT_STATUSES.includes(slot.status) ? (
          <ResendButton slotId={slot.slotId} />
        ) : null}
      </Stack>
    </Card>
  );
}

/** One column of the section: its title, then its items or a line saying there are none. */
function HomeColumn({
  testId,
  title,
  empty,
  children,
}: {
  testId: string;
  title: string;
  empty: string;
  children: ReactNode[];
}) {
  return (
    <Stack gap="sm" data-testid={testId}>
      <Title order={4}>{title}</Title>
      {children.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

/** The home page's section: what an editor or an operator must do about publishing today. */
export function PublishingToday({ data, editor }: { data: PublishingTodayDto; editor: boolean }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack data-testid="publishing-today">
      <Group justify="space-between">
        <Title order={3}>{t("publishing.home.title")}</Title>
        <Group gap="sm">
          <Anchor component={Link} to="/calendar" size="sm">
            {t("publishing.home.openCalendar")}
          </Anchor>
          <Anchor component={Link} to="/feeds" size="sm">
            {t("publishing.home.manageFeeds")}
          </Anchor>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: data.canSeeGaps ? 3 : 2 }}>
        <HomeColumn
          testId="publish-tasks"
          title={t("publishing.home.tasks")}
          empty={t("publishing.home.noTasks")}
        >
          {data.tasks.map((task) => (
            <TaskCard key={task.slotId} task={task} />
          ))}
        </HomeColumn>
        <HomeColumn
          testId="publish-attention"
          title={t("publishing.home.attention")}
          empty={t("publishing.home.noAttention")}
        >
          {data.attention.map((slot) => (
            <AttentionRow key={slot.slotId} slot={slot} editor={editor} canResend={data.canResend} />
          ))}
        </HomeColumn>
        {data.canSeeGaps ? (
          <HomeColumn
            testId="publish-gaps"
            title={t("publishing.home.gaps")}
            empty={t("publishing.home.noGaps")}
          >
            {data.gaps.map((gap) => (
              <Alert
                key={`${gap.channelKey}-${gap.rule.id}-${gap.periodStart}`}
                color="yellow"
                variant="light"
                p="xs"
              >
                <Text size="sm">
                  {t("publishing.home.gapLine", {
                    channel: gap.channelName,
                    label: ruleText(gap.rule, t),
                    actual: gap.actual,
                    expected: gap.expected,
                  })}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatShortDateTime(gap.periodStart, timeZone)}
                  {gap.suggestions.length
                    ? ` · ${t("publishing.home.gapSuggest", {
                        titles: gap.suggestions
                          .slice(0, 3)
                          .map((p) => p.title)
                          .join("、"),
                      })}`
                    : ""}
                </Text>
              </Alert>
            ))}
          </HomeColumn>
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}
