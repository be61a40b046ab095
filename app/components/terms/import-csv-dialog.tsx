import { Alert, Button, FileInput, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { IconFileTypeCsv } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportMode, LibraryChangeCounts } from "~/modules/compliance/terms/term-types";
import { useTermAction } from "./use-term-action";

export type ImportOutcome = LibraryChangeCounts & { version: number; changed: boolean };

/**
 * Uploads a CSV file to the page's import (its own 2 MB cap, as multipart). All or nothing: a bad
 * row is named here and nothing is imported; a success closes the dialog with what changed.
 */
export function ImportCsvDialog({ onClose }: { onClose(outcome: ImportOutcome | null): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("merge");
  const { fetcher, answer, busy } = useTermAction<{ imported: ImportOutcome }>("import", (reply) =>
    onClose(reply.imported),
  );
  const submit = () => {
    if (!file) return;
    const form = new FormData();
    form.set("mode", mode);
    form.set("file", file);
    fetcher.submit(form, { method: "post", action: "?index&intent=import", encType: "multipart/form-data" });
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
        {answer.error ? (
          <Alert color="red" title={t("terms.importCsv.failed")} data-testid="import-error">
            {answer.error}
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
