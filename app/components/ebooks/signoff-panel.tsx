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
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/components/format";

export interface SignoffView {
  id: number;
  buildId: number;
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
  currentBuilds: Array<{ id: number; profile: string; pages: number }>;
  errors?: Record<string, string> | null;
  defaultDate: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const e = props.errors ?? {};
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
              {t("ebooks.recordedBy")} {s.recordedBy} · {formatDateTime(s.createdAt)}
            </Text>
            {s.note ? <Text size="xs">{s.note}</Text> : null}
            {!s.valid && s.voidReason ? (
              <Text size="xs" c="red">
                {t("ebooks.voidedBecause", { reason: s.voidReason })}
                {s.voidedAt ? ` · ${formatDateTime(s.voidedAt)}` : ""}
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
          <Form method="post">
            <input type="hidden" name="intent" value="signoff" />
            <Stack gap="xs">
              {e._form ? <Alert color="red">{e._form}</Alert> : null}
              <Select
                name="buildId"
                label={t("ebooks.coversBuild")}
                defaultValue={String(props.currentBuilds[0].id)}
                allowDeselect={false}
                data={props.currentBuilds.map((b) => ({
                  value: String(b.id),
                  label: `#${b.id} · ${t(`ebooks.profile_${b.profile}`)} · ${b.pages}`,
                }))}
                error={e.buildId}
              />
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
                data-testid="record-signoff"
              >
                {t("ebooks.recordSignoff")}
              </Button>
            </Stack>
          </Form>
        )
      ) : null}
    </Card>
  );
}
