import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Grid,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "~/components/error-alert";
import { PieceHeading } from "~/components/piece-heading";
import { PieceDates } from "~/components/piece-list";
import { ApprovalHoldNote } from "~/components/approval-hold-note";
import { getApprovalHold } from "~/modules/pieces/approval-hold.server";
import { CommentsPanel } from "~/components/comments/comments-panel";
import { ReviewFlagBanner, ReviewPanel } from "~/components/compliance/review-panel";
import { PieceForm } from "~/components/piece-form";
import { RouteError } from "~/components/route-error";
import { RevisionDiff } from "~/components/revision-diff";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { useActionReply } from "~/components/use-action-reply";
import { requestLanguage } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime, formatNumber } from "~/lib/dates";
import { parseId } from "~/lib/forms.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { getPieceSummary } from "~/modules/analytics/get-piece-summary.server";
import { can } from "~/modules/auth/permissions";
import { getPieceReview } from "~/modules/compliance/review/get-piece-review.server";
import { justifyFindings } from "~/modules/compliance/review/justify-findings.server";
import { recordOriginalityException } from "~/modules/compliance/review/record-originality-exception.server";
import { justificationSchema } from "~/modules/compliance/review/schemas";
import { getPiece } from "~/modules/pieces/get-piece.server";
import { getPieceHistory } from "~/modules/pieces/get-piece-history.server";
import { getRevisionChange } from "~/modules/pieces/get-revision-change.server";
import { listPieceOptions } from "~/modules/pieces/list-piece-options.server";
import { transitionPieceSchema, updatePieceSchema } from "~/modules/pieces/schemas";
import { availableTransitions, canEditPiece } from "~/modules/pieces/status-machine";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { updatePiece } from "~/modules/pieces/update-piece.server";

/** Where each kind's own editor lives (script lines, book chapters, run of show). */
const KIND_EDITORS: Record<string, (id: number) => string> = {
  episode: (id) => `/episodes/${id}`,
  livestream: (id) => `/livestreams/${id}`,
  ebook: (id) => `/ebooks/${id}`,
  handbook: (id) => `/ebooks/${id}`,
  article: (id) => `/articles/${id}`,
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "pieces.read");
  const { db, now, config } = getStudio();
  const piece = getPiece({ db, pieceId: parseId(params.id) });
  if (!piece) throw json({ message: "内容不存在。" }, { status: 404 });
  const history = getPieceHistory({ db, pieceId: piece.id });
  // Only the revision the reader picked (?v=, the latest by default) is diffed, against the one before.
  const picked = Number(new URL(request.url).searchParams.get("v"));
  const revision = getRevisionChange({
    db,
    pieceId: piece.id,
    version: Number.isInteger(picked) && picked > 0 ? picked : undefined,
  });
  return {
    piece,
    approvalHold: getApprovalHold({ db, pieceId: piece.id }),
    revisions: history.revisions,
    revision,
    transitions: history.transitions,
    actions: availableTransitions(piece, actor),
    canEdit: canEditPiece(piece, actor),
    options: listPieceOptions({ db }),
    review: getPieceReview({ db, pieceId: piece.id, lang: requestLanguage(request) }),
    canJustify: can(actor.roles, "compliance.justify"),
    metrics: can(actor.roles, "analytics.read")
      ? getPieceSummary({ db, pieceId: piece.id, now: now(), timeZone: config.timeZone })
      : null,
  };
}

type PieceIntentContext = { base: { db: Studio["db"]; pieceId: number; now: Date }; timeZone: string };
const intent = intentsFor<PieceIntentContext>();

