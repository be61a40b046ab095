import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RevisionDiff } from "~/components/revision-diff";
import type { BuildSide, ChapterChange } from "~/modules/ebooks/compare-snapshots";

const CHANGE_COLORS: Record<ChapterChange["kind"], string> = {
  added: "green",
  removed: "red",
  changed: "orange",
  retitled: "blue",
  moved: "grape",
  same: "gray",
};

/** "#3", or "#3、#5" for both builds. */
export function buildIds(sides: BuildSide[], ids: Record<BuildSide, number>): string {
  return sides.map((side) => `#${ids[side]}`).join("、");
}

function ChapterHeading({ change }: { change: ChapterChange }) {
  const { t } = useTranslation();
  const { charsBefore, charsAfter } = change;
  const chars =
    charsBefore !== undefined && charsAfter !== undefined
      ? charsBefore !== charsAfter
        ? t("ebooks.charsChange", { before: charsBefore, after: charsAfter })
        : null
      : t("ebooks.chars", { count: charsAfter ?? charsBefore ?? 0 });
  return (
    <Group gap="xs" wrap="nowrap" align="start">
      <Badge color={CHANGE_COLORS[change.kind]} variant="light" style={{ flexShrink: 0 }}>
        {t(`ebooks.change_${change.kind}`)}
      </Badge>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500}>
          {change.previousTitle ? (
            <>
              <s>{change.previousTitle}</s> → {change.title}
            </>
          ) : (
            change.title
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {change.section}
          {chars ? ` · ${chars}` : ""}
        </Text>
      </div>
    </Group>
  );
}

/** One changed chapter: what happened to it and, when the builds kept its text, the line diff. */
function ChapterChangeCard({ change, ids }: { change: ChapterChange; ids: Record<BuildSide, number> }) {
  const { t } = useTranslation();
  const { textDiff, textMissing } = change;
  // A whole chapter added or removed is one colour from top to bottom: folded until asked for.
  const folded = change.kind === "added" || change.kind === "removed";
  return (
    <Paper
      withBorder
      p={{ base: "xs", sm: "sm" }}
      data-testid="chapter-change"
      data-chapter-id={change.chapterId}
      data-kind={change.kind}
    >
      <Stack gap="xs">
        <ChapterHeading change={change} />
        {textMissing?.length ? (
          <Text size="sm" c="dimmed" data-testid="chapter-text-missing">
            {t("ebooks.chapterTextMissing", { ids: buildIds(textMissing, ids) })}
          </Text>
        ) : null}
        {textDiff && folded && !textDiff.tooLarge ? (
          <details>
            <summary>
              <Text span size="sm" c="blue">
                {t("ebooks.showChapterText", { count: textDiff.lines.length })}
              </Text>
            </summary>
            <RevisionDiff diff={textDiff} testId={`chapter-diff-${change.chapterId}`} />
          </details>
        ) : textDiff ? (
          <RevisionDiff diff={textDiff} testId={`chapter-diff-${change.chapterId}`} />
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The chapters of two builds: each one that changed with its line diff, the unchanged ones folded
 * into one line that opens to their titles.
 */
export function ChapterChanges({
  chapters,
  ids,
}: {
  chapters: ChapterChange[];
  ids: Record<BuildSide, number>;
}) {
  const { t } = useTranslation();
  const changed = chapters.filter((c) => c.kind !== "same");
  const same = chapters.filter((c) => c.kind === "same");
  return (
    <Stack gap="sm" data-testid="chapter-changes">
      {changed.map((c) => (
        <ChapterChangeCard key={`${c.kind}-${c.chapterId}`} change={c} ids={ids} />
      ))}
      {same.length ? (
        <details data-testid="unchanged-chapters">
          <summary>
            <Text span size="sm" c="dimmed">
              {t("ebooks.unchangedChapters", { count: same.length })}
            </Text>
          </summary>
          <Stack gap={2} mt={4} pl="md">
            {same.map((c) => (
              <Text key={c.chapterId} size="sm" c="dimmed">
                {c.section} · {c.title}
              </Text>
            ))}
          </Stack>
        </details>
      ) : null}
    </Stack>
  );
}
