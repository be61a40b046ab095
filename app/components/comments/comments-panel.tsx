import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/lib/dates";
import { COMMENT_BODY_MAX, type CommentAnchor } from "~/modules/comments/comment-anchor";
import type { CommentDto, CommentThreadDto, PieceCommentsDto } from "~/modules/comments/comment-dto";
import { useStudioTimeZone } from "../studio-time-zone";

type ApiFailure = { error?: { message?: string; field?: string } };

const anchorKey = (a: CommentAnchor) =>
  a.kind === "paragraph" ? `paragraph:${a.chapterId}:${a.index}` : `${a.kind}:${"id" in a ? a.id : a.index}`;

/** Posts JSON to the API with the session cookie; answers the API's error message, or null. */
async function postJson(
  url: string,
  body: unknown,
): Promise<{ ok: boolean; message: string | null; field?: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.ok) return { ok: true, message: null };
  const failure = (await response.json().catch(() => ({}))) as ApiFailure;
  return { ok: false, message: failure.error?.message ?? response.statusText, field: failure.error?.field };
}

function useAnchorLabel() {
  const { t } = useTranslation();
  return (kind: string, position: number | null, context: string | null) =>
    position === null
      ? t("notifications.comments.anchor.gone")
      : t(`notifications.comments.anchor.${kind}`, { n: position, context: context ?? "" });
}

function Quote({ text }: { text: string }) {
  return (
    <Text
      size="sm"
      c="dimmed"
      style={{
        borderLeft: "3px solid var(--mantine-color-gray-4)",
        paddingLeft: 8,
        overflowWrap: "anywhere",
      }}
    >
      {text}
    </Text>
  );
}

function CommentLine({ comment }: { comment: CommentDto }) {
  const timeZone = useStudioTimeZone();
  const { t } = useTranslation();
  return (
    <Stack gap={2} id={`comment-${comment.id}`}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {comment.author.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t("notifications.comments.number", { id: comment.id })} ·{" "}
          {formatDateTime(comment.createdAt, timeZone)}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {comment.body}
      </Text>
    </Stack>
  );
}

