import { Button, Card, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { RouteError } from "~/components/route-error";
import { PieceListView } from "~/components/shared/piece-list-view";
import { useActionReply } from "~/components/use-action-reply";
import { metaTranslator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { formatNumber } from "~/lib/dates";
import { parseForm, readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { getStudio } from "~/lib/studio.server";
import { listArticleChannels } from "~/modules/articles/article-rows.server";
import { createArticle } from "~/modules/articles/create-article.server";
import { listArticles } from "~/modules/articles/list-articles.server";
import { createArticleSchema } from "~/modules/articles/schemas";
import { can } from "~/modules/auth/permissions";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("articles.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "pieces.read");
  const { db } = getStudio();
  return {
    articles: listArticles({ db, query: { page: 1, pageSize: 100 } }).items,
    channels: listArticleChannels(db).map(({ key, name }) => ({ key, name })),
    canCreate: can(actor.roles, "pieces.create"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "pieces.create");
  const { db, now, config } = getStudio();
  const parsed = parseForm(createArticleSchema(config.timeZone), await readForm(request));
  if (!parsed.ok) return reply(request, parsed);
  const result = createArticle({ db, actor, input: parsed.data, now: now() });
  if (!result.ok) return reply(request, result);
  return redirect(`/articles/${result.pieceId}`);
}

function NewArticleForm({ channels }: { channels: Array<{ key: string; name: string }> }) {
  const { t } = useTranslation();
  const saved = useActionReply();
  const busy = useNavigation().state === "submitting";
  return (
    <Card withBorder>
      <Form method="post">
        <Group align="end" wrap="wrap">
          <TextInput
            name="title"
            label={t("articles.titleLabel")}
            required
            maxLength={120}
            error={saved.fieldError("title")}
            style={{ flex: "1 1 240px" }}
            data-testid="new-article-title"
          />
          <Select
            name="channel"
            label={t("articles.channelLabel")}
            defaultValue={channels.find((c) => c.key === "yiche")?.key ?? null}
            data={channels.map((c) => ({ value: c.key, label: c.name }))}
            error={saved.fieldError("channel")}
            clearable
            w={200}
            data-testid="new-article-channel"
          />
          <Button type="submit" loading={busy} data-testid="create-article">
            {t("articles.create")}
          </Button>
        </Group>
      </Form>
    </Card>
  );
}

export default function ArticlesList() {
  const { articles, channels, canCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const chars = (n: number) => t("articles.charCount", { n: formatNumber(n) });
  return (
    <Stack>
      <PageHeader title={t("articles.title")} />
      <Text size="sm" c="dimmed">
        {t("articles.intro")}
      </Text>
      {canCreate ? <NewArticleForm channels={channels} /> : null}
      <PieceListView
        items={articles}
        href={(a) => `/articles/${a.id}`}
        tableTestId="articles-table"
        rowTestId={(a) => `article-row-${a.id}`}
        cardTestId={(a) => `article-card-${a.id}`}
        details={(a) =>
          `${a.channel?.name ?? t("articles.noChannel")} · ${a.ownerName} · ${chars(a.charCount)}`
        }
        columns={[
          t("articles.columns.title"),
          t("articles.columns.channel"),
          t("articles.columns.status"),
          t("articles.columns.owner"),
          t("articles.columns.chars"),
          t("articles.columns.updated"),
        ]}
        category={(a) => a.channel?.name ?? t("articles.noChannel")}
        cells={(a) => <Table.Td>{formatNumber(a.charCount)}</Table.Td>}
        empty={t("articles.empty")}
      />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
