import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PosterSizeSelect, PosterTemplateSelect } from "~/components/posters/poster-form-parts";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { parseForm, readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { createPoster } from "~/modules/posters/create-poster.server";
import { listPosters } from "~/modules/posters/get-poster.server";
import { createPosterSchema } from "~/modules/posters/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "pieces.read");
  return json({ posters: listPosters(getStudio().db), canCreate: can(actor.roles, "pieces.create") });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "pieces.create");
  const parsed = parseForm(createPosterSchema, await readForm(request));
  if (!parsed.ok) return reply(request, parsed);
  const { db, now } = getStudio();
  const result = createPoster({ db, actor, input: parsed.data, now: now() });
  return result.ok ? redirect(`/posters/${result.pieceId}`) : reply(request, result);
}

export default function PostersPage() {
  const { posters, canCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const created = useActionReply();
  const navigation = useNavigation();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("posterPages.title")}</Title>
        <Anchor component={Link} to="/brand-kit">
          {t("posterPages.brandKit")}
        </Anchor>
      </Group>
      {canCreate ? (
        <Paper withBorder p="md">
          <Form method="post">
            <Stack gap="sm">
              <Title order={4}>{t("posterPages.newPoster")}</Title>
              {created.formError ? <Alert color="red">{created.formError}</Alert> : null}
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  name="title"
                  label={t("posterPages.posterTitle")}
                  required
                  error={created.fieldError("title")}
                />
                <PosterTemplateSelect defaultValue="offer" />
                <PosterSizeSelect defaultValue="moments" />
              </SimpleGrid>
              <Button
                type="submit"
                w="fit-content"
                loading={navigation.state === "submitting"}
                data-testid="create-poster"
              >
                {t("posterPages.create")}
              </Button>
            </Stack>
          </Form>
        </Paper>
      ) : null}
      {posters.length === 0 ? (
        <Text c="dimmed">{t("posterPages.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("posterPages.posterTitle")}</Table.Th>
                <Table.Th>{t("posterPages.template")}</Table.Th>
                <Table.Th>{t("posterPages.size")}</Table.Th>
                <Table.Th>{t("posterPages.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {posters.map((poster) => (
                <Table.Tr key={poster.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/posters/${poster.id}`}>
                      {poster.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`posters.templates.${poster.template}`)}</Table.Td>
                  <Table.Td>{t(`posters.sizes.${poster.size}`)}</Table.Td>
                  <Table.Td>{t(`statuses.${poster.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
