import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Code,
  CopyButton,
  Divider,
  Drawer,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { Link, useFetcher } from "@remix-run/react";
import { IconCheck, IconCopy, IconExternalLink } from "@tabler/icons-react";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ComplianceFlagNotice } from "~/components/compliance/review-flag";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { ComplianceTextarea } from "~/components/compliance/compliance-textarea";
import { useActionReply } from "~/components/use-action-reply";
import { formatDateTime, toWallClockInput } from "~/lib/dates";
import type { Role } from "~/modules/auth/permissions";
import {
  EDITABLE_SLOT_STATUSES,
  MOVABLE_SLOT_STATUSES,
  type ChannelDto,
  type SlotDto,
} from "~/modules/calendar/calendar-types";
import { canHandOffSlot } from "~/modules/publishing/publishing-access";
import {
  MARKABLE_SLOT_STATUSES,
  OPERATOR_MARKABLE_SLOT_STATUSES,
  RESENDABLE_SLOT_STATUSES,
  type SlotAttemptDto,
} from "~/modules/publishing/publishing-types";
import { CaptionRulesHint } from "./caption-rules-hint";
import { useNotify } from "./notices";
import { SlotStatusBadge } from "./status-marks";

export interface DrawerUser {
  id: number;
  roles: Role[];
  canSchedule: boolean;
  canResend: boolean;
}

type SlotDetail = { slot: SlotDto; attempts: SlotAttemptDto[] };

