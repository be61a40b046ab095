import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentForm } from "~/components/intent-form";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { ROLES } from "~/modules/auth/permissions";
import { removeRobotSchema, wecomRobotFormSchema } from "~/modules/notifications/page-schemas";
import {
  deleteWecomRobot,
  listWecomRobots,
  saveWecomRobot,
  type WecomRobotDto,
} from "~/modules/notifications/wecom-robots.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "users.manage");
  const { db, config } = getStudio();
  return { robots: listWecomRobots({ db, dataKey: config.dataKey }) };
}

const intent = intentsFor<{ db: Studio["db"]; dataKey: Buffer; now: Date }>();

const INTENTS = {
  save: intent({
    capability: "users.manage",
    schema: wecomRobotFormSchema,
    run: ({ db, dataKey, now, actor, input }) => saveWecomRobot({ db, dataKey, actor, input, now }),
    notice: "notifications.wecom.saved",
  }),
  remove: intent({
    capability: "users.manage",
    schema: removeRobotSchema,
    run: ({ db, dataKey, now, actor, input }) =>
      deleteWecomRobot({ db, dataKey, actor, robotId: input.robotId, now }),
    notice: "notifications.wecom.removed",
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, config, now } = getStudio();
  return dispatchIntent(request, INTENTS, {
    context: { db, dataKey: config.dataKey, now: now() },
    capability: "users.manage",
  });
}

/** One robot's form; without a robot it adds one. */
function RobotForm({ robot }: { robot?: WecomRobotDto }) {
  const { t } = useTranslation();
  const saved = useActionReply({ intent: "save" });
  // Several forms share the intent: only the one that was sent shows the answer's field errors.
  const mine = saved.reply && !saved.reply.ok;
  // A saved address that no longer opens cannot be kept: the form asks for it again.
  const keep = robot?.urlHint ?? null;
  return (
    <IntentForm intent="save" fields={robot ? { id: robot.id, version: robot.version } : {}}>
      <Stack gap="sm">
        <Group grow wrap="wrap" align="start" preventGrowOverflow={false}>
          <TextInput
            name="name"
            label={t("notifications.wecom.name")}
            defaultValue={robot?.name ?? ""}
            required
            miw={200}
            error={mine && !robot ? saved.fieldError("name") : undefined}
          />
          <TextInput
            name="url"
            label={t("notifications.wecom.url")}
            placeholder={keep ?? t("notifications.wecom.urlPlaceholder")}
            description={
              keep
                ? t("notifications.wecom.urlKeep", { hint: keep })
                : robot
                  ? t("notifications.wecom.urlUnreadable")
                  : undefined
            }
            required={!keep}
            miw={240}
            error={mine && !robot ? saved.fieldError("url") : undefined}
          />
        </Group>
        <Checkbox.Group label={t("notifications.wecom.roles")} defaultValue={robot?.roles ?? []}>
          <Group gap="sm" mt={4} wrap="wrap">
            {ROLES.map((role) => (
              <Checkbox key={role} name="roles" value={role} label={t(`roles.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group justify="space-between" wrap="wrap">
          <Switch
            name="enabled"
            label={t("notifications.wecom.enabled")}
            defaultChecked={robot?.enabled ?? true}
          />
          <Button type="submit">
            {robot ? t("notifications.wecom.save") : t("notifications.wecom.add")}
          </Button>
        </Group>
      </Stack>
    </IntentForm>
  );
}

export default function WecomAdmin() {
  const { robots } = useLoaderData<typeof loader>();
  const answer = useActionReply({ intent: ["save", "remove"] });
  const { t } = useTranslation();
  return (
    <Stack maw={860}>
      <Title order={2}>{t("notifications.wecom.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("notifications.wecom.hint")}
      </Text>
      {answer.notice ? <Alert color="green">{answer.notice}</Alert> : null}
      {answer.error ? (
        <Alert color="red" data-testid="wecom-error">
          {answer.error}
        </Alert>
      ) : null}
      {robots.length === 0 ? <Text c="dimmed">{t("notifications.wecom.none")}</Text> : null}
      {robots.map((robot) => (
        <Card key={robot.id} withBorder data-testid="wecom-robot">
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Group gap="xs">
                <Text fw={600}>{robot.name}</Text>
                <Badge color={robot.enabled ? "green" : "gray"} variant="light">
                  {robot.enabled ? t("notifications.wecom.on") : t("notifications.wecom.off")}
                </Badge>
              </Group>
              <IntentForm intent="remove" fields={{ robotId: robot.id }}>
                <Button type="submit" size="xs" color="red" variant="light">
                  {t("notifications.wecom.remove")}
                </Button>
              </IntentForm>
            </Group>
            {/* Afresh after each save: the typed address (with its key) is not left in the field. */}
            <RobotForm key={robot.version} robot={robot} />
          </Stack>
        </Card>
      ))}
      <Card withBorder data-testid="wecom-add">
        <Title order={4} mb="sm">
          {t("notifications.wecom.add")}
        </Title>
        {/* Empty again once a robot was added; a refused add keeps what was typed. */}
        <RobotForm key={robots.map((robot) => robot.id).join(",")} />
      </Card>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
