import {
  Alert,
  Button,
  Drawer,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TERM_CATEGORIES, TERM_SEVERITIES } from "~/modules/compliance/compliance-types";
import {
  BASIS_MAX_CHARS,
  REASON_MAX_CHARS,
  SUGGESTION_MAX_CHARS,
  TERM_MAX_CHARS,
  type TermDto,
} from "~/modules/compliance/terms/term-types";
import { PATTERN_MAX_LENGTH } from "~/modules/compliance/scanner/pattern-guard";
import { useIntentAction } from "~/components/shared/use-intent-action";

/**
 * Adds a term or edits one, in a drawer (the whole screen on a phone). The server checks
 * everything (the pattern guard, duplicates) and its messages show at their fields.
 */
export function TermFormDrawer({ term, onClose }: { term: TermDto | null; onClose(): void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery("(max-width: 48em)");
  const intent = term ? "update" : "create";
  const { fetcher, answer, busy } = useIntentAction(intent, onClose);
  const [kind, setKind] = useState<"term" | "pattern">(term?.pattern ? "pattern" : "term");
  const error = answer.fieldError;
  const area = (
    name: "reason" | "basis" | "suggestion",
    maxLength: number,
    props: { placeholder?: string; required?: boolean } = {},
  ) => (
    <Textarea
      name={name}
      label={t(`terms.form.${name}`)}
      defaultValue={term?.[name] ?? ""}
      error={error(name)}
      autosize
      minRows={2}
      maxLength={maxLength}
      {...props}
    />
  );
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={phone ? "100%" : "lg"}
      title={<Text fw={600}>{t(term ? "terms.form.titleEdit" : "terms.form.titleNew")}</Text>}
      data-testid="term-drawer"
    >
      <fetcher.Form method="post" action="?index">
        <input type="hidden" name="intent" value={intent} />
        {term ? <input type="hidden" name="termId" value={term.id} /> : null}
        <Stack gap="sm">
          {answer.formError ? <Alert color="red">{answer.formError}</Alert> : null}
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value as "term" | "pattern")}
            data={[
              { value: "term", label: t("terms.form.kindTerm") },
              { value: "pattern", label: t("terms.form.kindPattern") },
            ]}
            aria-label={t("terms.form.kind")}
          />
          {kind === "term" ? (
            <TextInput
              key="term"
              name="term"
              label={t("terms.form.term")}
              description={t("terms.form.termHint")}
              defaultValue={term?.term ?? ""}
              error={error("term")}
              maxLength={TERM_MAX_CHARS}
              required
              data-autofocus
            />
          ) : (
            <TextInput
              key="pattern"
              name="pattern"
              label={t("terms.form.pattern")}
              description={t("terms.form.patternHint")}
              defaultValue={term?.pattern ?? ""}
              error={error("pattern")}
              maxLength={PATTERN_MAX_LENGTH}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              required
              data-autofocus
            />
          )}
          {kind === "term" && error("pattern") ? (
            <Text size="sm" c="red">
              {error("pattern")}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              name="category"
              label={t("terms.form.category")}
              defaultValue={term?.category ?? null}
              data={TERM_CATEGORIES.map((value) => ({ value, label: t(`terms.categories.${value}`) }))}
              error={error("category")}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              required
            />
            <Select
              name="severity"
              label={t("terms.form.severity")}
              defaultValue={term?.severity ?? "review"}
              data={TERM_SEVERITIES.map((value) => ({ value, label: t(`terms.severities.${value}`) }))}
              error={error("severity")}
              allowDeselect={false}
              required
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-6}>
            {t("terms.form.severityHint")}
          </Text>
          {area("reason", REASON_MAX_CHARS, {
            placeholder: t("terms.form.reasonPlaceholder"),
            required: true,
          })}
          {area("basis", BASIS_MAX_CHARS, { placeholder: t("terms.form.basisPlaceholder"), required: true })}
          {area("suggestion", SUGGESTION_MAX_CHARS)}
          <Textarea
            name="allowedContexts"
            label={t("terms.form.allowedContexts")}
            description={t("terms.form.allowedContextsHint")}
            defaultValue={term?.allowedContexts.join("\n") ?? ""}
            error={error("allowedContexts")}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("terms.form.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="term-save">
              {t("terms.form.save")}
            </Button>
          </Group>
        </Stack>
      </fetcher.Form>
    </Drawer>
  );
}
