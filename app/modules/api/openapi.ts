import { z } from "zod";
import { ERROR_CODES } from "~/lib/error-codes";

export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  capability: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** A JSON-schema-able description of the success answer. */
  response?: z.ZodType;
  multipart?: boolean;
}

const errorSchema = z.object({
  error: z.object({
    // The closed list: clients branch on the code; the message is in the caller's language.
    code: z.enum(ERROR_CODES),
    message: z.string(),
    field: z.string().optional(),
  }),
});

function toSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
}

/** The OpenAPI document, generated from the same zod schemas the routes parse with. */
export function buildOpenApiDocument(operations: ApiOperation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const query = op.query
      ? Object.entries((toSchema(op.query) as { properties?: Record<string, unknown> }).properties ?? {}).map(
          ([name, schema]) => ({ name, in: "query", required: false, schema }),
        )
      : [];
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      description:
        op.capability === "public"
          ? "Public: no sign-in (rate-limited per address)."
          : `Requires capability \`${op.capability}\`.`,
      parameters: [...params, ...query],
      ...(op.body
        ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(op.body) } } } }
        : {}),
      ...(op.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: { type: "object", properties: { file: { type: "string", format: "binary" } } },
                },
              },
            },
          }
        : {}),
      responses: {
        200: {
          description: "OK",
          ...(op.response ? { content: { "application/json": { schema: toSchema(op.response) } } } : {}),
        },
        400: {
          description: "Bad input; `error.field` names the failing field",
          content: { "application/json": { schema: toSchema(errorSchema) } },
        },
        401: { description: "No valid session or bearer token" },
        403: { description: "The role may not do this" },
        404: { description: "Unknown id" },
        409: { description: "Conflict: stale edit or wrong state" },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Content Studio API", version: "1" },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        cookie: { type: "apiKey", in: "cookie", name: "studio_session" },
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
}
