// Not a `.server` file on purpose: routes build their intent tables at module level, and that code
// also runs in the browser bundle, where `.server` imports are empty. Only `handle` and
// `dispatchIntent` touch the server helpers, and they run only inside an action.
import { z } from "zod";
import type { Actor } from "~/modules/auth/actor";
import type { Capability } from "~/modules/auth/permissions";
import { requireActor } from "./auth.server";
import { parseForm, readForm } from "./forms.server";
import { reply } from "./reply.server";
import { fail, type Result } from "./result";

/** The schema of a form that is only a button (its intent says everything). */
export const NO_FIELDS = z.object({});

/** What an intent's `run` receives: the route's context, who asks, and the parsed form. */
export type IntentArgs<C, I> = C & { actor: Actor; input: I; request: Request };

/** One row of a route's intent table, its types closed over by `intentsFor<C>()`. */
export interface Intent<C> {
  capability: Capability;
  handle(args: {
    request: Request;
    form: FormData;
    actor: Actor;
    context: C;
    name: string;
  }): Promise<Response>;
}

/**
 * The row builder for a route whose intents share a context `C` (the piece id, the studio):
 *
 *     const intent = intentsFor<{ pieceId: number }>();
 *     const INTENTS = { "add-section": intent({ capability, schema, run, notice }) };
 *
 * `run` returns a module's `Result` (answered with `reply()`) or a `Response` (a redirect).
 */
export function intentsFor<C>() {
  return function intent<
    S extends z.ZodType,
    R extends Result<object> | Response,
    D extends object = object,
  >(row: {
    capability: Capability;
    /** The form's schema; a function when it depends on the context (the studio's time zone). */
    schema: S | ((context: C) => S);
    run: (args: IntentArgs<C, z.infer<S>>) => R | Promise<R>;
    /** i18n key of the notice a success shows. */
    notice?: string;
    /** What a success hands back to the page (a job id, a password shown once). */
    data?: (done: Extract<R, { ok: true }>, input: z.infer<S>) => D;
  }): Intent<C> {
    return {
      capability: row.capability,
      async handle({ request, form, actor, context, name }) {
        const schema = typeof row.schema === "function" ? row.schema(context) : row.schema;
        const parsed = parseForm(schema, form);
        if (!parsed.ok) return reply(request, parsed, { intent: name });
        const result = await row.run({ ...context, actor, input: parsed.data as z.infer<S>, request });
        if (result instanceof Response) return result;
        return reply(request, result, {
          intent: name,
          notice: row.notice,
          data: result.ok && row.data ? row.data(result as Extract<R, { ok: true }>, parsed.data) : undefined,
        });
      },
    };
  };
}

/**
 * A multi-intent page action: asks for the page's own `capability` before reading anything, reads
 * the form through the capped reader, picks the row named by `intent`, asks for that row's
 * capability, parses its schema and runs it. An unknown intent is refused (400).
 */
export async function dispatchIntent<C>(
  request: Request,
  intents: Record<string, Intent<C>>,
  options: { context: C; capability: Capability },
): Promise<Response> {
  const pageActor = await requireActor(request, options.capability);
  const form = await readForm(request);
  const name = String(form.get("intent") ?? "");
  const intent = Object.hasOwn(intents, name) ? intents[name] : undefined;
  if (!intent) return reply(request, fail(400, "unknown_intent", "未知的操作。", "intent"), { intent: name });
  const actor =
    intent.capability === options.capability ? pageActor : await requireActor(request, intent.capability);
  return intent.handle({ request, form, actor, context: options.context, name });
}
