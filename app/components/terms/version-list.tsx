import { Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { formatDateTime } from "~/lib/dates";
import type { LibraryVersionDto } from "~/modules/compliance/terms/term-types";

/** The library's versions, newest first; editors may restore any earlier one. */
export function VersionList({
  versions,
  current,
  canManage,
  onRestore,
}: {
  versions: LibraryVersionDto[];
  current: number;
  canManage: boolean;
  onRestore(version: LibraryVersionDto): void;
}) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  if (versions.length === 0) return <Text c="dimmed">{t("terms.versions.none")}</Text>;
  const who = (v: LibraryVersionDto) => v.actorName ?? t("terms.versions.system");
  const restore = (v: LibraryVersionDto) =>
    canManage && v.version !== current ? (
      <Button
        size="xs"
        variant="light"
        leftSection={<IconHistory size={14} />}
        onClick={() => onRestore(v)}
        data-testid={`restore-${v.version}`}
      >
        {t("terms.versions.restore")}
      </Button>
    ) : null;
  const label = (v: LibraryVersionDto) => (
    <Group gap={6} wrap="nowrap">
      <Text fw={600}>v{v.version}</Text>
      {v.version === current ? (
        <Badge size="xs" color="green" variant="light">
          {t("terms.versions.current")}
        </Badge>
      ) : null}
    </Group>
  );
  const cause = (v: LibraryVersionDto) => (
    <>
      <Text size="sm">{t(`terms.versions.causes.${v.cause}`)}</Text>
      {v.note ? (
        <Text size="xs" c="dimmed">
          {v.note}
        </Text>
      ) : null}
    </>
  );
  return (
    <>
      <Stack gap="xs" hiddenFrom="sm">
        {versions.map((v) => (
          <Card key={v.version} withBorder padding="sm" data-testid="version-card">
            <Group justify="space-between" wrap="nowrap">
              {label(v)}
              {restore(v)}
            </Group>
            {cause(v)}
            <Text size="xs" c="dimmed" mt={4}>
              {who(v)} · {formatDateTime(v.createdAt, timeZone)} · {t("terms.versions.count")} {v.termCount}
            </Text>
          </Card>
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={640} visibleFrom="sm">
        <Table striped data-testid="versions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t("terms.versions.version")}</Table.Th>
              <Table.Th>{t("terms.versions.cause")}</Table.Th>
              <Table.Th>{t("terms.versions.actor")}</Table.Th>
              <Table.Th>{t("terms.versions.time")}</Table.Th>
              <Table.Th ta="right">{t("terms.versions.count")}</Table.Th>
              {canManage ? <Table.Th w={100} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.version} data-testid="version-row">
                <Table.Td>{label(v)}</Table.Td>
                <Table.Td>{cause(v)}</Table.Td>
                <Table.Td>{who(v)}</Table.Td>
                <Table.Td>{formatDateTime(v.createdAt, timeZone)}</Table.Td>
                <Table.Td ta="right">{v.termCount}</Table.Td>
                {canManage ? <Table.Td>{restore(v)}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
