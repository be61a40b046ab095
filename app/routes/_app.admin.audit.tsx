import { Alert, Button, Code, Group, Pagination, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { DataTable } from "~/components/data-table";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { getStudio } from "~/lib/studio.server";
import { listAudit } from "~/modules/audit/list-audit.server";
import { verifyAuditChain } from "~/modules/audit/verify-audit-chain.server";

const auditQuerySchema = z.object({
  entity: z.string().trim().max(40).optional(),
  action: z.string().trim().max(60).optional(),
  actor: z.string().trim().max(120).optional(),
  page: z.coerce.number().int().min(1).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "audit.read");
  const { db } = getStudio();
  const parsed = auditQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const query = parsed.success ? parsed.data : { page: 1 };
  const pageSize = 50;
  return {
    ...listAudit({ db, filter: { ...query, page: query.page, pageSize } }),
    page: query.page,
    pageSize,
    chain: verifyAuditChain({ db }),
  };
}

export default function AuditLog() {
  const { items, total, page, pageSize, chain } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack>
      <Title order={2}>{t("admin.auditTitle")}</Title>
      {chain.ok ? (
        <Alert color="green">{t("admin.chainOk", { count: chain.entries })}</Alert>
      ) : (
        <Alert color="red">{t("admin.chainBroken", { id: chain.brokenAtId, reason: chain.reason })}</Alert>
      )}
      <Form method="get">
        <Group align="end" wrap="wrap">
          <TextInput
            name="entity"
            label={t("admin.entity")}
            defaultValue={params.get("entity") ?? ""}
            placeholder="piece / user / job"
          />
          <TextInput
            name="action"
            label={t("admin.action")}
            defaultValue={params.get("action") ?? ""}
            placeholder="piece.approve"
          />
          <TextInput name="actor" label={t("admin.actor")} defaultValue={params.get("actor") ?? ""} />
          <Button type="submit" variant="light">
            {t("common.filter")}
          </Button>
        </Group>
      </Form>
      <DataTable
        minWidth={800}
        striped
        data-testid="audit-table"
        columns={[
          "#",
          t("admin.at"),
          t("admin.actor"),
          t("admin.action"),
          t("admin.entity"),
          t("admin.summary"),
        ]}
      >
        {items.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Td>{row.id}</Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(row.at, timeZone)}</Table.Td>
            <Table.Td>{row.actorLabel}</Table.Td>
            <Table.Td>
              <Code>{row.action}</Code>
            </Table.Td>
            <Table.Td>
              {row.entity} {row.entityId ?? ""}
            </Table.Td>
            <Table.Td>
              <Text size="xs" style={{ wordBreak: "break-all" }}>
                {JSON.stringify(row.summary)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Pagination
        total={Math.max(1, Math.ceil(total / pageSize))}
        value={page}
        onChange={(p) => {
          const next = new URLSearchParams(params);
          next.set("page", String(p));
          submit(next, { method: "get" });
        }}
      />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
