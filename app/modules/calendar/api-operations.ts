import { z } from "zod";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";
import type { ApiOperation } from "../api/openapi";
import { COMPLIANCE_FLAGS } from "../compliance/review/review-types";
import { CADENCE_PERIODS, PUBLISHERS, SLOT_STATUSES } from "./calendar-types";
import {
  calendarQuerySchema,
  createSlotSchema,
  deleteSlotSchema,
  gapsQuerySchema,
  updateChannelSchema,
  updateSlotSchema,
} from "./schemas";

const iso = z.string().describe("ISO 8601 instant (UTC)");

const slotSchema = z.object({
  id: z.number(),
  pieceId: z.number(),
  pieceTitle: z.string(),
  pieceKind: z.string(),
  pieceStatus: z.string(),
  pieceSlug: z.string(),
  mixCategory: z.string().nullable(),
  columnId: z.number().nullable(),
  campaignId: z.number().nullable(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  channelId: z.number(),
  channelKey: z.string(),
  channelName: z.string(),
  channelColor: z.string(),
  publishAt: iso,
  caption: z.string(),
  status: z.enum(SLOT_STATUSES),
  heldReason: z.string().nullable(),
  liveUrl: z.string().nullable(),
  publishedAt: iso.nullable(),
  trackedLink: z.string().describe("/p/{slug}?src={channelKey} on the public base URL"),
  version: z.number(),
  complianceFlag: z
    .enum(COMPLIANCE_FLAGS)
    .nullable()
    .describe(
      "new_findings: a term library change found new problems; unresolved: findings left to deal with",
    ),
});

const ruleSchema = z.object({
  id: z.number(),
  count: z.number(),
  period: z.enum(CADENCE_PERIODS),
  kinds: z.array(z.string()),
  label: z.string().nullable(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
});

const channelSchema = z.object({
  id: z.number(),
  key: z.string(),
  name: z.string(),
  color: z.string(),
  kinds: z.array(z.string()),
  titleMax: z.number().nullable(),
  captionMax: z.number().nullable(),
  hashtagMax: z.number().nullable(),
  publisher: z.enum(PUBLISHERS),
  webhookUrl: z.string().nullable(),
  webhookSecretHint: z.string().nullable().describe("The secret's last four characters; never the secret"),
  operatorId: z.number().nullable(),
  operatorName: z.string().nullable(),
  graceMinutes: z.number(),
  cadenceNote: z.string().nullable(),
  rules: z.array(ruleSchema),
});

const backlogSchema = z.object({ id: z.number(), title: z.string(), kind: z.string() });

const gapSchema = z.object({
  channelKey: z.string(),
  channelName: z.string(),
  period: z.enum(CADENCE_PERIODS),
  periodStart: iso,
  periodEnd: iso,
  rule: ruleSchema,
  expected: z.number(),
  actual: z.number(),
  kind: z.enum(["gap", "excess"]),
  past: z.boolean(),
  suggestedAt: iso.nullable(),
  suggestions: z.array(backlogSchema).describe("Approved backlog pieces the channel takes"),
});

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });
const tz = DEFAULT_STUDIO_TIME_ZONE;

export const calendarApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/slots",
    summary:
      "List the slots of a range (at most 93 days), with channel, column, campaign, owner and status filters",
    capability: "calendar.read",
    query: calendarQuerySchema(tz),
    response: list(slotSchema),
  },
  {
    method: "post",
    path: "/api/v1/slots",
    summary: "Put an approved piece on a channel at a time (the piece becomes scheduled); answers 201",
    capability: "calendar.schedule",
    body: createSlotSchema(tz),
    response: slotSchema,
  },
  {
    method: "get",
    path: "/api/v1/slots/{id}",
    summary: "Get a slot",
    capability: "calendar.read",
    response: slotSchema,
  },
  {
    method: "patch",
    path: "/api/v1/slots/{id}",
    summary: "Reschedule a slot or change its caption (send the version you saw)",
    capability: "calendar.schedule",
    body: updateSlotSchema(tz),
    response: slotSchema,
  },
  {
    method: "delete",
    path: "/api/v1/slots/{id}",
    summary: "Take a planned slot off the calendar (none of its attempts on record); answers 204",
    capability: "calendar.schedule",
    query: deleteSlotSchema,
  },
  {
    method: "get",
    path: "/api/v1/calendar/gaps",
    summary:
      "Periods of the range where a channel's cadence rule is not met (gap) or exceeded, with backlog suggestions",
    capability: "calendar.read",
    query: gapsQuerySchema(tz),
    response: list(gapSchema),
  },
  {
    method: "get",
    path: "/api/v1/channels",
    summary: "List the channels with their caption rules, publisher, operator and cadence rules",
    capability: "calendar.read",
    response: list(channelSchema),
  },
  {
    method: "get",
    path: "/api/v1/channels/{key}",
    summary: "Get a channel by its key",
    capability: "calendar.read",
    response: channelSchema,
  },
  {
    method: "put",
    path: "/api/v1/channels/{key}",
    summary:
      "Replace a channel's settings and cadence rules; a newly made webhook secret is answered once as webhookSecret",
    capability: "channels.manage",
    body: updateChannelSchema,
    response: channelSchema.extend({ webhookSecret: z.string().optional() }),
  },
];
