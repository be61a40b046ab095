import { Alert, Anchor, Button, Card, FileInput, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { IconFileTypeCsv } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { metaTranslator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { formatInstant } from "~/lib/dates";
import { parseForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { fail } from "~/lib/result";
import { readSmallUpload } from "~/lib/small-upload.server";
import { getStudio } from "~/lib/studio.server";
import { listChannelOptions } from "~/modules/metrics-import/list-channel-options.server";
import { createImportPreview } from "~/modules/metrics-import/create-import-preview.server";
import { uploadFormSchema } from "~/modules/metrics-import/import-schemas";
import { IMPORT_MAX_BYTES } from "~/modules/metrics-import/read-import-file.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: t("common.pageTitle", { title: t("imports.uploadPage.title") }) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "metrics.import");
  const { db, now, config } = getStudio();
  return {
    channels: listChannelOptions({ db }),
    today: formatInstant(now(), config.timeZone, "YYYY-MM-DD"),
  };
}

/** The upload: the file and its two fields in one multipart form; a good file becomes a preview. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "metrics.import");
  const upload = await readSmallUpload(request, { maxBytes: IMPORT_MAX_BYTES });
  if (!upload.ok)
    return reply(
      request,
      upload.reason === "too_large"
        ? fail(413, "too_large", "CSV 文件不能超过 5 MB。", {
            field: "file",
            params: { context: "csv", mb: 5 },
          })
        : fail(400, "no_file", "请选择要导入的 CSV 文件。", { field: "file", params: { context: "csv" } }),
      { intent: "upload" },
    );
  const parsed = parseForm(uploadFormSchema, upload.form);
  if (!parsed.ok) return reply(request, parsed, { intent: "upload" });
  const { db, now, config } = getStudio();
  const result = createImportPreview({
    db,
    actor,
    now: now(),
    timeZone: config.timeZone,
    bytes: new Uint8Array(await upload.file.arrayBuffer()),
    fileName: upload.file.name,
    platform: parsed.data.platform,
    asOfDay: parsed.data.asOf,
  });
  if (!result.ok) return reply(request, result, { intent: "upload" });
  return redirect(`/imports/${result.importId}`);
}

export default function NewImportPage() {
  const { channels, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const answer = useActionReply({ intent: "upload" });
  const busy = useNavigation().state === "submitting";
  return (
    <Stack gap="md" maw={640}>
      <Anchor component={Link} to="/imports" size="sm">
        ← {t("imports.uploadPage.back")}
      </Anchor>
      <Title order={2}>{t("imports.uploadPage.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("imports.uploadPage.hint")}
      </Text>
      <Card withBorder>
        <Form method="post" encType="multipart/form-data" data-testid="upload-form">
          <Stack>
            <Select
              name="platform"
              label={t("imports.uploadPage.platform")}
              placeholder={t("imports.uploadPage.platformPlaceholder")}
              data={channels.map((c) => ({ value: c.key, label: c.name }))}
              defaultValue={channels[0]?.key}
              error={answer.fieldError("platform")}
              allowDeselect={false}
              required
              data-testid="upload-platform"
            />
            <TextInput
              type="date"
              name="asOf"
              label={t("imports.uploadPage.asOf")}
              description={t("imports.uploadPage.asOfHint")}
              defaultValue={today}
              max={today}
              error={answer.fieldError("asOf")}
              required
              data-testid="upload-as-of"
            />
            <FileInput
              name="file"
              label={t("imports.uploadPage.file")}
              placeholder={t("imports.uploadPage.filePlaceholder")}
              accept=".csv,text/csv"
              leftSection={<IconFileTypeCsv size={18} />}
              error={answer.fieldError("file")}
              required
              data-testid="upload-file"
            />
            {answer.formError ? (
              <Alert color="red" data-testid="upload-error">
                {answer.formError}
              </Alert>
            ) : null}
            <Button type="submit" loading={busy} data-testid="upload-submit">
              {t("imports.uploadPage.submit")}
            </Button>
          </Stack>
        </Form>
      </Card>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
