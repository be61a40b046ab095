import { Button, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./error-alert";
import { MIX_CATEGORIES, PIECE_KINDS } from "~/modules/pieces/status-machine";
import { formatNumber, toWallClockInput } from "~/lib/dates";
import { BODY_MAX, TITLE_MAX } from "~/modules/pieces/schemas";
import { ComplianceTextarea } from "./compliance/compliance-textarea";
import { useStudioTimeZone } from "./studio-time-zone";

export interface PieceFormValues {
  kind?: string;
  title: string;
  body: string;
  campaignId: number | null;
  columnId: number | null;
  mixCategory: string | null;
  dueAt: string | null;
  version?: number;
}

interface Options {
  campaigns: Array<{ id: number; name: string; month: number }>;
  columns: Array<{ id: number; name: string }>;
}

/** One form for creating and editing a piece; fields match createPieceSchema/updatePieceSchema. */
export function PieceForm({
  values,
  options,
  errors,
  readOnly,
  intent,
}: {
  values: PieceFormValues;
  options: Options;
  errors?: Record<string, string>;
  readOnly?: boolean;
  intent: "create" | "update";
}) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const navigation = useNavigation();
  const e = errors ?? {};
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <Stack>
        <ErrorAlert error={e._form} data-testid="form-error" />
        {intent === "create" ? (
          <Select
            name="kind"
            label={t("common.kind")}
            required
            defaultValue={values.kind ?? "article"}
            data={PIECE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            error={e.kind}
            allowDeselect={false}
          />
        ) : null}
        <TextInput
          name="title"
          label={t("common.title")}
          required
          defaultValue={values.title}
          error={e.title}
          maxLength={TITLE_MAX + 20}
          readOnly={readOnly}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Select
            name="campaignId"
            label={t("common.campaign")}
            clearable
            defaultValue={values.campaignId ? String(values.campaignId) : null}
            data={options.campaigns.map((c) => ({
              value: String(c.id),
              label: t("common.campaignOption", { month: c.month, name: c.name }),
            }))}
            error={e.campaignId}
            readOnly={readOnly}
          />
          <Select
            name="columnId"
            label={t("common.column")}
            clearable
            defaultValue={values.columnId ? String(values.columnId) : null}
            data={options.columns.map((c) => ({ value: String(c.id), label: c.name }))}
            error={e.columnId}
            readOnly={readOnly}
          />
          <Select
            name="mixCategory"
            label={t("common.mixCategory")}
            clearable
            defaultValue={values.mixCategory}
            data={[...MIX_CATEGORIES]}
            error={e.mixCategory}
            readOnly={readOnly}
          />
          <TextInput
            name="dueAt"
            type="datetime-local"
            label={t("common.dueAt")}
            defaultValue={toWallClockInput(values.dueAt, timeZone)}
            error={e.dueAt}
            readOnly={readOnly}
          />
        </SimpleGrid>
        <ComplianceTextarea
          name="body"
          label={t("common.body")}
          defaultValue={values.body}
          showClean
          error={e.body}
          autosize
          minRows={8}
          maxRows={24}
          readOnly={readOnly}
          description={`≤ ${formatNumber(BODY_MAX)}`}
          data-testid="piece-body"
        />
        {readOnly ? null : (
          <Group>
            <Button type="submit" loading={navigation.state === "submitting"} data-testid="save-piece">
              {intent === "create" ? t("common.create") : t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Form>
  );
}
