/** Calendar feeds as the management page sees them; plain and browser-safe. */
export const FEED_SCOPES = ["channel", "user"] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

export interface CalendarFeedDto {
  id: number;
  scope: FeedScope;
  channelKey: string | null;
  channelName: string | null;
  userId: number | null;
  userName: string | null;
  createdByName: string | null;
  /** ISO instant (UTC). */
  createdAt: string;
}

export interface CalendarFeedsView {
  /** Every live channel feed (editors and admins; empty for others). */
  channelFeeds: CalendarFeedDto[];
  /** The person's own live feeds. */
  myFeeds: CalendarFeedDto[];
  /** Channels a channel feed can be made for (editors and admins). */
  channels: Array<{ key: string; name: string }>;
  canManageChannelFeeds: boolean;
}

/** What creating a feed hands back once: the secret URL (only its token's hash is kept). */
export interface CreatedFeedDto {
  feedId: number;
  url: string;
}
