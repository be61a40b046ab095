import { z } from "zod";
import type { ApiOperation } from "../api/openapi";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";
import { showActionSchema } from "./show-action-schema";
import { onlineCountSchema, showInputSchema } from "./show-input";

const productSchema = z.object({
  name: z.string(),
  painPoint: z.string(),
  painSeconds: z.number(),
  sellingPoint: z.string(),
  sellingSeconds: z.number(),
  perk: z.string(),
  perkSeconds: z.number(),
});

const blockSchema = z.object({
  id: z.string(),
  kind: z.enum(["opening", "pain", "selling", "perk", "interaction", "cta", "closing"]),
  loop: z.number(),
  title: z.string(),
  text: z.string(),
  plannedSeconds: z.number(),
  startsAtSeconds: z.number(),
  productIndex: z.number().optional(),
  productName: z.string().optional(),
  ctaUrl: z.string().optional(),
  source: z.string(),
});

const issueSchema = z.object({
  code: z.string(),
  blockId: z.string(),
  blockIndex: z.number(),
  path: z.string(),
  message: z.string(),
});

const showSchema = z.object({
  id: z.number(),
  title: z.string(),
  status: z.string(),
  version: z.number(),
  scheduledAt: z.string().nullable(),
  hostId: z.number().nullable(),
  producerId: z.number().nullable(),
  plannedMinutes: z.number(),
  hostCharsPerMinute: z.number(),
  products: z.array(productSchema),
  opening: z.string(),
  interaction: z.string(),
  cta: z.string(),
  ctaUrl: z.string(),
  closing: z.string(),
  blocks: z.array(blockSchema),
  blocksFrozen: z.boolean(),
  issues: z.array(issueSchema),
  totalSeconds: z.number(),
  liveStatus: z.enum(["idle", "running", "paused", "ended"]),
});

const stateSchema = z.object({
  showId: z.string(),
  version: z.number(),
  status: z.enum(["idle", "running", "paused", "ended"]),
  blockCount: z.number(),
  blockIndex: z.number(),
  blockStartedAt: z.number().nullable(),
  pausedAt: z.number().nullable(),
  blockOffsetsMs: z.record(z.string(), z.number()),
  onlineCount: z.number(),
  peakOnline: z.number(),
  redEnvelope: z.object({
    roundsFired: z.number(),
    activeRound: z.object({ n: z.number(), startedAt: z.number(), endsAt: z.number() }).nullable(),
    threshold: z.number(),
    maxRounds: z.number(),
    roundSeconds: z.number(),
  }),
});

const snapshotSchema = z.object({ state: stateSchema, serverNow: z.number() });
const commandAnswer = z.object({ ok: z.literal(true), state: stateSchema, serverNow: z.number() });

/** API operations of the livestream capability, for the OpenAPI document. */
// Bodies with a wall clock are documented in the default zone: the zone changes how the value is
// read, not the shape.
export const livestreamApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/livestreams",
    summary: "List livestream shows",
    capability: "livestream.read",
    response: z.object({
      items: z.array(z.object({ id: z.number(), title: z.string(), liveStatus: z.string() })),
      total: z.number(),
    }),
  },
  {
    method: "post",
    path: "/api/v1/livestreams",
    summary:
      "Create a show (a piece of kind livestream); at most 5 products, a 6th is refused at products.5; answers 201",
    capability: "livestream.edit",
    body: showInputSchema(DEFAULT_STUDIO_TIME_ZONE),
    response: showSchema,
  },
  {
    method: "get",
    path: "/api/v1/livestreams/{id}",
    summary: "Get a show with its products, run of show and issues",
    capability: "livestream.read",
    response: showSchema,
  },
  {
    method: "put",
    path: "/api/v1/livestreams/{id}",
    summary: "Replace the script (products and blocks); send `version` to refuse a stale edit (409)",
    capability: "livestream.edit",
    body: showInputSchema(DEFAULT_STUDIO_TIME_ZONE),
    response: showSchema,
  },
  {
    method: "get",
    path: "/api/v1/livestreams/{id}/state",
    summary: "The live state and the server time",
    capability: "livestream.read",
    response: snapshotSchema,
  },
  {
    method: "post",
    path: "/api/v1/livestreams/{id}/online",
    summary: "Enter the online count; the peak arms the red-envelope rain at 3,000",
    capability: "livestream.control",
    body: onlineCountSchema,
    response: commandAnswer,
  },
  {
    method: "post",
    path: "/api/v1/livestreams/{id}/commands",
    summary:
      "Drive the show: start, pause, resume, next, previous, jump, adjust ±30 s, setOnline, fireRedEnvelope, end (409 when refused). A start from a script that is not approved is refused (script_not_approved) unless an editor or admin sends overrideReason, which is audited",
    capability: "livestream.control",
    body: showActionSchema,
    response: commandAnswer,
  },
  {
    method: "get",
    path: "/api/v1/livestreams/{id}/report",
    summary: "Planned vs actual per block (overruns first), online peak, red-envelope rounds, log",
    capability: "livestream.read",
  },
];
