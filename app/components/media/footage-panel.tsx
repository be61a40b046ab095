import {
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { Form, useRevalidator } from "@remix-run/react";
import {
  IconArrowDown,
  IconArrowUp,
  IconPhoto,
  IconRefresh,
  IconTrash,
  IconUpload,
  IconVolumeOff,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmFirst, TooltipIcon } from "~/components/tooltip-icon";
import { formatBytes, formatDuration } from "~/lib/dates";
import type { MediaAssetDto } from "~/modules/media/media-dto";
import { useRevalidateWhile } from "~/components/use-idle-revalidate";

const VERIFY_COLORS: Record<string, string> = { pending: "yellow", verified: "teal", failed: "red" };

interface FootagePanelProps {
  episodeId: number;
  clips: MediaAssetDto[];
  canEdit: boolean;
  maxBytes: number;
}

/** Upload with a real progress bar (XMLHttpRequest upload events) and the clip list in playing order. */
export function FootagePanel({ episodeId, clips, canEdit, maxBytes }: FootagePanelProps) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [upload, setUpload] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = clips.some((c) => c.verifyStatus === "pending");
  const failed = clips.filter((c) => c.verifyStatus === "failed").length;

  // Full-decode checks finish in the background: refresh until none is pending.
  useRevalidateWhile(pending, 2000);

  const send = (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > maxBytes) {
      setError(`文件太大，单个素材不能超过 ${formatBytes(maxBytes)}。`);
      return;
    }
    const body = new FormData();
    body.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/episodes/${episodeId}/media`);
    xhr.upload.onprogress = (e) =>
      e.lengthComputable && setUpload({ name: file.name, fraction: e.loaded / e.total });
    xhr.onload = () => {
      setUpload(null);
      if (xhr.status >= 200 && xhr.status < 300) revalidator.revalidate();
      else {
        let message = `${t("media.uploadFailed")}（${xhr.status}）`;
        try {
          message =
            (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? message;
        } catch {
          // Keep the status line when the answer is not JSON.
        }
        setError(message);
      }
    };
    xhr.onerror = () => {
      setUpload(null);
      setError(t("media.uploadFailed"));
    };
    setUpload({ name: file.name, fraction: 0 });
    xhr.send(body);
  };

  return (
    <Card withBorder>
      <Title order={4} mb={4}>
        {t("media.footage")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("media.footageHint", { limit: formatBytes(maxBytes) })}
      </Text>
      {canEdit ? (
        <FileButton onChange={send} accept="video/*,image/jpeg,image/png,.mp4,.mov,.mkv,.webm">
          {(props) => (
            <Button
              {...props}
              leftSection={<IconUpload size={16} />}
              disabled={Boolean(upload)}
              data-testid="upload-button"
            >
              {t("media.chooseFile")}
            </Button>
          )}
        </FileButton>
      ) : null}
      {upload ? (
        <Stack gap={4} mt="sm" data-testid="upload-progress">
          <Text size="sm">{t("media.uploading", { name: upload.name })}</Text>
          <Progress value={upload.fraction * 100} animated />
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" mt="sm" data-testid="upload-error">
          {error}
        </Alert>
      ) : null}
      {failed > 0 ? (
        <Alert color="orange" mt="sm" data-testid="failed-clips-note">
          {t("media.failedClips", { count: failed })}
        </Alert>
      ) : null}
      {clips.length === 0 ? (
        <Text c="dimmed" size="sm" mt="sm">
          {t("media.noClips")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={340} mt="sm">
          <Table verticalSpacing={6} data-testid="clip-list">
            <Table.Tbody>
              {clips.map((clip, i) => (
                <Table.Tr
                  key={clip.id}
                  data-testid="clip-row"
                  data-status={clip.verifyStatus}
                  bg={clip.verifyStatus === "failed" ? "var(--mantine-color-red-light)" : undefined}
                >
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {clip.kind === "image" ? <IconPhoto size={16} /> : null}
                      <Text size="sm" lineClamp={1} style={{ wordBreak: "break-all" }}>
                        {i + 1}. {clip.originalName}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {clip.kind === "image"
                        ? t("media.image")
                        : formatDuration(clip.durationSeconds, { secondsBelowMinute: true })}{" "}
                      · {clip.width}×{clip.height} · {formatBytes(clip.bytes)}
                      {clip.kind === "video" && !clip.hasAudio ? (
                        <>
                          {" · "}
                          <IconVolumeOff size={12} /> {t("media.noAudio")}
                        </>
                      ) : null}
                    </Text>
                    {clip.verifyStatus === "failed" ? (
                      <>
                        <Text size="xs" c="red" data-testid="clip-error">
                          {clip.verifyError ?? t("media.verify.failed")} {t("media.notRendered")}
                        </Text>
                        {canEdit ? (
                          <Form method="post">
                            <input type="hidden" name="assetId" value={clip.id} />
                            <Group gap={4} mt={4}>
                              <Button
                                type="submit"
                                name="intent"
                                value="clip-recheck"
                                size="compact-xs"
                                variant="light"
                                leftSection={<IconRefresh size={12} />}
                                data-testid="clip-recheck"
                              >
                                {t("media.recheck")}
                              </Button>
                              <Button
                                type="submit"
                                name="intent"
                                value="clip-delete"
                                size="compact-xs"
                                variant="light"
                                color="red"
                                leftSection={<IconTrash size={12} />}
                                onClick={confirmFirst(t("media.confirmDelete"))}
                                data-testid="clip-delete-failed"
                              >
                                {t("media.delete")}
                              </Button>
                            </Group>
                          </Form>
                        ) : null}
                      </>
                    ) : null}
                  </Table.Td>
                  <Table.Td w={70}>
                    <Badge
                      size="sm"
                      variant="light"
                      color={VERIFY_COLORS[clip.verifyStatus] ?? "gray"}
                      data-testid="clip-status"
                    >
                      {t(`media.verify.${clip.verifyStatus}`)}
                    </Badge>
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td w={100}>
                      <Form method="post">
                        <input type="hidden" name="assetId" value={clip.id} />
                        <Group gap={2} wrap="nowrap">
                          <TooltipIcon
                            type="submit"
                            name="intent"
                            value="clip-up"
                            disabled={i === 0}
                            label={t("media.moveUp")}
                          >
                            <IconArrowUp size={16} />
                          </TooltipIcon>
                          <TooltipIcon
                            type="submit"
                            name="intent"
                            value="clip-down"
                            disabled={i === clips.length - 1}
                            label={t("media.moveDown")}
                          >
                            <IconArrowDown size={16} />
                          </TooltipIcon>
                          <TooltipIcon
                            type="submit"
                            name="intent"
                            value="clip-delete"
                            color="red"
                            label={t("media.delete")}
                            onClick={confirmFirst(t("media.confirmDelete"))}
                          >
                            <IconTrash size={16} />
                          </TooltipIcon>
                        </Group>
                      </Form>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
