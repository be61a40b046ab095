import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/lib/dates";
import {
  DEFAULT_ORIGINALITY_THRESHOLD,
  SCAN_TEXT_MAX,
  type OriginalityResult,
} from "~/modules/compliance/compliance-types";
import { BOILERPLATE_MAX, BOILERPLATE_MIN_CHARS } from "~/modules/compliance/originality/schemas";
import type { OriginalitySettings, ThresholdSetting } from "~/modules/compliance/originality/settings-types";
import { PIECE_KINDS } from "~/modules/pieces/status-machine";
import { useStudioTimeZone } from "../studio-time-zone";
import { useActionReply } from "../use-action-reply";
import { OriginalityReport, percent } from "./originality-report";

type Columns = OriginalitySettings["columns"];

/** A reply's notice or failure under a form. */
function ReplyNotice({
  notice,
  error,
  testId,
}: {
  notice: string | null;
  error: string | null;
  testId: string;
}) {
  if (notice)
    return (
      <Text size="sm" c="teal.8" data-testid={`${testId}-notice`}>
        {notice}
      </Text>
    );
  if (error)
    return (
      <Text size="sm" c="red" data-testid={`${testId}-error`}>
        {error}
      </Text>
    );
  return null;
}

export function ThresholdsSection({
  thresholds,
  canManage,
}: {
  thresholds: ThresholdSetting[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="originality-thresholds">
      <Title order={4}>{t("originality.settings.thresholds.title")}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("originality.settings.thresholds.hint", { percent: percent(DEFAULT_ORIGINALITY_THRESHOLD) })}
      </Text>
      <Stack gap="xs">
        {thresholds.map((row) => (
          <ThresholdRow key={row.kind} row={row} canManage={canManage} />
        ))}
      </Stack>
    </Card>
  );
}

function ThresholdRow({ row, canManage }: { row: ThresholdSetting; canManage: boolean }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const fetcher = useFetcher();
  const reply = useActionReply({ fetcher });
  const error = reply.fieldError("threshold") ?? reply.fieldError("kind") ?? reply.error;
  return (
    <fetcher.Form method="post" data-testid={`threshold-${row.kind}`}>
      <input type="hidden" name="intent" value="set-threshold" />
      <input type="hidden" name="kind" value={row.kind} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" py={4}>
        <Stack gap={0} miw={140}>
          <Text fw={600}>{t(`kinds.${row.kind}`)}</Text>
          <Group gap={6}>
            <Text size="sm" data-testid="threshold-current">
              {t("originality.settings.thresholds.current")} {percent(row.threshold)}%
            </Text>
            {row.isDefault ? (
              <Badge size="xs" variant="light" color="gray">
                {t("originality.settings.thresholds.isDefault")}
              </Badge>
            ) : row.updatedAt ? (
              <Text size="xs" c="dimmed">
                {t("originality.settings.thresholds.updated", {
                  at: formatDateTime(row.updatedAt, timeZone),
                })}
              </Text>
            ) : null}
          </Group>
        </Stack>
        {canManage ? (
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <NumberInput
              name="threshold"
              aria-label={`${t(`kinds.${row.kind}`)} ${t("originality.settings.thresholds.threshold")}`}
              defaultValue={Math.round(row.threshold * 1000) / 10}
              min={0}
              max={100}
              step={1}
              decimalScale={1}
              rightSection={<Text size="sm">%</Text>}
              w={110}
              error={error}
            />
            <Button type="submit" variant="light" loading={fetcher.state !== "idle"}>
              {t("originality.settings.thresholds.save")}
            </Button>
          </Group>
        ) : null}
      </Group>
      {reply.notice ? (
        <ReplyNotice notice={reply.notice} error={null} testId={`threshold-${row.kind}`} />
      ) : null}
    </fetcher.Form>
  );
}