/** One action of the drawer: its own fetcher, so one busy button does not block the others. */
function useSlotAction(intent: string, notice: string, onDone?: () => void) {
  const fetcher = useFetcher();
  const answer = useActionReply({ fetcher, intent });
  const notify = useNotify();
  const { t } = useTranslation();
  useEffect(() => {
    if (fetcher.state !== "idle" || !answer.reply) return;
    if (answer.reply.ok) {
      notify({ color: "green", message: t(notice) });
      onDone?.();
    }
    // Only a new answer matters, not a re-render with the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, answer.reply]);
  return { intent, fetcher, answer, busy: fetcher.state !== "idle" };
}

type SlotAction = ReturnType<typeof useSlotAction>;

/** A drawer action's form: it posts the action's intent to the slot through its own fetcher. */
function SlotActionForm({
  action,
  slot,
  withVersion = false,
  children,
}: {
  action: SlotAction;
  slot: SlotDto;
  /** Send the version the drawer shows, so a change made meanwhile is refused, not overwritten. */
  withVersion?: boolean;
  children: ReactNode;
}) {
  return (
    <action.fetcher.Form method="post" action={`/calendar/slots/${slot.id}`}>
      <input type="hidden" name="intent" value={action.intent} />
      {withVersion ? <input type="hidden" name="version" value={slot.version} /> : null}
      {children}
    </action.fetcher.Form>
  );
}

/**
 * A drawer action that asks for one value (a new time, the live post's address): its field, the
 * refusal under it, and its button, posted to the slot through the action's own fetcher.
 */
function SlotFieldForm({
  action,
  slot,
  withVersion = false,
  input,
  inputKey,
  button,
  children,
}: {
  action: SlotAction;
  slot: SlotDto;
  withVersion?: boolean;
  input: {
    type: string;
    name: string;
    label: string;
    defaultValue?: string;
    placeholder?: string;
    description?: string;
    testId: string;
  };
  /** Remounts the field when its default changes. */
  inputKey?: string;
  button: { variant?: string; color?: string; testId: string };
  children: ReactNode;
}) {
  const { testId, ...field } = input;
  return (
    <SlotActionForm action={action} slot={slot} withVersion={withVersion}>
      <Group align="end" gap="xs">
        <TextInput
          {...field}
          key={inputKey}
          required
          error={action.answer.fieldError(input.name) ?? action.answer.formError}
          style={{ flex: 1 }}
          data-testid={testId}
        />
        <Button
          type="submit"
          variant={button.variant}
          color={button.color}
          loading={action.busy}
          data-testid={button.testId}
        >
          {children}
        </Button>
      </Group>
    </SlotActionForm>
  );
}

export function SlotDrawer({
  slot,
  channel,
  user,
  onClose,
}: {
  slot: SlotDto | null;
  channel: ChannelDto | null;
  user: DrawerUser;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={slot !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={t("calendar.drawer.title")}
      data-testid="slot-drawer"
      closeButtonProps={{ "aria-label": t("calendar.drawer.close") }}
    >
      {slot && channel ? (
        <SlotDetails key={slot.id} slot={slot} channel={channel} user={user} onClose={onClose} />
      ) : null}
    </Drawer>
  );
}

function SlotDetails({
  slot,
  channel,
  user,
  onClose,
}: {
  slot: SlotDto;
  channel: ChannelDto;
  user: DrawerUser;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const detail = useFetcher<SlotDetail>();
  const url = `/calendar/slots/${slot.id}`;
  const reload = () => detail.load(url);
  useEffect(() => {
    detail.load(url);
    // The attempts are read once per slot and again after each action below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, slot.version, slot.status]);

  const caption = useSlotAction("update-caption", "calendar.drawer.captionSaved", reload);
  const move = useSlotAction("move", "calendar.drawer.rescheduled", reload);
  const published = useSlotAction("mark-published", "calendar.drawer.markedPublished", reload);
  const resend = useSlotAction("resend", "calendar.drawer.resent", reload);
  const remove = useSlotAction("delete", "calendar.drawer.deleted", onClose);
  const [captionText, setCaptionText] = useState(slot.caption);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useEffect(() => setCaptionText(slot.caption), [slot.caption]);

  const attempts = detail.data?.attempts ?? [];
  const editable = user.canSchedule && EDITABLE_SLOT_STATUSES.includes(slot.status);
  const movable = user.canSchedule && MOVABLE_SLOT_STATUSES.includes(slot.status);
  const handOff = canHandOffSlot(user, channel);
  const markable =
    handOff &&
    (user.canSchedule ? MARKABLE_SLOT_STATUSES : OPERATOR_MARKABLE_SLOT_STATUSES).includes(slot.status);
  const resendable = user.canResend && RESENDABLE_SLOT_STATUSES.includes(slot.status);
  const deletable = user.canSchedule && slot.status !== "published" && slot.status !== "publishing";
  const readOnly = !editable && !movable && !markable && !resendable && !deletable;

  return (
    <Stack gap="sm" data-testid="slot-details" data-slot-id={slot.id} data-status={slot.status}>
      <div>
        <Text size="xs" c="dimmed">
          {t("calendar.drawer.piece")} · {t(`kinds.${slot.pieceKind}`)}
        </Text>
        <Anchor component={Link} to={`/pieces/${slot.pieceId}`} fw={600} data-testid="drawer-piece">
          {slot.pieceTitle}
        </Anchor>
      </div>
      <Group gap="xs">
        <SlotStatusBadge status={slot.status} />
        <Group gap={4} wrap="nowrap">
          <span className="slot-swatch" style={{ background: channel.color, borderColor: channel.color }} />
          <Text size="sm" data-testid="drawer-channel">
            {channel.name}
          </Text>
        </Group>
      </Group>
      <Group gap="lg">
        <div>
          <Text size="xs" c="dimmed">
            {t("calendar.drawer.time")}
          </Text>
          <Text size="sm" fw={600} data-testid="drawer-time">
            {formatDateTime(slot.publishAt, timeZone)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t("calendar.drawer.publisher")}
          </Text>
          <Text size="sm">
            {t(`calendar.channels.publishers.${channel.publisher}`)}
            {channel.operatorName
              ? ` · ${t("calendar.drawer.operator", { name: channel.operatorName })}`
              : ""}
          </Text>
        </div>
      </Group>
      {slot.heldReason ? (
        <Alert color="orange" title={t("calendar.drawer.held")} data-testid="drawer-held">
          {slot.heldReason}
        </Alert>
      ) : null}
      {slot.complianceFlag ? (
        <ComplianceFlagNotice flag={slot.complianceFlag} pieceId={slot.pieceId} />
      ) : null}
      {readOnly ? (
        <Text size="xs" c="dimmed">
          {t("calendar.drawer.readOnly")}
        </Text>
      ) : null}

      <Divider />
      <SlotActionForm action={caption} slot={slot} withVersion>
        <ComplianceTextarea
          name="caption"
          label={t("calendar.drawer.caption")}
          value={captionText}
          onChange={(e) => setCaptionText(e.currentTarget.value)}
          readOnly={!editable}
          autosize
          minRows={3}
          maxRows={10}
          error={caption.answer.fieldError("caption") ?? caption.answer.formError}
          data-testid="drawer-caption"
        />
        <Group justify="space-between" mt={4} align="start">
          <CaptionRulesHint caption={captionText} channel={channel} />
          {editable ? (
            <Button
              type="submit"
              size="xs"
              variant="light"
              loading={caption.busy}
              disabled={captionText === slot.caption}
              data-testid="drawer-save-caption"
            >
              {t("calendar.drawer.saveCaption")}
            </Button>
          ) : null}
        </Group>
      </SlotActionForm>

      <div>
        <Text size="xs" c="dimmed">
          {t("calendar.drawer.link")}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Code style={{ wordBreak: "break-all", flex: 1 }} data-testid="drawer-link">
            {slot.trackedLink}
          </Code>
          <CopyButton value={slot.trackedLink}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t("calendar.drawer.copied") : t("calendar.drawer.copy")} withArrow>
                <ActionIcon
                  variant="light"
                  color={copied ? "teal" : "gray"}
                  onClick={copy}
                  aria-label={t("calendar.drawer.copy")}
                >
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </div>
      <div>
        <Text size="xs" c="dimmed">
          {t("calendar.drawer.liveUrl")}
        </Text>
        {slot.liveUrl ? (
          <Anchor
            href={slot.liveUrl}
            target="_blank"
            rel="noreferrer"
            size="sm"
            data-testid="drawer-live-url"
          >
            {slot.liveUrl} <IconExternalLink size={12} />
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {t("calendar.drawer.noLiveUrl")}
          </Text>
        )}
      </div>

      {movable ? (
        <SlotFieldForm
          action={move}
          slot={slot}
          withVersion
          input={{
            type: "datetime-local",
            name: "publishAt",
            label: t("calendar.drawer.reschedule"),
            defaultValue: toWallClockInput(slot.publishAt, timeZone),
            testId: "drawer-reschedule-input",
          }}
          inputKey={slot.publishAt}
          button={{ variant: "light", testId: "drawer-reschedule" }}
        >
          {t("calendar.drawer.rescheduleSubmit")}
        </SlotFieldForm>
      ) : null}

      {markable ? (
        <SlotFieldForm
          action={published}
          slot={slot}
          input={{
            type: "url",
            name: "url",
            label: t("calendar.drawer.markPublished"),
            placeholder: "https://",
            description: t("calendar.drawer.markPublishedHint"),
            testId: "drawer-live-url-input",
          }}
          button={{ color: "green", testId: "drawer-mark-published" }}
        >
          {t("calendar.drawer.markPublishedSubmit")}
        </SlotFieldForm>
      ) : null}

      {resendable ? (
        <SlotActionForm action={resend} slot={slot}>
          <Alert color="orange" p="xs">
            <Text size="xs">{t("calendar.drawer.resendHint")}</Text>
            {resend.answer.error ? (
              <Text size="xs" c="red" mt={4}>
                {resend.answer.error}
              </Text>
            ) : null}
            <Button
              type="submit"
              size="xs"
              mt="xs"
              variant="light"
              color="orange"
              loading={resend.busy}
              data-testid="drawer-resend"
            >
              {t("calendar.drawer.resend")}
            </Button>
          </Alert>
        </SlotActionForm>
      ) : null}

      <Divider label={t("calendar.drawer.attempts")} labelPosition="left" />
      {detail.state === "loading" && !detail.data ? (
        <Text size="sm" c="dimmed">
          {t("calendar.drawer.loading")}
        </Text>
      ) : attempts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("calendar.drawer.noAttempts")}
        </Text>
      ) : (
        <Table fz="xs" verticalSpacing={4} data-testid="drawer-attempts">
          <Table.Tbody>
            {attempts.map((attempt) => (
              <Table.Tr key={attempt.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(attempt.startedAt, timeZone)}
                </Table.Td>
                <Table.Td>
                  {t(`calendar.drawer.attemptOutcomes.${attempt.outcome}`)}
                  {attempt.httpStatus !== null
                    ? ` · ${t("calendar.drawer.httpStatus", { status: attempt.httpStatus })}`
                    : ""}
                </Table.Td>
                <Table.Td style={{ wordBreak: "break-all" }}>{attempt.detail}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {deletable ? (
        <SlotActionForm action={remove} slot={slot} withVersion>
          {remove.answer.error ? (
            <Text size="xs" c="red" mb={4}>
              {remove.answer.error}
            </Text>
          ) : null}
          {confirmDelete ? (
            <Group gap="xs">
              <Text size="sm">{t("calendar.drawer.deleteConfirm")}</Text>
              <Button
                type="submit"
                color="red"
                size="xs"
                loading={remove.busy}
                data-testid="drawer-delete-confirm"
              >
                {t("calendar.drawer.delete")}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirmDelete(false)}>
                {t("common.cancel")}
              </Button>
            </Group>
          ) : (
            <Button
              color="red"
              variant="subtle"
              size="xs"
              onClick={() => setConfirmDelete(true)}
              data-testid="drawer-delete"
            >
              {t("calendar.drawer.delete")}
            </Button>
          )}
        </SlotActionForm>
      ) : null}
    </Stack>
  );
}
