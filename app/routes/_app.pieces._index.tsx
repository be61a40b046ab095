import { Anchor, Box, Button, Group, Pagination, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PieceDates, isLate } from "~/components/piece-list";
import { RouteError } from "~/components/route-error";
import { ListPageHeader } from "~/components/shared/list-page-header";
import { StatusBadge } from "~/components/status-badge";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { DataTable } from "~/components/data-table";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime, formatShortDateTime } from "~/lib/dates";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { listPieceOptions } from "~/modules/pieces/list-piece-options.server";
import { listPieces } from "~/modules/pieces/list-pieces.server";
import { listPiecesQuerySchema } from "~/modules/pieces/schemas";
import { PIECE_KINDS, PIECE_STATUSES } from "~/modules/pieces/status-machine";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "pieces.read");
  const { db, now } = getStudio();
  const parsed = listPiecesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const query = parsed.success ? parsed.data : listPiecesQuerySchema.parse({});
  return {
    ...listPieces({ db, query }),
    query,
    options: listPieceOptions({ db }),
    canCreate: can(actor.roles, "pieces.create"),
    now: now().toISOString(),
  };
}

export default function PiecesList() {
  const { items, total, query, options, canCreate, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const selectChange = (name: string) => (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete("page");
    submit(next, { method: "get" });
  };

  return (
    <Stack>
      <ListPageHeader
        title={t("pieces.listTitle")}
        create={canCreate ? { to: "/pieces/new", label: t("pieces.newPiece"), testId: "new-piece" } : null}
      />
      <Form method="get">
        <Group align="end" wrap="wrap" gap="sm">
          <TextInput
            name="q"
            defaultValue={query.q ?? ""}
            placeholder={t("pieces.searchPlaceholder")}
            label={t("common.search")}
            w={{ base: "100%", sm: 240 }}
          />
          <Select
            label={t("common.kind")}
            clearable
            value={query.kind ?? null}
            onChange={selectChange("kind")}
            data={PIECE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            w={{ base: "47%", sm: 140 }}
          />
          <Select
            label={t("common.status")}
            clearable
            value={query.status ?? null}
            onChange={selectChange("status")}
            data={PIECE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            w={{ base: "47%", sm: 140 }}
          />
          <Select
            label={t("common.owner")}
            clearable
            value={query.ownerId ? String(query.ownerId) : null}
            onChange={selectChange("ownerId")}
            data={options.owners.map((o) => ({ value: String(o.id), label: o.name }))}
            w={{ base: "47%", sm: 140 }}
          />
          <Select
            label={t("common.campaign")}
            clearable
            value={query.campaignId ? String(query.campaignId) : null}
            onChange={selectChange("campaignId")}
            data={options.campaigns.map((c) => ({
              value: String(c.id),
              label: t("common.campaignOption", { month: c.month, name: c.name }),
            }))}
            w={{ base: "47%", sm: 180 }}
          />
          <Button type="submit" variant="light">
            {t("common.search")}
          </Button>
        </Group>
      </Form>
      <DataTable
        minWidth={320}
        striped
        highlightOnHover
        data-testid="pieces-table"
        columns={[
          t("common.title"),
          { label: t("common.kind"), visibleFrom: "sm" },
          t("common.status"),
          { label: t("home.dueColumn"), visibleFrom: "sm" },
          { label: t("home.scheduledColumn"), visibleFrom: "sm" },
          { label: t("common.owner"), visibleFrom: "md" },
          { label: t("common.campaign"), visibleFrom: "lg" },
          { label: t("common.updatedAt"), visibleFrom: "lg" },
        ]}
      >
        {items.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Anchor component={Link} to={`/pieces/${p.id}`}>
                {p.title}
              </Anchor>
              {/* On a phone the kind and dates go under the title, leaving the status whole. */}
              <Box hiddenFrom="sm">
                <Text size="xs" c="dimmed">
                  {t(`kinds.${p.kind}`)}
                </Text>
                <PieceDates piece={p} now={now} />
              </Box>
            </Table.Td>
            <Table.Td visibleFrom="sm">{t(`kinds.${p.kind}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>
              <StatusBadge status={p.status} />
            </Table.Td>
            <Table.Td
              visibleFrom="sm"
              c={isLate(p, now) ? "red.7" : undefined}
              style={{ whiteSpace: "nowrap" }}
            >
              {p.dueAt ? formatShortDateTime(p.dueAt, timeZone) : "—"}
            </Table.Td>
            <Table.Td visibleFrom="sm" style={{ whiteSpace: "nowrap" }}>
              {p.scheduledAt ? formatShortDateTime(p.scheduledAt, timeZone) : "—"}
            </Table.Td>
            <Table.Td visibleFrom="md">{p.ownerName}</Table.Td>
            <Table.Td visibleFrom="lg">{p.campaignName ?? "—"}</Table.Td>
            <Table.Td visibleFrom="lg">{formatDateTime(p.updatedAt, timeZone)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {items.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("common.total", { count: total })}
        </Text>
        <Pagination
          total={pages}
          value={query.page}
          onChange={(page) => {
            const next = new URLSearchParams(params);
            next.set("page", String(page));
            submit(next, { method: "get" });
          }}
        />
      </Group>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
