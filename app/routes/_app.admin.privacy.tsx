import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { getStudio } from "~/lib/studio.server";
import { listDeletionRequests } from "~/modules/privacy/list-deletion-requests.server";

/** Admins: every deletion and withdrawal request, its due time (48 h) and its state. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "privacy.manage");
  const { db, now } = getStudio();
  return { requests: listDeletionRequests({ db, now: now() }) };
}

export default function PrivacyRequests() {
  const { requests } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack>
      <Title order={2}>{t("privacyAdmin.title")}</Title>
      <Text c="dimmed" size="sm">
        {t("privacyAdmin.intro")}
      </Text>
      {requests.length === 0 ? (
        <Text c="dimmed">{t("privacyAdmin.none")}</Text>
      ) : (
        <DataTable
          minWidth={640}
          columns={[
            t("privacyAdmin.id"),
            t("privacyAdmin.phone"),
            t("privacyAdmin.kind"),
            t("privacyAdmin.requested"),
            t("privacyAdmin.due"),
            t("privacyAdmin.state"),
            t("privacyAdmin.erased"),
          ]}
        >
          {requests.map((r) => (
            <Table.Tr key={r.id} data-testid="deletion-request" bg={r.overdue ? "red.0" : undefined}>
              <Table.Td>{r.id}</Table.Td>
              <Table.Td>{r.phoneMasked}</Table.Td>
              <Table.Td>{t(`privacyAdmin.kinds.${r.kind as "delete" | "withdraw"}`)}</Table.Td>
              <Table.Td>{formatDateTime(r.requestedAt, timeZone)}</Table.Td>
              <Table.Td>{formatDateTime(r.dueAt, timeZone)}</Table.Td>
              <Table.Td>
                <Badge color={r.overdue ? "red" : r.status === "done" ? "teal" : "yellow"} variant="light">
                  {r.overdue
                    ? t("privacyAdmin.overdue")
                    : t(`privacyAdmin.states.${r.status as "pending" | "done"}`)}
                </Badge>
                {r.doneAt ? (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(r.doneAt, timeZone)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{r.leadsErased ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