export function BoilerplateSection({
  lines,
  columns,
  canManage,
}: {
  lines: OriginalitySettings["lines"];
  columns: Columns;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const adder = useFetcher();
  const added = useActionReply({ fetcher: adder });
  const remover = useFetcher();
  const removed = useActionReply({ fetcher: remover });
  const scopes = [
    { value: "", label: t("originality.settings.boilerplate.allColumns") },
    ...columns.map((c) => ({
      value: String(c.id),
      label: t("originality.settings.boilerplate.columnOnly", { name: c.name }),
    })),
  ];
  return (
    <Card withBorder padding="md" data-testid="originality-boilerplate">
      <Title order={4}>{t("originality.settings.boilerplate.title")}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("originality.settings.boilerplate.hint", { min: BOILERPLATE_MIN_CHARS })}
      </Text>
      <Stack gap="xs">
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("originality.settings.boilerplate.empty")}
          </Text>
        ) : (
          lines.map((line) => (
            <Group
              key={line.id}
              justify="space-between"
              align="flex-start"
              wrap="nowrap"
              gap="xs"
              py={6}
              style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
              data-testid="boilerplate-line"
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" style={{ wordBreak: "break-word" }}>
                  {line.text}
                </Text>
                <Group gap={6}>
                  <Badge size="xs" variant="light" color={line.columnName ? "blue" : "gray"} tt="none">
                    {line.columnName
                      ? t("originality.settings.boilerplate.columnOnly", { name: line.columnName })
                      : t("originality.settings.boilerplate.allColumns")}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t("originality.settings.boilerplate.addedAt", {
                      at: formatDateTime(line.createdAt, timeZone),
                    })}
                  </Text>
                </Group>
              </Stack>
              {canManage ? (
                <remover.Form method="post">
                  <input type="hidden" name="intent" value="remove-boilerplate" />
                  <input type="hidden" name="id" value={line.id} />
                  <Button type="submit" size="compact-sm" variant="subtle" color="red">
                    {t("originality.settings.boilerplate.remove")}
                  </Button>
                </remover.Form>
              ) : null}
            </Group>
          ))
        )}
        <ReplyNotice notice={removed.notice} error={removed.error} testId="boilerplate-remove" />
        {canManage ? (
          <adder.Form method="post" data-testid="boilerplate-form">
            <input type="hidden" name="intent" value="add-boilerplate" />
            <Stack gap="xs" mt="xs">
              <Textarea
                name="text"
                label={t("originality.settings.boilerplate.text")}
                placeholder={t("originality.settings.boilerplate.placeholder")}
                autosize
                minRows={2}
                maxLength={BOILERPLATE_MAX}
                error={added.fieldError("text")}
                // A saved line starts the field empty again.
                key={added.notice ? `saved-${lines.length}` : "field"}
              />
              <Group align="flex-end" wrap="wrap" gap="xs">
                <Select
                  name="columnId"
                  label={t("originality.settings.boilerplate.column")}
                  data={scopes}
                  defaultValue=""
                  allowDeselect={false}
                  error={added.fieldError("columnId")}
                  w={260}
                />
                <Button type="submit" loading={adder.state !== "idle"}>
                  {t("originality.settings.boilerplate.add")}
                </Button>
              </Group>
              <ReplyNotice
                notice={added.notice}
                error={added.fieldError("text") || added.fieldError("columnId") ? null : added.error}
                testId="boilerplate-add"
              />
            </Stack>
          </adder.Form>
        ) : null}
        {columns.length ? (
          <Stack gap={4} mt="sm">
            <Text size="sm" fw={600}>
              {t("originality.settings.boilerplate.outroTitle")}
            </Text>
            {columns.map((c) => (
              <Text key={c.id} size="sm" c="dimmed">
                {c.name}：{c.outroLine}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

/** A text checked against the studio's copy without saving anything: the report, as a piece would get it. */
export function OriginalityPreview({ columns }: { columns: Columns }) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const reply = useActionReply<{ result: OriginalityResult; text: string }>({ fetcher });
  const [kind, setKind] = useState<string>("article");
  const result = reply.reply?.ok ? reply.reply : null;
  return (
    <Card withBorder padding="md" data-testid="originality-preview">
      <Title order={4}>{t("originality.settings.preview.title")}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("originality.settings.preview.hint")}
      </Text>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="check" />
        <Stack gap="xs">
          <Textarea
            name="text"
            label={t("originality.settings.preview.text")}
            autosize
            minRows={4}
            maxRows={14}
            maxLength={SCAN_TEXT_MAX}
            error={reply.fieldError("text")}
          />
          <Group align="flex-end" wrap="wrap" gap="xs">
            <Select
              name="kind"
              label={t("originality.settings.preview.kind")}
              data={PIECE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              value={kind}
              onChange={(value) => setKind(value ?? "article")}
              allowDeselect={false}
              w={180}
            />
            <Select
              name="columnId"
              label={t("originality.settings.preview.column")}
              data={[
                { value: "", label: t("originality.settings.preview.noColumn") },
                ...columns.map((c) => ({ value: String(c.id), label: c.name })),
              ]}
              defaultValue=""
              allowDeselect={false}
              w={200}
            />
            <Button type="submit" loading={fetcher.state !== "idle"} data-testid="originality-check">
              {t("originality.settings.preview.check")}
            </Button>
          </Group>
        </Stack>
      </fetcher.Form>
      {reply.error && !reply.fieldError("text") ? (
        <Alert color="red" mt="sm">
          {reply.error}
        </Alert>
      ) : null}
      {result?.result && result.text !== undefined ? (
        <Stack mt="md">
          <OriginalityReport result={result.result} text={result.text} />
        </Stack>
      ) : null}
    </Card>
  );
}