const INTENTS = {
  update: intent({
    capability: "pieces.edit",
    schema: ({ timeZone }) => updatePieceSchema(timeZone),
    run: ({ base, actor, input }) => updatePiece({ ...base, actor, input }),
    notice: "pieces.saved",
  }),
  // The state machine checks the role for each action; the route only requires a signed-in reader.
  transition: intent({
    capability: "pieces.read",
    schema: ({ timeZone }) => transitionPieceSchema(timeZone),
    run: ({ base, actor, input }) => transitionPiece({ ...base, actor, ...input }),
  }),
  justifyFindings: intent({
    capability: "compliance.justify",
    schema: justificationSchema,
    run: ({ base, actor, input }) => justifyFindings({ ...base, actor, input }),
    notice: "review.justify.saved",
  }),
  recordOriginalityException: intent({
    capability: "compliance.justify",
    schema: justificationSchema,
    run: ({ base, actor, input }) => recordOriginalityException({ ...base, actor, input }),
    notice: "review.originality.exception.saved",
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, now, config } = getStudio();
  const context = { base: { db, pieceId: parseId(params.id), now: now() }, timeZone: config.timeZone };
  return dispatchIntent(request, INTENTS, { context, capability: "pieces.read" });
}

export default function PieceDetail() {
  const { piece, revisions, revision, transitions, actions, canEdit, options, review, canJustify, metrics } =
    useLoaderData<typeof loader>();
  const { approvalHold } = useLoaderData<typeof loader>();
  const edit = useActionReply({ intent: "update" });
  const transition = useActionReply({ intent: "transition" });
  const navigation = useNavigation();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack>
      <PieceHeading
        kind={piece.kind}
        status={piece.status}
        details={
          <>
            {t("pieces.slug")}: <Code>{piece.slug}</Code> · {t("pieces.version", { version: piece.version })}
          </>
        }
        title={piece.title}
        titleTestId="piece-title"
        actions={
          KIND_EDITORS[piece.kind] ? (
            <Button
              component={Link}
              to={KIND_EDITORS[piece.kind](piece.id)}
              variant="light"
              data-testid="kind-editor"
            >
              {t("pieces.openEditor")}
            </Button>
          ) : null
        }
      >
        <Text size="sm" c="dimmed">
          {piece.ownerName} · {piece.campaignName ?? "—"}
        </Text>
        <PieceDates piece={piece} testId="piece-dates" />
        {metrics ? (
          <Anchor
            component={Link}
            to={`/analytics/pieces/${piece.id}`}
            size="sm"
            data-testid="piece-metrics-link"
          >
            {t("analytics.piece.summary", {
              views: formatNumber(metrics.views),
              visitors: formatNumber(metrics.visitors),
              leads: formatNumber(metrics.leads),
            })}
          </Anchor>
        ) : null}
      </PieceHeading>
      <ApprovalHoldNote hold={approvalHold} />
      {review?.flaggedAt ? <ReviewFlagBanner flaggedAt={review.flaggedAt} /> : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder>
            {edit.notice ? (
              <Alert color="green" mb="sm">
                {edit.notice}
              </Alert>
            ) : null}
            {!canEdit ? (
              <Text c="dimmed" size="sm" mb="sm">
                {t("pieces.readOnly")}
              </Text>
            ) : null}
            <PieceForm
              key={piece.version}
              intent="update"
              readOnly={!canEdit}
              options={options}
              errors={edit.fieldErrors}
              values={piece}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder>
            <Title order={4} mb="sm">
              {t("pieces.workflow")}
            </Title>
            <ErrorAlert error={transition.error} mb="sm" data-testid="transition-error" />
            <Form method="post">
              <input type="hidden" name="intent" value="transition" />
              <Stack gap="xs">
                {actions.includes("reject") ? (
                  <Textarea name="note" label={t("pieces.rejectNote")} autosize minRows={2} maxLength={500} />
                ) : null}
                {actions.includes("schedule") ? (
                  <TextInput name="scheduledAt" type="datetime-local" label={t("pieces.scheduleAt")} />
                ) : null}
                <Group gap="xs">
                  {actions.map((a) => (
                    <Button
                      key={a}
                      type="submit"
                      name="action"
                      value={a}
                      variant={a === "approve" || a === "submit" || a === "publish" ? "filled" : "light"}
                      color={a === "reject" || a === "archive" ? "red" : undefined}
                      loading={navigation.formData?.get("action") === a}
                      data-testid={`transition-${a}`}
                    >
                      {t(`actions.${a}`)}
                    </Button>
                  ))}
                </Group>
              </Stack>
            </Form>
            <Title order={5} mt="lg" mb="xs">
              {t("pieces.transitions")}
            </Title>
            <Timeline bulletSize={14} lineWidth={2}>
              {transitions.map((tr) => (
                <Timeline.Item
                  key={tr.id}
                  title={`${t(`actions.${tr.action}`)} → ${t(`statuses.${tr.toStatus}`)}`}
                >
                  <Text size="xs" c="dimmed">
                    {tr.actorName} · {formatDateTime(tr.at, timeZone)}
                  </Text>
                  {tr.note ? <Text size="sm">{tr.note}</Text> : null}
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
          <CommentsPanel pieceId={piece.id} />
        </Grid.Col>
      </Grid>
      {review ? <ReviewPanel review={review} canJustify={canJustify} /> : null}
      <Card withBorder>
        <Title order={4} mb="sm">
          {t("pieces.history")}
        </Title>
        {/* Links, not client-side tabs: each revision's diff is computed only when it is asked for. */}
        <Group gap={6} mb="sm" data-testid="revision-picker">
          {revisions.map((r) => (
            <Button
              key={r.id}
              component={Link}
              to={`?v=${r.version}`}
              preventScrollReset
              replace
              size="compact-sm"
              variant={r.version === revision?.version ? "filled" : "default"}
              aria-current={r.version === revision?.version ? "page" : undefined}
            >
              v{r.version}
            </Button>
          ))}
        </Group>
        {revision ? (
          <div data-testid={`revision-${revision.version}`}>
            <Text size="sm" c="dimmed" mb="xs">
              {revision.authorName} · {formatDateTime(revision.createdAt, timeZone)} · {revision.title}
            </Text>
            <Text size="sm" fw={500} mb={4}>
              {t("pieces.diff")}
            </Text>
            <RevisionDiff diff={revision.diff} />
          </div>
        ) : null}
      </Card>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
