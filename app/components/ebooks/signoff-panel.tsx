import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IntentForm } from "~/components/intent-form";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { formatDateTime } from "~/lib/dates";

export interface SignoffView {
  id: number;
  buildId: number;
  /** Where the QR codes of the signed build point. */
  qrUrl: string | null;
  contentHash: string;
  organisation: string;
  reviewer: string;
  reviewedOn: string;
  note: string;
  recordedBy: string;
  createdAt: string;
  valid: boolean;
  voidedAt: string | null;
  voidReason: string | null;
}

export function SignoffPanel(props: {
  state: string;
  reason: string | null;
  list: SignoffView[];
  canSignoff: boolean;
  currentBuilds: Array<{
    id: number;
    profile: string;
    pages: number;
    qrUrl: string | null;
    qrPublic: boolean;
  }>;
  /** Where a print build's QR codes would point now, and why that cannot be printed. */
  printQr: { url: string; problem: string | null };
  errors?: Record<string, string> | null;
  defaultDate: string;
}) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const navigation = useNavigation();
  const e = props.errors ?? {};
  // A reviewer signs what readers will scan: show where the chosen version's QR codes go.
  const [buildId, setBuildId] = useState<string | null>(null);
  const chosen =
    props.currentBuilds.find((b) => String(b.id) === buildId) ??
    props.currentBuilds.find((b) => b.qrPublic) ??
    props.currentBuilds[0];
  const stateBadge =
    props.state === "valid" ? (
      <Badge color="green">{t("ebooks.signoffValid")}</Badge>
    ) : props.state === "voided" ? (
      <Badge color="red">{t("ebooks.signoffVoided")}</Badge>
    ) : (
      <Badge color="gray">{t("ebooks.signoffNone")}</Badge>
    );
  return (
    <Card withBorder data-testid="signoff-panel" data-signoff-state={props.state}>
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t("ebooks.signoffTitle")}</Title>
        {stateBadge}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t("ebooks.signoffHint")}
      </Text>
      <Text size="xs" mb={props.printQr.problem ? 4 : "sm"} data-testid="print-qr-target">
        {t("ebooks.printQrTarget")}{" "}
        <Text span ff="monospace" size="xs">
          {props.printQr.url}
        </Text>
      </Text>
      {props.printQr.problem ? (
        <Alert color="orange" mb="sm" data-testid="print-qr-problem">
          {props.printQr.problem}
        </Alert>
      ) : null}
      {props.state === "voided" && props.reason ? (
        <Alert color="red" mb="sm" data-testid="signoff-voided">
          {t("ebooks.voidedBecause", { reason: props.reason })}
        </Alert>
      ) : null}
      <Stack gap="xs" mb="sm">
        {props.list.map((s) => (
          <Card
            key={s.id}
            withBorder
            padding="xs"
            bg={s.valid ? "var(--mantine-color-green-light)" : undefined}
            data-testid={`signoff-${s.id}`}
          >
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={600}>
                {s.organisation} · {s.reviewer}
              </Text>
              <Badge size="sm" color={s.valid ? "green" : "red"} variant="light">
                {s.valid ? t("ebooks.signoffValid") : t("ebooks.signoffVoided")}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t("ebooks.reviewedOn")} {s.reviewedOn} · {t("ebooks.coversBuild")} #{s.buildId} ·{" "}
              {t("ebooks.contentHash")} {s.contentHash.slice(0, 12)}
            </Text>
            <Text size="xs" c="dimmed">
              {t("ebooks.recordedBy")} {s.recordedBy} · {formatDateTime(s.createdAt, timeZone)}
            </Text>
            <Text size="xs" c="dimmed" data-testid={`signoff-${s.id}-qr`}>
              {t("ebooks.qrTarget")} {s.qrUrl ?? t("ebooks.qrUnknown")}
            </Text>
            {s.note ? <Text size="xs">{s.note}</Text> : null}
            {!s.valid && s.voidReason ? (
              <Text size="xs" c="red">
                {t("ebooks.voidedBecause", { reason: s.voidReason })}
                {s.voidedAt ? ` · ${formatDateTime(s.voidedAt, timeZone)}` : ""}
              </Text>
            ) : null}
          </Card>
        ))}
      </Stack>
      {props.canSignoff ? (
        props.currentBuilds.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("ebooks.noCurrentBuild")}
          </Text>
        ) : (
          <IntentForm intent="signoff">
            <Stack gap="xs">
              {e._form ? <Alert color="red">{e._form}</Alert> : null}
              <Select
                name="buildId"
                label={t("ebooks.coversBuild")}
                value={String(chosen.id)}
                onChange={setBuildId}
                allowDeselect={false}
                data={props.currentBuilds.map((b) => ({
                  value: String(b.id),
                  label: `#${b.id} · ${t(`ebooks.profile_${b.profile}`)} · ${b.pages}`,
                }))}
                error={e.buildId}
              />
              <Text size="xs" data-testid="signoff-build-qr">
                {t("ebooks.qrTarget")}{" "}
                <Text span ff="monospace" size="xs">
                  {chosen.qrUrl ?? t("ebooks.qrUnknown")}
                </Text>
              </Text>
              {!chosen.qrPublic ? (
                <Alert color="red" data-testid="signoff-qr-warning">
                  {t("ebooks.qrNotPublic")}
                </Alert>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  name="organisation"
                  label={t("ebooks.organisation")}
                  required
                  maxLength={100}
                  error={e.organisation}
                  data-testid="signoff-organisation"
                />
                <TextInput
                  name="reviewer"
                  label={t("ebooks.reviewer")}
                  required
                  maxLength={60}
                  error={e.reviewer}
                  data-testid="signoff-reviewer"
                />
              </SimpleGrid>
              <TextInput
                name="reviewedOn"
                type="date"
                label={t("ebooks.reviewedOn")}
                required
                defaultValue={props.defaultDate}
                error={e.reviewedOn}
              />
              <TextInput name="note" label={t("ebooks.note")} maxLength={500} error={e.note} />
              <Button
                type="submit"
                variant="light"
                loading={navigation.formData?.get("intent") === "signoff"}
                disabled={!chosen.qrPublic}
                data-testid="record-signoff"
              >
                {t("ebooks.recordSignoff")}
              </Button>
            </Stack>
          </IntentForm>
        )
      ) : null}
    </Card>
  );
}
