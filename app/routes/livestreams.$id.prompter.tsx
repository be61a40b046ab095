import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Teleprompter } from "~/components/livestream/teleprompter";
import { useShowScreenProps } from "~/components/livestream/use-show-screen-props";
import { RouteError } from "~/components/route-error";
import { metaTranslator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { notFound, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { getShowScreen } from "~/modules/livestream/show-screen.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? t("livestream.prompterTitle", { title: data.title }) : t("livestream.prompter") }];
};

/** Full screen, outside the shell: the host's teleprompter. Only a producer's prompter drives the show. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "livestream.prompter");
  const { db, now } = getStudio();
  const screen = getShowScreen({ db, showId: parseId(params.id), now: now() });
  if (!screen) throw notFound(request, "show");
  return { ...screen, canDrive: can(actor.roles, "livestream.control") };
}

export default function PrompterPage() {
  const { id, blocks, snapshot, canDrive } = useLoaderData<typeof loader>();
  const screen = useShowScreenProps(id, canDrive);
  return <Teleprompter blocks={blocks} initialSnapshot={snapshot} {...screen} />;
}

export function ErrorBoundary() {
  return <RouteError />;
}
