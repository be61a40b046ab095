import { Alert, Badge, Code, Group, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { IconLink } from "~/components/icon-link";
import { ChannelForm } from "~/components/calendar/channel-form";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { metaTranslator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { getChannel } from "~/modules/calendar/get-channel.server";
import { updateChannelSchema } from "~/modules/calendar/schemas";
import { updateChannel } from "~/modules/calendar/update-channel.server";
import { listPieceOptions } from "~/modules/pieces/list-piece-options.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: t("common.pageTitle", { title: data?.channel.name ?? t("calendar.channelsTitle") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "calendar.read");
  const { db, config } = getStudio();
  const channel = getChannel({ db, dataKey: config.dataKey, key: params.key ?? "" });
  if (!channel) throw json({ message: "渠道不存在。" }, { status: 404 });
  return {
    channel,
    operators: listPieceOptions({ db }).owners,
    canManage: can(actor.roles, "channels.manage"),
  };
}

type Context = { key: string };

const intent = intentsFor<Context>();

const INTENTS = {
  "update-channel": intent({
    capability: "channels.manage",
    schema: updateChannelSchema,
    run: ({ actor, input, key }) => {
      const { db, now, config } = getStudio();
      return updateChannel({ db, dataKey: config.dataKey, actor, now: now(), key, input });
    },
    notice: "calendar.channels.saved",
    // The new signing key is shown once, here; the page shows only its last characters afterwards.
    data: (done) => ({ webhookSecret: done.webhookSecret }),
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  return dispatchIntent(request, INTENTS, {
    context: { key: params.key ?? "" },
    capability: "calendar.read",
  });
}

export default function ChannelPage() {
  const { channel, operators, canManage } = useLoaderData<typeof loader>();
  const answer = useActionReply<{ webhookSecret: string | null }>({ intent: "update-channel" });
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={980}>
      <IconLink to="/channels" icon={<IconArrowLeft size={14} />}>
        {t("calendar.channels.back")}
      </IconLink>
      <Group gap="sm">
        <span
          style={{
            display: "inline-block",
            width: 16,
            height: 16,
            borderRadius: 8,
            background: channel.color,
          }}
          aria-hidden
        />
        <Title order={2} data-testid="channel-name">
          {channel.name}
        </Title>
        <Badge variant="outline" color="gray" ff="monospace" tt="none">
          {channel.key}
        </Badge>
      </Group>
      {!canManage ? (
        <Text size="sm" c="dimmed">
          {t("calendar.channels.readOnly")}
        </Text>
      ) : null}
      {answer.notice ? (
        <Alert color="green" data-testid="channel-saved">
          {answer.notice}
          {answer.reply?.webhookSecret ? (
            <Text size="sm" mt={4}>
              {t("calendar.channels.newSecret")}
              <Code data-testid="channel-new-secret">{answer.reply.webhookSecret}</Code>
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <ChannelForm
        // A saved channel starts the form again from what the server stored.
        key={JSON.stringify(channel)}
        channel={channel}
        operators={operators}
        canManage={canManage}
        errors={answer.fieldErrors}
        formError={
          answer.formError ?? (answer.error && !Object.keys(answer.fieldErrors).length ? answer.error : null)
        }
      />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
