import { Alert, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { OriginalityReport } from "~/components/originality/originality-report";
import type { OriginalityView } from "~/modules/compliance/review/review-types";

/**
 * The originality part of the review: the originality report (score against the kind's
 * threshold, or the near-duplicate check of a short text, and the similar earlier pieces side by
 * side with their shared passages), whether an editor excepted this copy, and the exception form
 * when the score is below the threshold.
 */
export function ReviewOriginality({
  originality,
  copy,
  exceptionForm,
}: {
  originality: OriginalityView;
  /** The piece's copy: the passages' offsets point into it. */
  copy: string;
  exceptionForm: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="review-originality" data-below={originality.below ? "true" : "false"}>
      <OriginalityReport result={{ ...originality, passes: !originality.below }} text={copy} />
      {originality.below && originality.excepted ? (
        <Alert color="grape" p="xs" data-testid="originality-excepted">
          {t("review.originality.excepted")}
        </Alert>
      ) : null}
      {exceptionForm}
    </Stack>
  );
}
