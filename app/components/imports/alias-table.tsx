import { Button, Group, Select, Table, TextInput } from "@mantine/core";
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNotify } from "~/components/calendar/notices";
import { DataTable } from "~/components/data-table";
import { useActionReply } from "~/components/use-action-reply";
import { METRIC_FIELDS, type MetricField } from "~/modules/metrics-import/metric-fields";
import { ConfirmIntent } from "./confirm-intent";

export interface AliasRow {
  id: number;
  alias: string;
  field: MetricField;
}

export function useFieldOptions() {
  const { t } = useTranslation();
  return METRIC_FIELDS.map((field) => ({ value: field, label: t(`imports.fields.${field}`) }));
}

/** The add form and the edit row share it: an alias, its figure, and a submit button. */
export function AliasForm({
  intent,
  alias,
  onDone,
  onCancel,
}: {
  intent: "create" | "update";
  alias?: AliasRow;
  onDone?(): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const answer = useActionReply({ fetcher, intent });
  const notify = useNotify();
  const options = useFieldOptions();
  const [key, setKey] = useState(0);
  useEffect(() => {
    if (fetcher.state !== "idle" || !answer.reply?.ok) return;
    if (answer.notice) notify({ color: "green", message: answer.notice });
    // A new add form after each alias added.
    setKey((k) => k + 1);
    onDone?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, answer.reply]);
  return (
    <fetcher.Form method="post" key={key} data-testid={`alias-${intent}-form`}>
      <input type="hidden" name="intent" value={intent} />
      {alias ? <input type="hidden" name="aliasId" value={alias.id} /> : null}
      <Group align="start" gap="xs" wrap="wrap">
        <TextInput
          name="alias"
          size={alias ? "xs" : "sm"}
          label={alias ? undefined : t("imports.aliases.alias")}
          aria-label={t("imports.aliases.alias")}
          placeholder={t("imports.aliases.aliasPlaceholder")}
          defaultValue={alias?.alias}
          error={answer.fieldError("alias")}
          required
          w={alias ? 160 : 200}
          data-testid={`alias-${intent}-name`}
        />
        <Select
          name="field"
          size={alias ? "xs" : "sm"}
          label={alias ? undefined : t("imports.aliases.field")}
          aria-label={t("imports.aliases.field")}
          data={options}
          defaultValue={alias?.field ?? "plays"}
          allowDeselect={false}
          error={answer.fieldError("field")}
          w={alias ? 170 : 200}
          data-testid={`alias-${intent}-field`}
        />
        <Group gap={6} mt={alias ? 0 : 25}>
          <Button
            type="submit"
            size={alias ? "xs" : "sm"}
            loading={fetcher.state !== "idle"}
            data-testid={`alias-${intent}-submit`}
          >
            {alias ? t("imports.aliases.save") : t("imports.aliases.add")}
          </Button>
          {onCancel ? (
            <Button size="xs" variant="default" onClick={onCancel}>
              {t("imports.aliases.cancel")}
            </Button>
          ) : null}
        </Group>
      </Group>
      {answer.formError ? (
        <div role="alert" style={{ color: "var(--mantine-color-red-6)" }}>
          {answer.formError}
        </div>
      ) : null}
    </fetcher.Form>
  );
}

/** The alias table: each alias with its figure, editable in place and deletable (asking first). */
export function AliasTable({ aliases, canManage }: { aliases: AliasRow[]; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <DataTable
      minWidth={520}
      striped
      data-testid="alias-table"
      columns={[
        t("imports.aliases.alias"),
        t("imports.aliases.field"),
        canManage ? t("imports.columns.actions") : "",
      ]}
    >
      {aliases.map((a) =>
        editing === a.id ? (
          <Table.Tr key={a.id}>
            <Table.Td colSpan={3}>
              <AliasForm
                intent="update"
                alias={a}
                onDone={() => setEditing(null)}
                onCancel={() => setEditing(null)}
              />
            </Table.Td>
          </Table.Tr>
        ) : (
          <Table.Tr key={a.id} data-testid={`alias-${a.alias}`}>
            <Table.Td>{a.alias}</Table.Td>
            <Table.Td>{t(`imports.fields.${a.field}`)}</Table.Td>
            <Table.Td>
              {canManage ? (
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setEditing(a.id)}
                    data-testid={`alias-edit-${a.id}`}
                  >
                    {t("imports.aliases.edit")}
                  </Button>
                  <ConfirmIntent
                    intent="delete"
                    fields={{ aliasId: a.id }}
                    label={t("imports.aliases.delete")}
                    title={t("imports.aliases.deleteTitle", { alias: a.alias })}
                    body={t("imports.aliases.deleteBody", { alias: a.alias })}
                    confirmLabel={t("imports.aliases.delete")}
                    testId={`alias-delete-${a.id}`}
                  />
                </Group>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ),
      )}
    </DataTable>
  );
}
