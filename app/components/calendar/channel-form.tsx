import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  ColorInput,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useNavigation } from "@remix-run/react";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../error-alert";
import { useFieldProps } from "~/components/field-props";
import { IntentForm } from "~/components/intent-form";
import type { ChannelDto, CadencePeriod } from "~/modules/calendar/calendar-types";
import { CADENCE_PERIODS } from "~/modules/calendar/calendar-types";
import { PIECE_KINDS } from "~/modules/pieces/status-machine";

/** A cadence rule as the form holds it: text as typed, so a bad value reaches the server's check. */
interface RuleRow {
  key: number;
  count: string;
  period: CadencePeriod;
  kinds: string[];
  label: string;
  windowStart: string;
  windowEnd: string;
}

/** The caption limits, each empty for "no limit". */
const CAPTION_LIMITS = [
  { name: "titleMax", testId: "channel-title-max" },
  { name: "captionMax", testId: "channel-caption-max" },
  { name: "hashtagMax", testId: undefined },
] as const;

function toRows(channel: ChannelDto): RuleRow[] {
  return channel.rules.map((rule, i) => ({
    key: i,
    count: String(rule.count),
    period: rule.period,
    kinds: rule.kinds,
    label: rule.label ?? "",
    windowStart: rule.windowStart ?? "",
    windowEnd: rule.windowEnd ?? "",
  }));
}

/**
 * The channel's settings. Everything is checked by the domain's schema on the server; its
 * messages come back by field (`rules.1.count` for the second rule's count) and sit under the
 * field that caused them. Read-only for roles that may not manage channels.
 */
