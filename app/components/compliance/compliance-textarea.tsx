import { Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { useRef, useState, type CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import type { Finding } from "~/modules/compliance/compliance-types";
import { FindingsList } from "./findings-list";
import {
  HighlightedTextarea,
  type HighlightedTextareaHandle,
  type HighlightedTextareaProps,
} from "./highlighted-textarea";
import { useComplianceScan, type ScanStatus } from "./use-compliance-scan";

/**
 * What an editor shows under its checked field(s): the findings, or why there are none to show
 * (the check failed; with `showClean`, that nothing was found).
 */
export function ScanFeedback({
  status,
  findings,
  onSelect,
  locate,
  showClean = false,
}: {
  status: ScanStatus;
  findings: readonly Finding[];
  onSelect?(finding: Finding): void;
  locate?(finding: Finding): string | null;
  showClean?: boolean;
}) {
  const { t } = useTranslation();
  if (findings.length > 0) return <FindingsList findings={findings} onSelect={onSelect} locate={locate} />;
  if (status === "error") {
    return (
      <Group gap={4} c="orange.8" data-testid="scan-error">
        <IconAlertTriangle size={14} />
        <Text size="xs">{t("findings.status.error")}</Text>
      </Group>
    );
  }
  if (status === "ready" && showClean) {
    return (
      <Group gap={4} c="teal.8" data-testid="scan-clean">
        <IconCircleCheck size={14} />
        <Text size="xs">{t("findings.status.ready")}</Text>
      </Group>
    );
  }
  return null;
}

export interface ComplianceTextareaProps extends Omit<HighlightedTextareaProps, "highlights" | "value"> {
  /** Controlled text; without it the field keeps its own, starting from `defaultValue`. */
  value?: string;
  defaultValue?: string;
  debounceMs?: number;
  /** Say so under the field when the scan found nothing (for an editor's main text). */
  showClean?: boolean;
  style?: CSSProperties;
}

/**
 * A textarea checked against the term library as the user types: findings marked in place and
 * listed under the field; a click on one selects it. A drop-in for Mantine's Textarea (`name`
 * posts with the form as before).
 */
export function ComplianceTextarea({
  value,
  defaultValue,
  onChange,
  debounceMs,
  showClean,
  style,
  className,
  ...props
}: ComplianceTextareaProps) {
  const [own, setOwn] = useState(defaultValue ?? "");
  const text = value ?? own;
  const scan = useComplianceScan(text, { debounceMs });
  const field = useRef<HighlightedTextareaHandle>(null);
  return (
    <Stack gap={6} style={style} className={className} data-scan-status={scan.status}>
      <HighlightedTextarea
        {...props}
        ref={field}
        value={text}
        highlights={scan.findings}
        onChange={(event) => {
          if (value === undefined) setOwn(event.currentTarget.value);
          onChange?.(event);
        }}
      />
      <ScanFeedback
        status={scan.status}
        findings={scan.findings}
        showClean={showClean && text.trim() !== ""}
        onSelect={(finding) => field.current?.select(finding.start, finding.end)}
      />
    </Stack>
  );
}
