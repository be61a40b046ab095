import { Badge, Box, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CheckedPart, ReviewFinding } from "~/modules/compliance/review/review-types";
import { SEVERITY_COLORS } from "./findings-list";
import { marksFor } from "./finding-offsets";

/** The name of a part of the checked text: the copy, or a channel's caption. */
export function usePartLabel() {
  const { t } = useTranslation();
  return (part: CheckedPart | undefined) =>
    part?.source === "caption"
      ? t("review.parts.caption", { channel: part.channelName ?? "" })
      : t("review.parts.copy");
}

/**
 * The checked text, part by part (the copy, then each caption still to go out), with every
 * finding marked at its gravest severity. A mark's `data-start`/`data-end` (offsets into the
 * whole checked text) let the findings list scroll to it (`scrollToFinding`).
 */
export function ReviewText({
  text,
  parts,
  findings,
  maxHeight = 420,
}: {
  text: string;
  parts: readonly CheckedPart[];
  findings: readonly ReviewFinding[];
  maxHeight?: number;
}) {
  const { t } = useTranslation();
  const partLabel = usePartLabel();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t("review.textTitle")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("review.textHint")}
      </Text>
      <ScrollArea.Autosize mah={maxHeight} type="auto">
        <Stack gap="xs" data-testid="review-text">
          {parts.map((part, index) => (
            <Paper key={`${part.source}-${part.slotId ?? 0}`} withBorder p="xs">
              <Badge size="xs" variant="light" color="gray" mb={4}>
                {partLabel(part)}
              </Badge>
              <MarkedText
                text={text.slice(part.start, part.end)}
                offset={part.start}
                findings={findings.filter((f) => f.part === index)}
              />
            </Paper>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function MarkedText({
  text,
  offset,
  findings,
}: {
  text: string;
  offset: number;
  findings: readonly ReviewFinding[];
}) {
  const marks = marksFor(
    findings.map((f) => ({ start: f.start - offset, end: f.end - offset, severity: f.severity })),
    text.length,
  );
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) pieces.push(text.slice(at, mark.start));
    const color = SEVERITY_COLORS[mark.severity];
    pieces.push(
      <mark
        key={mark.start}
        data-start={mark.start + offset}
        data-end={mark.end + offset}
        data-severity={mark.severity}
        data-testid="review-mark"
        style={{
          background: `var(--mantine-color-${color}-light)`,
          boxShadow: `inset 0 -2px 0 var(--mantine-color-${color}-filled)`,
          color: "inherit",
          padding: 0,
          scrollMarginBlock: 40,
        }}
      >
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return (
    <Box
      component="div"
      style={{
        whiteSpace: "pre-wrap",
        wordBreak: "break-word",
        fontSize: "var(--mantine-font-size-sm)",
        lineHeight: 1.7,
      }}
    >
      {text ? (
        pieces
      ) : (
        <Text span c="dimmed" size="sm">
          —
        </Text>
      )}
    </Box>
  );
}

/** Scrolls the mark that covers a finding into view and flashes it. */
export function scrollToFinding(container: HTMLElement | null, finding: { start: number }) {
  const marks = container?.querySelectorAll<HTMLElement>("[data-testid=review-mark]") ?? [];
  for (const mark of marks) {
    if (Number(mark.dataset.start) <= finding.start && finding.start < Number(mark.dataset.end)) {
      mark.scrollIntoView({ block: "nearest", behavior: "smooth" });
      mark.animate?.([{ outline: "2px solid currentColor" }, { outline: "2px solid transparent" }], 900);
      return;
    }
  }
}
