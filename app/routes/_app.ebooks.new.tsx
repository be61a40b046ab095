import { Alert, Button, Paper, Stack, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BookMetadataFields } from "~/components/ebooks/book-metadata-fields";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { parseForm, readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { getStudio } from "~/lib/studio.server";
import { createBook } from "~/modules/ebooks/create-book.server";
import { createBookSchema } from "~/modules/ebooks/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.edit");
  return null;
}

// A refused form answers 200, as this page always has: the form is simply shown again.
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "ebooks.edit");
  const parsed = parseForm(createBookSchema, await readForm(request));
  if (!parsed.ok) return reply(request, parsed, { failureStatus: 200 });
  const { db, now } = getStudio();
  const result = createBook({ db, actor, input: parsed.data, now: now() });
  return result.ok ? redirect(`/ebooks/${result.pieceId}`) : reply(request, result, { failureStatus: 200 });
}

export default function NewBook() {
  const created = useActionReply();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <Stack maw={760}>
      <Title order={2}>{t("ebooks.newBookTitle")}</Title>
      <Paper withBorder p="md">
        <Form method="post">
          <Stack gap="xs">
            {created.formError ? <Alert color="red">{created.formError}</Alert> : null}
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
              errors={created.fieldErrors}
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
