import {
  Anchor,
  Badge,
  Box,
  Group,
  Mark,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  ORIGINALITY_MIN_CHARS,
  type OriginalityResult,
  type SimilarPiece,
} from "~/modules/compliance/compliance-types";
import { highlightSegments, type MarkedRange } from "./highlight-segments";

/** A share as a percentage with one decimal, rounded down: 0.8999 reads 89.9, never "90" below a 90% threshold. */
export const percent = (share: number) =>
  (Math.floor(share * 1000 + 1e-6) / 10).toFixed(1).replace(/\.0$/, "");

/**
 * The originality of a text: its score against the kind's threshold (or, under 60 characters,
 * the near-duplicate check), then the most similar earlier pieces, each beside this text with the
 * passages they share marked and numbered on both sides (side by side on a wide screen, one above
 * the other on a phone). `text` is the checked text the passages' offsets point into.
 */
export function OriginalityReport({ result, text }: { result: OriginalityResult; text: string }) {
  const { t } = useTranslation();
  const { score, threshold, passes } = result;
  const color = passes ? "teal" : "red";
  const nearDuplicate = result.similar.find((s) => s.pieceId === result.nearDuplicateOf);
  return (
    <Stack gap="sm" data-testid="originality-report" data-passes={passes ? "true" : "false"}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Title order={4}>{t("originality.report.title")}</Title>
        <Group gap="xs" align="baseline">
          {score !== null ? (
            <Text fz={28} fw={700} lh={1} c={color} data-testid="originality-score">
              {t("originality.report.score", { score: percent(score) })}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {t("originality.report.threshold", { threshold: percent(threshold) })}
          </Text>
          {score !== null ? (
            <Badge color={color} variant="light">
              {t(passes ? "originality.report.passes" : "originality.report.below")}
            </Badge>
          ) : null}
        </Group>
      </Group>
      {score !== null ? (
        <Box pos="relative" aria-hidden>
          <Progress value={score * 100} color={color} size="lg" />
          <Box
            pos="absolute"
            top={-3}
            bottom={-3}
            left={`${threshold * 100}%`}
            w={2}
            bg="var(--mantine-color-text)"
            title={t("originality.report.threshold", { threshold: percent(threshold) })}
          />
        </Box>
      ) : (
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {t("originality.report.short", { min: ORIGINALITY_MIN_CHARS })}
          </Text>
          <Text
            fw={600}
            c={nearDuplicate ? "red" : "teal.8"}
            data-testid="originality-near-duplicate"
            style={{ wordBreak: "break-word" }}
          >
            {nearDuplicate
              ? t("originality.report.nearDuplicate", { title: nearDuplicate.title })
              : t("originality.report.noNearDuplicate")}
          </Text>
        </Stack>
      )}
      {result.similar.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="originality-none">
          {t("originality.report.none")}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t("originality.report.similarTitle")}
          </Text>
          {result.similar.map((piece) => (
            <SimilarPieceCard key={piece.pieceId} piece={piece} text={text} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function SimilarPieceCard({ piece, text }: { piece: SimilarPiece; text: string }) {
  const { t } = useTranslation();
  const mine: MarkedRange[] = piece.passages.map((p, i) => ({ start: p.start, end: p.end, n: i + 1 }));
  const theirs: MarkedRange[] = piece.passages.map((p, i) => ({
    start: p.otherStart,
    end: p.otherEnd,
    n: i + 1,
  }));
  return (
    <Paper withBorder p="sm" radius="md" data-testid="originality-similar" data-piece-id={piece.pieceId}>
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
          <Anchor
            component={Link}
            to={`/pieces/${piece.pieceId}`}
            fw={600}
            style={{ wordBreak: "break-all" }}
          >
            {piece.title}
          </Anchor>
          <Badge variant="outline" color="gray">
            {t(`kinds.${piece.kind}`, { defaultValue: piece.kind })}
          </Badge>
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={600} c="red">
            {t("originality.report.overlap", { share: percent(piece.overlap) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t("originality.report.passages", { count: piece.passages.length })}
          </Text>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Side label={t("originality.report.thisText")} text={text} ranges={mine} side="this" />
        <Side
          label={t("originality.report.otherText", { title: piece.title })}
          text={piece.text}
          ranges={theirs}
          side="other"
        />
      </SimpleGrid>
    </Paper>
  );
}

function Side({
  label,
  text,
  ranges,
  side,
}: {
  label: string;
  text: string;
  ranges: MarkedRange[];
  side: "this" | "other";
}) {
  const { t } = useTranslation();
  return (
    <Box data-testid={`originality-side-${side}`} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" mb={4} truncate>
        {label}
      </Text>
      <Box
        p="xs"
        bg="var(--mantine-color-default-hover)"
        style={{
          borderRadius: "var(--mantine-radius-sm)",
          whiteSpace: "pre-wrap",
          wordBreak: "break-word",
          fontSize: "var(--mantine-font-size-sm)",
          lineHeight: 1.7,
          maxHeight: 360,
          overflowY: "auto",
        }}
      >
        {highlightSegments(text, ranges).map((segment, i) =>
          segment.kind === "gap" ? (
            <Text key={i} span c="dimmed">
              {t("originality.report.elided")}
            </Text>
          ) : segment.kind === "mark" ? (
            <Mark
              key={i}
              color="yellow"
              title={t("originality.report.passage", { n: segment.n })}
              data-testid="originality-passage"
              data-n={segment.n}
            >
              <Text span fz={10} fw={700} c="orange.8" mr={2} style={{ verticalAlign: "super" }}>
                {segment.n}
              </Text>
              {segment.text}
            </Mark>
          ) : (
            <span key={i}>{segment.text}</span>
          ),
        )}
      </Box>
    </Box>
  );
}
