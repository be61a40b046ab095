import { Alert, Button, FileInput, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { useRevalidator } from "@remix-run/react";
import { IconFileTypeCsv } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportMode, LibraryChangeCounts } from "~/modules/compliance/terms/term-types";

export type ImportOutcome = LibraryChangeCounts & { version: number; changed: boolean };

export const IMPORT_URL = "/api/v1/terms/import";

/**
 * Sends the chosen CSV file as it is (`Content-Type: text/csv`, the bytes untouched so the server
 * can tell UTF-8 from GBK) to the import API, which answers in the page's language. All or
 * nothing: a bad row is named here and nothing is imported; a success closes the dialog and
 * reloads the page's data.
 */
export function ImportCsvDialog({ onClose }: { onClose(outcome: ImportOutcome | null): void }) {
  const { t, i18n } = useTranslation();
  const revalidator = useRevalidator();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("merge");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`${IMPORT_URL}?mode=${mode}`, {
        method: "POST",
        body: file,
        // The API answers in this language (it would otherwise follow the browser's).
        headers: { "Content-Type": "text/csv", "Accept-Language": i18n.language === "en" ? "en" : "zh" },
      });
      const answer = (await response.json().catch(() => null)) as
        (ImportOutcome & { error?: undefined }) | { error: { message: string } } | null;
      if (!response.ok || !answer || answer.error) {
        setError(answer?.error?.message ?? t("terms.importCsv.requestFailed"));
        return;
      }
      revalidator.revalidate();
      onClose(answer);
    } catch {
      setError(t("terms.importCsv.requestFailed"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened
      onClose={() => onClose(null)}
      title={t("terms.importCsv.title")}
      size="lg"
      data-testid="import-dialog"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t("terms.importCsv.hint")}
        </Text>
        <FileInput
          label={t("terms.importCsv.file")}
          placeholder={t("terms.importCsv.filePlaceholder")}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          leftSection={<IconFileTypeCsv size={18} />}
          clearable
          data-testid="import-file"
        />
        <Radio.Group
          label={t("terms.importCsv.mode")}
          value={mode}
          onChange={(value) => setMode(value as ImportMode)}
        >
          <Stack gap={6} mt={4}>
            <Radio value="merge" label={t("terms.importCsv.modeMerge")} />
            <Radio value="replace" label={t("terms.importCsv.modeReplace")} />
          </Stack>
        </Radio.Group>
        {error ? (
          <Alert color="red" title={t("terms.importCsv.failed")} data-testid="import-error">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(null)}>
            {t("terms.form.cancel")}
          </Button>
          <Button onClick={submit} disabled={!file} loading={busy} data-testid="import-submit">
            {t("terms.importCsv.submit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
