import { Alert, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BodyDiff } from "~/modules/pieces/text-diff";

const SIGN = { added: "+ ", removed: "- ", same: "  ", skipped: "" } as const;

/**
 * A body diff, line by line: unchanged lines grey, removed struck through, added green, and inside
 * an edited line the characters that changed marked.
 */
export function RevisionDiff({ diff, testId = "revision-diff" }: { diff: BodyDiff; testId?: string }) {
  const { t } = useTranslation();
  if (diff.tooLarge)
    return (
      <Alert color="gray" data-testid="diff-too-large">
        {t("pieces.diffTooLarge")}
      </Alert>
    );
  if (!diff.lines.length)
    return (
      <Text size="sm" c="dimmed">
        {t("home.diffNoChange")}
      </Text>
    );
  return (
    <div className="diff-view" data-testid={testId}>
      {diff.lines.map((line, i) =>
        line.kind === "skipped" ? (
          <div key={i} className="diff-skipped">
            {t("home.diffSkipped", { count: line.count })}
          </div>
        ) : (
          <div
            key={i}
            className={`diff-${line.kind}${line.segments ? " has-segments" : ""}`}
            data-kind={line.kind}
          >
            {SIGN[line.kind]}
            {line.segments
              ? line.segments.map((s, j) =>
                  s.changed ? (
                    <mark key={j} className="diff-char">
                      {s.text}
                    </mark>
                  ) : (
                    s.text
                  ),
                )
              : line.text}
          </div>
        ),
      )}
    </div>
  );
}
