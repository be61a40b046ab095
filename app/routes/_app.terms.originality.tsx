import { Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import {
  BoilerplateSection,
  OriginalityPreview,
  ThresholdsSection,
} from "~/components/originality/originality-settings";
import { IconLink } from "~/components/icon-link";
import { RouteError } from "~/components/route-error";
import { pageTitleMeta } from "~/lib/page-meta";
import { requireActor } from "~/lib/auth.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { ORIGINALITY_MIN_CHARS } from "~/modules/compliance/compliance-types";
import { addBoilerplateLine } from "~/modules/compliance/originality/add-boilerplate-line.server";
import { checkOriginalityRequest } from "~/modules/compliance/originality/check-originality-request.server";
import { getOriginalitySettings } from "~/modules/compliance/originality/originality-settings.server";
import { removeBoilerplateLine } from "~/modules/compliance/originality/remove-boilerplate-line.server";
import {
  addBoilerplateSchema,
  originalityRequestSchema,
  removeBoilerplateSchema,
  setThresholdSchema,
} from "~/modules/compliance/originality/schemas";
import { setOriginalityThreshold } from "~/modules/compliance/originality/set-originality-threshold.server";

export const meta = pageTitleMeta("originality.settings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "terms.read");
  return {
    ...getOriginalitySettings({ db: getStudio().db }),
    canManage: can(actor.roles, "terms.manage"),
    canCheck: can(actor.roles, "compliance.scan"),
  };
}

const intent = intentsFor<object>();

const INTENTS = {
  "set-threshold": intent({
    capability: "terms.manage",
    schema: setThresholdSchema,
    run: ({ actor, input }) => {
      const { db, now } = getStudio();
      return setOriginalityThreshold({ db, actor, kind: input.kind, threshold: input.threshold, now: now() });
    },
    notice: "originality.settings.thresholds.saved",
  }),
  "add-boilerplate": intent({
    capability: "terms.manage",
    schema: addBoilerplateSchema,
    run: ({ actor, input }) => {
      const { db, now } = getStudio();
      return addBoilerplateLine({ db, actor, input, now: now() });
    },
    notice: "originality.settings.boilerplate.added",
  }),
  "remove-boilerplate": intent({
    capability: "terms.manage",
    schema: removeBoilerplateSchema,
    run: ({ actor, input }) => {
      const { db, now } = getStudio();
      return removeBoilerplateLine({ db, actor, id: input.id, now: now() });
    },
    notice: "originality.settings.boilerplate.removed",
  }),
  check: intent({
    capability: "compliance.scan",
    schema: originalityRequestSchema,
    run: ({ input }) => checkOriginalityRequest({ db: getStudio().db, input }),
    data: (done, input) => ({ result: done.result, text: input.text }),
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  return dispatchIntent(request, INTENTS, { context: {}, capability: "terms.read" });
}

export default function OriginalitySettingsPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <IconLink to="/terms" icon={<IconArrowLeft size={14} />}>
          {t("originality.settings.back")}
        </IconLink>
        <Title order={2}>{t("originality.settings.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("originality.settings.intro", { min: ORIGINALITY_MIN_CHARS })}
        </Text>
        {!data.canManage ? (
          <Text size="sm" c="orange.8" data-testid="originality-read-only">
            {t("originality.settings.readOnly")}
          </Text>
        ) : null}
      </Stack>
      <ThresholdsSection thresholds={data.thresholds} canManage={data.canManage} />
      <BoilerplateSection lines={data.lines} columns={data.columns} canManage={data.canManage} />
      {data.canCheck ? <OriginalityPreview columns={data.columns} /> : null}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
