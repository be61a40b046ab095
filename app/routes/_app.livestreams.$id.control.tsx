import { Anchor, Group, Stack, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProducerConsole } from "~/components/livestream/producer-console";
import { useShowScreenProps } from "~/components/livestream/use-show-screen-props";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { notFound, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { getShowScreen } from "~/modules/livestream/show-screen.server";

/**
 * The producer's console: drives the show every screen follows. Editors open it too, to take a
 * show live from a script that is not approved (the audited override); driving stays the producer's.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, ["livestream.control", "pieces.review"]);
  const { db, now } = getStudio();
  const screen = getShowScreen({ db, showId: parseId(params.id), now: now() });
  if (!screen) throw notFound(request, "show");
  return {
    ...screen,
    canOverride: can(actor.roles, "pieces.review"),
    canDrive: can(actor.roles, "livestream.control"),
  };
}

export default function ControlPage() {
  const { id, title, blocks, snapshot, scriptStatus, canOverride, canDrive } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/livestreams/${id}`;
  const screen = useShowScreenProps(id, true);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} data-testid="console-title">
          {t("livestream.consoleTitle", { title })}
        </Title>
        <Group gap="md">
          <Anchor component={Link} to={base}>
            {t("livestream.backToScript")}
          </Anchor>
          <Anchor href={`${base}/prompter`} target="_blank">
            {t("livestream.prompter")}
          </Anchor>
          <Anchor component={Link} to={`${base}/report`}>
            {t("livestream.report")}
          </Anchor>
        </Group>
      </Group>
      <ProducerConsole
        blocks={blocks}
        initialSnapshot={snapshot}
        scriptStatus={scriptStatus}
        canOverride={canOverride}
        canDrive={canDrive}
        {...screen}
      />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
