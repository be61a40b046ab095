import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio } from "~/lib/studio.server";
import { deleteSlot } from "~/modules/calendar/delete-slot.server";
import { moveSlot } from "~/modules/calendar/move-slot.server";
import { deleteSlotSchema, updateSlotSchema } from "~/modules/calendar/schemas";
import { updateSlot } from "~/modules/calendar/update-slot.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { listSlotAttempts } from "~/modules/publishing/list-slot-attempts.server";
import { markSlotPublished } from "~/modules/publishing/mark-slot-published.server";
import { markPublishedSchema } from "~/modules/publishing/publishing-schemas";
import { resendSlot } from "~/modules/publishing/resend-slot.server";

/** The slot drawer's attempts list (the slot itself comes with the calendar). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "calendar.read");
  const slotId = parseId(params.id);
  return json({ attempts: listSlotAttempts({ db: getStudio().db, slotId }) });
}

type Context = { slotId: number; timeZone: string };

/** A slot's time from a drag and drop or the drawer's field; the version it was seen at. */
const moveSchema = (timeZone: string) =>
  updateSlotSchema(timeZone).refine((v) => v.publishAt !== undefined, {
    message: "请填写有效的发布时间",
    path: ["publishAt"],
  });

// The drawer's and the drag and drop's actions, each with its own capability; the modules apply
// the row rules (the channel's operator may mark its hand-offs published).
const intent = intentsFor<Context>();

const INTENTS = {
  move: intent({
    capability: "calendar.schedule",
    schema: ({ timeZone }) => moveSchema(timeZone),
    run: ({ actor, input, slotId, timeZone, request }) => {
      const { db, now } = getStudio();
      return moveSlot({
        db,
        actor,
        now: now(),
        timeZone,
        slotId,
        publishAt: input.publishAt!,
        version: input.version,
        publicBase: resolvePublicBase(request.url),
      });
    },
    notice: "calendar.drawer.rescheduled",
    data: (done) => ({ slot: done.slot }),
  }),
  "update-caption": intent({
    capability: "calendar.schedule",
    schema: ({ timeZone }) => updateSlotSchema(timeZone),
    run: ({ actor, input, slotId, timeZone, request }) => {
      const { db, now } = getStudio();
      return updateSlot({
        db,
        actor,
        now: now(),
        timeZone,
        slotId,
        input: { version: input.version, caption: input.caption ?? "" },
        publicBase: resolvePublicBase(request.url),
      });
    },
    notice: "calendar.drawer.captionSaved",
  }),
  delete: intent({
    capability: "calendar.schedule",
    schema: deleteSlotSchema,
    run: ({ actor, input, slotId }) => {
      const { db, now } = getStudio();
      return deleteSlot({ db, actor, now: now(), slotId, version: input.version });
    },
    notice: "calendar.drawer.deleted",
  }),
  "mark-published": intent({
    capability: "publishing.handoff",
    schema: markPublishedSchema,
    run: ({ actor, input, slotId }) => {
      const { db, now } = getStudio();
      return markSlotPublished({ db, actor, slotId, url: input.url, now: now() });
    },
    notice: "calendar.drawer.markedPublished",
  }),
  resend: intent({
    capability: "publishing.resend",
    // The form sends only its intent.
    schema: z.object({}),
    run: ({ actor, slotId }) => {
      const { db, now } = getStudio();
      return resendSlot({ db, actor, slotId, now: now() });
    },
    notice: "calendar.drawer.resent",
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const slotId = parseId(params.id);
  return dispatchIntent(request, INTENTS, {
    context: { slotId, timeZone: getStudio().config.timeZone },
    capability: "calendar.read",
  });
}