export function ChannelForm({
  channel,
  operators,
  canManage,
  errors,
  formError,
}: {
  channel: ChannelDto;
  operators: { id: number; name: string }[];
  canManage: boolean;
  errors: Record<string, string>;
  formError: string | null;
}) {
  const { t } = useTranslation();
  const field = useFieldProps("calendar.channels", channel, errors);
  const navigation = useNavigation();
  const [publisher, setPublisher] = useState<string>(channel.publisher);
  const [rules, setRules] = useState<RuleRow[]>(() => toRows(channel));
  const [nextKey, setNextKey] = useState(channel.rules.length);
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "update-channel";
  const setRule = (key: number, patch: Partial<RuleRow>) =>
    setRules((list) => list.map((rule) => (rule.key === key ? { ...rule, ...patch } : rule)));
  const rulesJson = JSON.stringify(
    rules.map(({ count, period, kinds, label, windowStart, windowEnd }) => ({
      count,
      period,
      kinds,
      label,
      windowStart,
      windowEnd,
    })),
  );
  const kindOptions = PIECE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }));

  return (
    <IntentForm intent="update-channel" fields={{ rules: rulesJson }} data-testid="channel-form">
      <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          <ErrorAlert error={formError} data-testid="channel-form-error" />
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput {...field("name")} required maxLength={30} />
              <ColorInput {...field("color")} format="hex" />
            </SimpleGrid>
            <Checkbox.Group
              label={t("calendar.channels.kinds")}
              defaultValue={channel.kinds}
              error={errors.kinds}
              mt="sm"
            >
              <Group gap="md" mt={6}>
                {kindOptions.map((kind) => (
                  <Checkbox key={kind.value} value={kind.value} label={kind.label} name="kinds" />
                ))}
              </Group>
            </Checkbox.Group>
          </Card>

          <Card withBorder>
            <Title order={5} mb="xs">
              {t("calendar.channels.captionRules")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {CAPTION_LIMITS.map(({ name, testId }) => (
                <NumberInput
                  key={name}
                  {...field(name)}
                  placeholder={t("calendar.channels.noLimit")}
                  allowDecimal={false}
                  data-testid={testId}
                />
              ))}
            </SimpleGrid>
          </Card>

          <Card withBorder>
            <Title order={5} mb="xs">
              {t("calendar.channels.publisher")}
            </Title>
            <input type="hidden" name="publisher" value={publisher} />
            <SegmentedControl
              value={publisher}
              onChange={setPublisher}
              data={[
                { value: "manual", label: t("calendar.channels.publishers.manual") },
                { value: "webhook", label: t("calendar.channels.publishers.webhook") },
              ]}
              disabled={!canManage}
              data-testid="channel-publisher"
            />
            {errors.publisher ? (
              <Text c="red" size="xs">
                {errors.publisher}
              </Text>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
              <TextInput
                {...field("webhookUrl")}
                type="url"
                description={t("calendar.channels.webhookHint")}
                placeholder="https://"
                data-testid="channel-webhook-url"
                // The address may stay when switching to a manual hand-off; it is used only for webhooks.
                required={publisher === "webhook"}
              />
              <Select
                {...field("operatorId", "operator")}
                data={operators.map((o) => ({ value: String(o.id), label: o.name }))}
                defaultValue={channel.operatorId ? String(channel.operatorId) : null}
                placeholder={t("calendar.channels.noOperator")}
                clearable
              />
              <NumberInput
                {...field("graceMinutes")}
                description={t("calendar.channels.graceHint")}
                allowDecimal={false}
              />
            </SimpleGrid>
            {channel.webhookSecretHint ? (
              <Group gap="md" mt="sm">
                <Text size="xs" c="dimmed" data-testid="channel-secret-hint">
                  {t("calendar.channels.secretHint", { hint: channel.webhookSecretHint })}
                </Text>
                <Checkbox
                  name="rotateSecret"
                  value="on"
                  size="xs"
                  label={t("calendar.channels.rotateSecret")}
                />
              </Group>
            ) : null}
          </Card>

          <Card withBorder>
            <Group justify="space-between" mb={4}>
              <Title order={5}>{t("calendar.channels.rules")}</Title>
              {canManage ? (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => {
                    setRules((list) => [
                      ...list,
                      {
                        key: nextKey,
                        count: "1",
                        period: "day",
                        kinds: [],
                        label: "",
                        windowStart: "",
                        windowEnd: "",
                      },
                    ]);
                    setNextKey(nextKey + 1);
                  }}
                  data-testid="add-rule"
                >
                  {t("calendar.channels.addRule")}
                </Button>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed" mb="sm">
              {t("calendar.channels.rulesHint")}
            </Text>
            {errors.rules ? (
              <Text c="red" size="sm" mb="xs">
                {errors.rules}
              </Text>
            ) : null}
            <TextInput {...field("cadenceNote")} maxLength={200} mb="sm" />
            {rules.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("calendar.channels.noCadence")}
              </Text>
            ) : null}
            <Stack gap="sm">
              {rules.map((rule, i) => {
                // A list field's message may name an item inside it (`rules.0.kinds.1`).
                const err = (field: string) =>
                  Object.entries(errors).find(([name]) => name.startsWith(`rules.${i}.${field}`))?.[1];
                return (
                  <Card key={rule.key} withBorder padding="xs" data-testid="rule-row">
                    <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs" verticalSpacing="xs">
                      <TextInput
                        label={t("calendar.channels.ruleCount")}
                        value={rule.count}
                        inputMode="numeric"
                        onChange={(e) => setRule(rule.key, { count: e.currentTarget.value })}
                        error={err("count")}
                        data-testid="rule-count"
                      />
                      <Select
                        label={t("calendar.channels.rulePeriod")}
                        data={CADENCE_PERIODS.map((p) => ({
                          value: p,
                          label: t(`calendar.channels.periods.${p}`),
                        }))}
                        value={rule.period}
                        onChange={(v) => v && setRule(rule.key, { period: v as CadencePeriod })}
                        allowDeselect={false}
                        error={err("period")}
                      />
                      <MultiSelect
                        label={t("calendar.channels.ruleKinds")}
                        placeholder={rule.kinds.length ? undefined : t("calendar.channels.ruleKindsAny")}
                        data={kindOptions}
                        value={rule.kinds}
                        onChange={(kinds) => setRule(rule.key, { kinds })}
                        error={err("kinds")}
                      />
                      <TextInput
                        label={t("calendar.channels.ruleLabel")}
                        value={rule.label}
                        onChange={(e) => setRule(rule.key, { label: e.currentTarget.value })}
                        error={err("label")}
                      />
                      <TextInput
                        type="time"
                        label={t("calendar.channels.ruleWindowStart")}
                        value={rule.windowStart}
                        onChange={(e) => setRule(rule.key, { windowStart: e.currentTarget.value })}
                        error={err("windowStart")}
                      />
                      <Group gap={4} align="end" wrap="nowrap">
                        <TextInput
                          type="time"
                          label={t("calendar.channels.ruleWindowEnd")}
                          value={rule.windowEnd}
                          onChange={(e) => setRule(rule.key, { windowEnd: e.currentTarget.value })}
                          error={err("windowEnd")}
                          style={{ flex: 1 }}
                        />
                        {canManage ? (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            mb={4}
                            aria-label={t("calendar.channels.removeRule")}
                            onClick={() => setRules((list) => list.filter((r) => r.key !== rule.key))}
                            data-testid="remove-rule"
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        ) : null}
                      </Group>
                    </SimpleGrid>
                  </Card>
                );
              })}
            </Stack>
          </Card>
          {canManage ? (
            <Group>
              <Button type="submit" loading={busy} data-testid="save-channel">
                {t("calendar.channels.save")}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </fieldset>
    </IntentForm>
  );
}
