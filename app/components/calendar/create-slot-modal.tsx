import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ComplianceTextarea } from "~/components/compliance/compliance-textarea";
import { useActionReply } from "~/components/use-action-reply";
import type { ChannelDto } from "~/modules/calendar/calendar-types";
import { CaptionRulesHint } from "./caption-rules-hint";
import { useNotify } from "./notices";

export interface SlotDraft {
  piece: { id: number; title: string; kind: string };
  /** "YYYY-MM-DD" in the studio's zone. */
  day: string;
  /** "HH:mm", or null when the drop named a day only. */
  time: string | null;
  channelKey?: string;
}

/** Where a day-only drop goes on a channel: its first rule's preferred window, else 10:00. */
function defaultTime(channel: ChannelDto | undefined): string {
  return channel?.rules.find((rule) => rule.windowStart)?.windowStart ?? "10:00";
}

/**
 * Asks for what a drop onto the calendar does not say: the channel (only those that take the
 * piece's kind), and the time when the drop named a day. The server checks everything again.
 */
export function CreateSlotModal({
  draft,
  channels,
  onClose,
}: {
  draft: SlotDraft | null;
  channels: ChannelDto[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const fetcher = useFetcher();
  const answer = useActionReply({ fetcher, intent: "create-slot" });
  const fitting = draft ? channels.filter((c) => c.kinds.includes(draft.piece.kind)) : [];
  const [channelKey, setChannelKey] = useState<string | null>(null);
  const [day, setDay] = useState("");
  const [time, setTime] = useState("");
  const [caption, setCaption] = useState("");
  const [timeTouched, setTimeTouched] = useState(false);

  useEffect(() => {
    if (!draft) return;
    const initial =
      draft.channelKey && fitting.some((c) => c.key === draft.channelKey)
        ? draft.channelKey
        : fitting.length === 1
          ? fitting[0].key
          : null;
    setChannelKey(initial);
    setDay(draft.day);
    setTime(draft.time ?? defaultTime(fitting.find((c) => c.key === initial)));
    setTimeTouched(draft.time !== null);
    setCaption("");
    // A new drop starts a new form; the channel list does not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);

  useEffect(() => {
    if (fetcher.state !== "idle" || !answer.reply) return;
    if (answer.reply.ok) {
      notify({ color: "green", message: t("calendar.create.created") });
      onClose();
    }
    // Only a new answer matters, not a re-render with the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, answer.reply]);

  const channel = fitting.find((c) => c.key === channelKey);
  const busy = fetcher.state !== "idle";
  return (
    <Modal
      opened={draft !== null}
      onClose={onClose}
      title={draft ? t("calendar.create.title", { title: draft.piece.title }) : ""}
      centered
      data-testid="create-slot-modal"
    >
      {draft ? (
        <fetcher.Form method="post" action="/calendar/slots">
          <input type="hidden" name="intent" value="create-slot" />
          <input type="hidden" name="pieceId" value={draft.piece.id} />
          <input type="hidden" name="publishAt" value={day && time ? `${day}T${time}` : ""} />
          <Stack gap="sm">
            {answer.formError || answer.fieldError("pieceId") ? (
              <Alert color="red" data-testid="create-slot-error">
                {answer.formError ?? answer.fieldError("pieceId")}
              </Alert>
            ) : null}
            {fitting.length === 0 ? <Alert color="orange">{t("calendar.create.noChannel")}</Alert> : null}
            <Select
              name="channel"
              label={t("calendar.create.channel")}
              description={t("calendar.create.channelHint", { kind: t(`kinds.${draft.piece.kind}`) })}
              data={fitting.map((c) => ({ value: c.key, label: c.name }))}
              value={channelKey}
              onChange={(key) => {
                setChannelKey(key);
                if (!timeTouched) setTime(defaultTime(fitting.find((c) => c.key === key)));
              }}
              allowDeselect={false}
              required
              error={answer.fieldError("channel")}
              data-testid="create-slot-channel"
              comboboxProps={{ withinPortal: true }}
            />
            <Group grow align="start">
              <TextInput
                type="date"
                label={t("calendar.create.date")}
                value={day}
                onChange={(e) => setDay(e.currentTarget.value)}
                required
                data-testid="create-slot-date"
              />
              <TextInput
                type="time"
                label={t("calendar.create.time")}
                value={time}
                onChange={(e) => {
                  setTime(e.currentTarget.value);
                  setTimeTouched(true);
                }}
                required
                data-testid="create-slot-time"
              />
            </Group>
            {answer.fieldError("publishAt") ? (
              <Text c="red" size="sm" data-testid="create-slot-time-error">
                {answer.fieldError("publishAt")}
              </Text>
            ) : null}
            <ComplianceTextarea
              name="caption"
              label={t("calendar.create.caption")}
              description={t("calendar.create.captionHint")}
              value={caption}
              onChange={(e) => setCaption(e.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={8}
              error={answer.fieldError("caption")}
            />
            {channel ? <CaptionRulesHint caption={caption || draft.piece.title} channel={channel} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button
                type="submit"
                loading={busy}
                disabled={!channelKey || fitting.length === 0}
                data-testid="create-slot-submit"
              >
                {t("calendar.create.submit")}
              </Button>
            </Group>
          </Stack>
        </fetcher.Form>
      ) : null}
    </Modal>
  );
}
