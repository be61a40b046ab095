import { Stack, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  emptyProduct,
  ShowBuilderForm,
  type ShowFormValues,
} from "~/components/livestream/show-builder-form";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { getStudio } from "~/lib/studio.server";
import { createShow } from "~/modules/livestream/create-show.server";
import { DEFAULT_TIMING, MIN_SHOW_MINUTES } from "~/modules/livestream/livestream-rules";
import { listShowStaff } from "~/modules/livestream/list-show-staff.server";
import { parseShowForm } from "~/modules/livestream/parse-show-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "livestream.edit");
  const staff = listShowStaff({ db: getStudio().db });
  const values: ShowFormValues = {
    title: "",
    scheduledAt: null,
    hostId: null,
    producerId: staff.producers.some((p) => p.value === String(actor.id)) ? actor.id : null,
    plannedMinutes: MIN_SHOW_MINUTES,
    hostCharsPerMinute: DEFAULT_TIMING.hostCharsPerMinute,
    products: [emptyProduct()],
    opening: "",
    interaction: "",
    cta: "",
    ctaUrl: "",
    closing: "",
  };
  return { staff, values };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "livestream.edit");
  const { db, now, config } = getStudio();
  const parsed = parseShowForm(await readForm(request), config.timeZone);
  if (!parsed.ok) return reply(request, parsed);
  const result = createShow({ db, actor, input: parsed.data, now: now() });
  return result.ok ? redirect(`/livestreams/${result.showId}`) : reply(request, result);
}

export default function NewShow() {
  const { staff, values } = useLoaderData<typeof loader>();
  const created = useActionReply();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <Stack maw={1200}>
      <Title order={2}>{t("livestream.newShow")}</Title>
      <ShowBuilderForm
        values={values}
        staff={staff}
        errors={created.reply?.errors}
        submitting={navigation.state === "submitting"}
        submitLabel={t("livestream.create")}
      />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
