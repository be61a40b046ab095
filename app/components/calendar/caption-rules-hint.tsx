import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChannelDto } from "~/modules/calendar/calendar-types";
import { captionTitle, charCount } from "~/modules/calendar/slot-rules";
import { captionHashtags } from "~/modules/publishing/hashtags";

/**
 * The channel's caption rules counted while typing, with the same counting the server uses
 * (`slot-rules.ts` and `hashtags.ts`: characters as readers count them, hashtags as the
 * platforms read them, the first line as the title). The server refuses what breaks them; this only warns early.
 */
export function CaptionRulesHint({
  caption,
  channel,
}: {
  caption: string;
  channel: Pick<ChannelDto, "titleMax" | "captionMax" | "hashtagMax">;
}) {
  const { t } = useTranslation();
  const length = charCount(caption);
  const tags = captionHashtags(caption).length;
  const titleLength = charCount(captionTitle(caption));
  const over = {
    caption: channel.captionMax !== null && length > channel.captionMax,
    tags: channel.hashtagMax !== null && tags > channel.hashtagMax,
    title: channel.titleMax !== null && titleLength > channel.titleMax,
  };
  return (
    <div data-testid="caption-rules">
      <Group gap="md">
        <Text size="xs" c={over.caption ? "red" : "dimmed"}>
          {channel.captionMax !== null
            ? t("calendar.drawer.captionCount", { count: length, max: channel.captionMax })
            : t("calendar.drawer.captionCountNoMax", { count: length })}
        </Text>
        <Text size="xs" c={over.tags ? "red" : "dimmed"}>
          {channel.hashtagMax !== null
            ? t("calendar.drawer.hashtags", { count: tags, max: channel.hashtagMax })
            : t("calendar.drawer.hashtagsNoMax", { count: tags })}
        </Text>
      </Group>
      {over.caption ? (
        <Text size="xs" c="red" data-testid="caption-over">
          {t("calendar.drawer.captionTooLong", { max: channel.captionMax })}
        </Text>
      ) : null}
      {over.title ? (
        <Text size="xs" c="red" data-testid="caption-over">
          {t("calendar.drawer.titleTooLong", { max: channel.titleMax })}
        </Text>
      ) : null}
      {over.tags ? (
        <Text size="xs" c="red" data-testid="caption-over">
          {t("calendar.drawer.tooManyHashtags", { max: channel.hashtagMax })}
        </Text>
      ) : null}
    </div>
  );
}
