import { Alert, Button, Paper, Stack, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BookMetadataFields } from "~/components/ebooks/book-metadata-fields";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { parseForm } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { createBook } from "~/modules/ebooks/create-book.server";
import { createBookSchema } from "~/modules/ebooks/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.edit");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "ebooks.edit");
  const parsed = parseForm(createBookSchema, await request.formData());
  if (!parsed.ok) return { errors: parsed.errors };
  const { db, now } = getStudio();
  const result = createBook({ db, actor, input: parsed.data, now: now() });
  if (!result.ok) return { errors: { [result.field ?? "_form"]: result.message } as Record<string, string> };
  return redirect(`/ebooks/${result.pieceId}`);
}

export default function NewBook() {
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <Stack maw={760}>
      <Title order={2}>{t("ebooks.newBookTitle")}</Title>
      <Paper withBorder p="md">
        <Form method="post">
          <Stack gap="xs">
            {data?.errors?._form ? <Alert color="red">{data.errors._form}</Alert> : null}
            <BookMetadataFields
              withKind
              values={{
                kind: "ebook",
                title: "",
                subtitle: "",
                author: "",
                description: "",
                keywords: [],
                trim: "A5",
                targetPages: 96,
              }}
              errors={data?.errors}
            />
            <Button
              type="submit"
              w="fit-content"
              loading={navigation.state === "submitting"}
              data-testid="create-book"
            >
              {t("ebooks.create")}
            </Button>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
