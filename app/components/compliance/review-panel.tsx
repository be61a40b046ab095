import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useFetcher } from "@remix-run/react";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { useActionReply } from "~/components/use-action-reply";
import { formatDateTime } from "~/lib/dates";
import {
  JUSTIFICATION_NOTE_MAX,
  type GateNotice,
  type PieceReviewDto,
} from "~/modules/compliance/review/review-types";
import { FindingsList } from "./findings-list";
import { ReviewOriginality } from "./review-originality";
import { ReviewText, scrollToFinding, usePartLabel } from "./review-text";

/**
 * The reviewer's view of a piece's compliance: the library-change flag, what holds approval or
 * publishing now, each finding (category, reason, basis, suggestion) beside the marked text, the
 * originality score against the threshold with the similar earlier pieces, and the forms for a
 * justification and an originality exception (reviewers only).
 */
export function ReviewPanel({ review, canJustify }: { review: PieceReviewDto; canJustify: boolean }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const partLabel = usePartLabel();
  const textRef = useRef<HTMLDivElement>(null);
  const { counts, findings, termsVersion } = review;
  const watched = ["in_review", "approved", "scheduled"].includes(review.pieceStatus);

  return (
    <Card withBorder id="review" data-testid="review-panel" data-text-hash={review.textHash}>
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={4}>{t("review.title")}</Title>
        <Group gap={6}>
          <Badge
            color={counts.block ? "red" : "gray"}
            variant={counts.block ? "filled" : "light"}
            data-testid="review-block-count"
          >
            {t("findings.severities.block")} {counts.block}
          </Badge>
          <Badge
            color={counts.unjustified ? "orange" : "gray"}
            variant="light"
            data-testid="review-review-count"
          >
            {t("findings.severities.review")} {counts.review}
          </Badge>
        </Group>
      </Group>

      <Stack gap="sm">
        <HoldNotice
          notice={review.approvalHold}
          title={t("review.holds.approval")}
          ready={review.pieceStatus === "in_review" ? t("review.holds.ready") : null}
          testId="review-approval-hold"
        />
        <HoldNotice
          notice={review.publishHold}
          title={t("review.holds.publish")}
          ready={
            ["approved", "scheduled"].includes(review.pieceStatus) ? t("review.holds.publishReady") : null
          }
          testId="review-publish-hold"
        />
        <Text size="xs" c="dimmed" data-testid="review-checked">
          {review.storedCheck && review.stored
            ? t("review.checked", {
                at: formatDateTime(review.storedCheck.checkedAt, timeZone),
                version: termsVersion,
              })
            : review.storedCheck
              ? t("review.unstored")
              : t("review.neverChecked")}
        </Text>

        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            {findings.length === 0 ? (
              <Text size="sm" c="teal.8" data-testid="review-clean">
                <IconCircleCheck size={16} style={{ verticalAlign: "-3px" }} /> {t("review.clean")}
              </Text>
            ) : (
              <FindingsList
                findings={findings}
                maxHeight={460}
                onSelect={(finding) => scrollToFinding(textRef.current, finding)}
                locate={(finding) => {
                  const found = findings.find(
                    (f) => f.start === finding.start && f.termId === finding.termId,
                  );
                  if (!found) return null;
                  const status =
                    found.severity === "review"
                      ? t(found.justified ? "review.status.justified" : "review.status.open")
                      : null;
                  return [
                    partLabel(review.parts[found.part]),
                    status,
                    found.isNew ? t("review.status.isNew") : null,
                  ]
                    .filter(Boolean)
                    .join(" · ");
                }}
              />
            )}
            {canJustify && watched && counts.unjustified > 0 ? (
              <JustificationForm
                intent="justifyFindings"
                textHash={review.textHash}
                label={t("review.justify.label")}
                hint={t("review.justify.hint", { max: JUSTIFICATION_NOTE_MAX })}
                submit={t("review.justify.submit")}
                testId="justify-form"
              />
            ) : counts.review > 0 && counts.unjustified === 0 ? (
              <Text size="xs" c="teal.8" mt="sm" data-testid="justify-done">
                {t("review.justify.allDone")}
              </Text>
            ) : null}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }} ref={textRef}>
            <ReviewText text={review.text} parts={review.parts} findings={findings} />
          </Grid.Col>
        </Grid>

        <ReviewOriginality
          originality={review.originality}
          copy={review.text.slice(review.parts[0]?.start ?? 0, review.parts[0]?.end ?? 0)}
          exceptionForm={
            canJustify && watched && review.originality.below && !review.originality.excepted ? (
              <JustificationForm
                intent="recordOriginalityException"
                textHash={review.textHash}
                label={t("review.originality.exception.label")}
                hint={t("review.originality.exception.hint")}
                submit={t("review.originality.exception.submit")}
                testId="originality-exception-form"
              />
            ) : null
          }
        />

        {review.justifications.length > 0 ? (
          <Stack gap={4} data-testid="review-justifications">
            <Text size="sm" fw={600}>
              {t("review.justifications.title")}
            </Text>
            {review.justifications.map((j) => (
              <Card key={j.id} withBorder padding="xs" data-testid="justification">
                <Group gap={6} mb={2}>
                  <Badge size="sm" variant="light" color={j.kind === "findings" ? "orange" : "grape"}>
                    {t(`review.justifications.kinds.${j.kind}`)}
                  </Badge>
                  {!j.current ? (
                    <Badge size="sm" variant="outline" color="gray">
                      {t("review.justifications.earlier")}
                    </Badge>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {t("review.justifications.by", {
                      name: j.actorName ?? "—",
                      at: formatDateTime(j.at, timeZone),
                    })}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {j.note}
                </Text>
              </Card>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The piece page's banner when a library change found problems this piece did not have before. */
export function ReviewFlagBanner({ flaggedAt }: { flaggedAt: string }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={18} />}
      title={t("review.flagged")}
      data-testid="review-flagged"
    >
      {t("review.flaggedHint", { at: formatDateTime(flaggedAt, timeZone) })}{" "}
      <Anchor href="#review" size="sm">
        {t("review.goToReview")}
      </Anchor>
    </Alert>
  );
}

function HoldNotice({
  notice,
  title,
  ready,
  testId,
}: {
  notice: GateNotice | null;
  title: string;
  ready: string | null;
  testId: string;
}) {
  if (notice)
    return (
      <Alert color="red" title={title} data-testid={testId} data-code={notice.code}>
        {notice.message}
      </Alert>
    );
  if (!ready) return null;
  return (
    <Text size="sm" c="teal.8" data-testid={`${testId}-clear`}>
      <IconCircleCheck size={16} style={{ verticalAlign: "-3px" }} /> {ready}
    </Text>
  );
}

/** A reviewer's note for the text on screen (its hash goes with it): one per intent. */
function JustificationForm(props: {
  intent: "justifyFindings" | "recordOriginalityException";
  textHash: string;
  label: string;
  hint: string;
  submit: string;
  testId: string;
}) {
  const fetcher = useFetcher();
  const answer = useActionReply({ fetcher, intent: props.intent });
  return (
    <fetcher.Form method="post" data-testid={props.testId}>
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="textHash" value={props.textHash} />
      <Stack gap={6} mt="sm">
        {answer.notice ? (
          <Alert color="green" p="xs" data-testid={`${props.testId}-notice`}>
            {answer.notice}
          </Alert>
        ) : null}
        {answer.formError ? (
          <Alert color="red" p="xs">
            {answer.formError}
          </Alert>
        ) : null}
        <Textarea
          name="note"
          label={props.label}
          description={props.hint}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={JUSTIFICATION_NOTE_MAX}
          required
          error={answer.fieldError("note") ?? answer.fieldError("textHash")}
          data-testid={`${props.testId}-note`}
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            size="xs"
            loading={fetcher.state !== "idle"}
            data-testid={`${props.testId}-submit`}
          >
            {props.submit}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
