import { Alert, Text } from "@mantine/core";
import { IconFlag } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { CampaignThemeDto } from "~/modules/calendar/calendar-types";

/** The month's campaign above the calendar: every piece of that month belongs to it. */
export function CampaignBanner({ campaign, month }: { campaign: CampaignThemeDto | null; month: string }) {
  const { t } = useTranslation();
  const monthNumber = Number(month.slice(5, 7));
  if (!campaign)
    return (
      <Text size="sm" c="dimmed" data-testid="campaign-banner">
        {t("calendar.noCampaign")}
      </Text>
    );
  return (
    <Alert
      variant="light"
      color="grape"
      icon={<IconFlag size={18} />}
      title={t("calendar.campaignOfMonth", { month: monthNumber, name: campaign.name })}
      data-testid="campaign-banner"
      py="xs"
    >
      <Text size="sm">{campaign.theme}</Text>
      {campaign.target ? (
        <Text size="xs" c="dimmed">
          {campaign.target}
        </Text>
      ) : null}
    </Alert>
  );
}
