import { z } from "zod";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";
import type { ApiOperation } from "../api/openapi";
import {
  createPieceSchema,
  listPiecesQuerySchema,
  transitionPieceSchema,
  updatePieceSchema,
} from "./schemas";

const pieceSchema = z.object({
  id: z.number(),
  slug: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.string(),
  ownerId: z.number(),
  version: z.number(),
  body: z.string().optional(),
});

// Bodies with a wall clock are documented in the default zone: the zone changes how the value is
// read, not the shape.
export const pieceApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/pieces",
    summary: "List pieces",
    capability: "pieces.read",
    query: listPiecesQuerySchema,
    response: z.object({ items: z.array(pieceSchema), total: z.number() }),
  },
  {
    method: "post",
    path: "/api/v1/pieces",
    summary: "Create a piece",
    capability: "pieces.create",
    body: createPieceSchema(DEFAULT_STUDIO_TIME_ZONE),
    response: pieceSchema,
  },
  {
    method: "get",
    path: "/api/v1/pieces/{id}",
    summary: "Get a piece",
    capability: "pieces.read",
    response: pieceSchema,
  },
  {
    method: "patch",
    path: "/api/v1/pieces/{id}",
    summary: "Update a piece (send the version you edited)",
    capability: "pieces.edit",
    body: updatePieceSchema(DEFAULT_STUDIO_TIME_ZONE),
    response: pieceSchema,
  },
  {
    method: "post",
    path: "/api/v1/pieces/{id}/transitions",
    summary: "Move a piece through the workflow",
    capability: "pieces.read (+ the action's own capability)",
    body: transitionPieceSchema(DEFAULT_STUDIO_TIME_ZONE),
    response: pieceSchema,
  },
];
