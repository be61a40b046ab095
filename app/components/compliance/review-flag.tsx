import { Alert, Anchor, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { IconFlag } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ComplianceFlag } from "~/modules/compliance/review/review-types";

/** The calendar's mark on a slot whose piece has compliance work left; `label` is its tooltip. */
export function ComplianceFlagIcon({ flag, label }: { flag: ComplianceFlag; label: string }) {
  return (
    <span
      className="slot-compliance-flag"
      data-testid="slot-compliance-flag"
      data-flag={flag}
      title={label}
      aria-label={label}
      role="img"
      style={{
        display: "inline-flex",
        flex: "none",
        alignItems: "center",
        justifyContent: "center",
        width: 14,
        height: 14,
        borderRadius: 7,
        background: "#fff",
        color: flag === "new_findings" ? "var(--mantine-color-orange-7)" : "var(--mantine-color-red-7)",
      }}
    >
      <IconFlag size={10} stroke={2.5} />
    </span>
  );
}

/** The slot drawer's line about it, with a link to the piece's review. */
export function ComplianceFlagNotice({ flag, pieceId }: { flag: ComplianceFlag; pieceId: number }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={flag === "new_findings" ? "orange" : "red"}
      p="xs"
      icon={<IconFlag size={16} />}
      data-testid="drawer-compliance-flag"
      data-flag={flag}
    >
      <Text size="sm">
        {t(`review.calendarFlags.${flag}`)}{" "}
        <Anchor component={Link} to={`/pieces/${pieceId}#review`} size="sm">
          {t("review.goToReview")}
        </Anchor>
      </Text>
    </Alert>
  );
}