function Thread({
  thread,
  canComment,
  pieceId,
  onChanged,
}: {
  thread: CommentThreadDto;
  canComment: boolean;
  pieceId: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const label = useAnchorLabel();
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => ReturnType<typeof postJson>, after?: () => void) => {
    setBusy(true);
    const done = await work();
    setBusy(false);
    setError(done.message);
    if (done.ok) {
      after?.();
      onChanged();
    }
  };
  const resolved = thread.status === "resolved";
  return (
    <Card withBorder padding="sm" data-testid="comment-thread" data-status={thread.status}>
      <Stack gap="xs">
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color={resolved ? "gray" : "orange"} style={{ textTransform: "none" }}>
            {label(thread.anchor.kind, thread.position, thread.context)}
          </Badge>
          {!thread.current ? (
            <Badge variant="outline" color="gray" size="sm">
              {t("notifications.comments.changed")}
            </Badge>
          ) : null}
          {resolved ? (
            <Badge variant="light" color="green" size="sm">
              {thread.resolvedBy
                ? t("notifications.comments.resolvedBy", { name: thread.resolvedBy })
                : t("notifications.comments.resolved")}
            </Badge>
          ) : null}
        </Group>
        <Quote text={thread.quote} />
        <CommentLine comment={thread} />
        {thread.replies.map((r) => (
          <div key={r.id} style={{ paddingLeft: 12 }}>
            <CommentLine comment={r} />
          </div>
        ))}
        {error ? (
          <Alert color="red" p="xs">
            {error}
          </Alert>
        ) : null}
        {canComment ? (
          <Stack gap={6}>
            {!resolved ? (
              <Textarea
                size="sm"
                autosize
                minRows={1}
                maxLength={COMMENT_BODY_MAX}
                placeholder={t("notifications.comments.replyPlaceholder")}
                aria-label={t("notifications.comments.reply")}
                value={reply}
                onChange={(e) => setReply(e.currentTarget.value)}
              />
            ) : null}
            <Group gap="xs" wrap="wrap">
              {!resolved ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  disabled={busy || !reply.trim()}
                  onClick={() =>
                    run(
                      () =>
                        postJson(`/api/v1/pieces/${pieceId}/comments`, { parentId: thread.id, body: reply }),
                      () => setReply(""),
                    )
                  }
                >
                  {t("notifications.comments.reply")}
                </Button>
              ) : null}
              <Button
                size="compact-sm"
                variant="subtle"
                color={resolved ? "orange" : "green"}
                disabled={busy}
                data-testid={resolved ? "comment-reopen" : "comment-resolve"}
                onClick={() =>
                  run(() => postJson(`/api/v1/comments/${thread.id}/resolve`, { resolved: !resolved }))
                }
              >
                {resolved ? t("notifications.comments.reopen") : t("notifications.comments.resolve")}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

function NewComment({ data, onChanged }: { data: PieceCommentsDto; onChanged: () => void }) {
  const { t } = useTranslation();
  const label = useAnchorLabel();
  const [anchor, setAnchor] = useState<string | null>(null);
  const [body, setBody] = useState("");
  const [failure, setFailure] = useState<{ message: string | null; field?: string }>({ message: null });
  const [busy, setBusy] = useState(false);
  if (data.anchors.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("notifications.comments.noPlaces")}
      </Text>
    );
  const options = data.anchors.map((a) => ({
    value: anchorKey(a.anchor),
    label: `${label(a.kind, a.position, a.context)}：${a.quote.slice(0, 40)}`,
  }));
  const submit = async () => {
    const chosen = data.anchors.find((a) => anchorKey(a.anchor) === anchor)?.anchor;
    setBusy(true);
    const done = await postJson(`/api/v1/pieces/${data.pieceId}/comments`, { anchor: chosen, body });
    setBusy(false);
    setFailure({ message: done.message, field: done.field });
    if (done.ok) {
      setBody("");
      onChanged();
    }
  };
  const bodyError = failure.message && failure.field !== "anchor" ? failure.message : undefined;
  return (
    <Stack gap="xs" data-testid="new-comment">
      <Select
        label={t("notifications.comments.place")}
        placeholder={t("notifications.comments.placeHint")}
        data={options}
        value={anchor}
        onChange={setAnchor}
        searchable
        comboboxProps={{ withinPortal: true }}
        error={failure.field === "anchor" ? failure.message : undefined}
        data-testid="comment-anchor"
      />
      <Textarea
        label={t("notifications.comments.body")}
        description={t("notifications.comments.bodyHint")}
        autosize
        minRows={2}
        maxLength={COMMENT_BODY_MAX}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={bodyError}
        data-testid="comment-body"
      />
      <Button
        onClick={submit}
        loading={busy}
        style={{ alignSelf: "flex-start" }}
        data-testid="comment-submit"
      >
        {t("notifications.comments.submit")}
      </Button>
    </Stack>
  );
}

/**
 * The card both panels draw: open threads with the place they point at and the quoted line,
 * replies, resolve and reopen, and a form for a new comment (reviewers and the owner). `data` is
 * null while the first answer is on its way; `onChanged` fetches it again after a post.
 */
export function CommentsCard({ data, onChanged }: { data: PieceCommentsDto | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(false);
  const open = data?.threads.filter((th) => th.status === "open") ?? [];
  const shown = data ? (showResolved ? data.threads : open) : [];
  return (
    <Card withBorder mt="md" id="comments" data-testid="comments-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Title order={4}>{t("notifications.comments.title")}</Title>
            <Badge color={open.length ? "orange" : "gray"} variant="light">
              {t("notifications.comments.openCount", { count: open.length })}
            </Badge>
          </Group>
          <Switch
            size="xs"
            label={t("notifications.comments.showResolved")}
            checked={showResolved}
            onChange={(e) => setShowResolved(e.currentTarget.checked)}
          />
        </Group>
        {data?.chapter ? <Elsewhere pieceId={data.pieceId} count={data.chapter.elsewhereOpen} /> : null}
        {data && shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("notifications.comments.none")}
          </Text>
        ) : null}
        {shown.map((thread) => (
          <Thread
            key={thread.id}
            thread={thread}
            canComment={data!.canComment}
            pieceId={data!.pieceId}
            onChanged={onChanged}
          />
        ))}
        {data?.canComment ? (
          <>
            <Text size="xs" c="dimmed">
              {t("notifications.comments.rejectHint")}
            </Text>
            <NewComment data={data} onChanged={onChanged} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * What a chapter's list leaves out: the book's open threads elsewhere, with a link to the piece
 * page, whose panel lists every comment of the book.
 */
function Elsewhere({ pieceId, count }: { pieceId: number; count: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap" data-testid="comments-elsewhere" data-count={count}>
      <Text size="sm" c={count ? undefined : "dimmed"}>
        {count ? t("notifications.comments.elsewhere", { count }) : t("notifications.comments.elsewhereNone")}
      </Text>
      <Anchor component={Link} to={`/pieces/${pieceId}#comments`} size="sm">
        {t("notifications.comments.allOfBook")}
      </Anchor>
    </Group>
  );
}

/** The comments beside a piece's text, every place of the piece, fetched from the comments API. */
export function CommentsPanel({ pieceId }: { pieceId: number }) {
  const loader = useFetcher<PieceCommentsDto>();
  const url = `/api/v1/pieces/${pieceId}/comments`;
  const asked = useRef<number | null>(null);
  useEffect(() => {
    if (asked.current === pieceId) return;
    asked.current = pieceId;
    loader.load(url);
  }, [loader, pieceId, url]);
  const data = loader.data && loader.data.pieceId === pieceId ? loader.data : null;
  return <CommentsCard data={data} onChanged={() => loader.load(url)} />;
}
