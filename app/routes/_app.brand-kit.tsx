import {
  Alert,
  Button,
  ColorInput,
  FileInput,
  Group,
  Image,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormReplyAlerts } from "~/components/posters/poster-form-parts";
import { RouteError } from "~/components/route-error";
import { SaveButton } from "~/components/shared/editor-save";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { parseForm, readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { getBrandKitView } from "~/modules/posters/get-brand-kit.server";
import { saveBrandKit } from "~/modules/posters/save-brand-kit.server";
import { POSTER_FONT_KEYS } from "~/modules/posters/render/poster-catalog";
import { brandKitSchema } from "~/modules/posters/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "pieces.read");
  return json({ kit: getBrandKitView(getStudio().db), canEdit: can(actor.roles, "posters.brandkit") });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "posters.brandkit");
  const parsed = parseForm(brandKitSchema, await readForm(request));
  if (!parsed.ok) return reply(request, parsed, { intent: "save" });
  const { db, now } = getStudio();
  return reply(request, saveBrandKit({ db, actor, input: parsed.data, now: now() }), {
    intent: "save",
    notice: "posterPages.saved",
  });
}

export default function BrandKitPage() {
  const { kit, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const saved = useActionReply({ intent: "save" });
  const navigation = useNavigation();
  const logo = useFetcher();
  const uploaded = useActionReply({ intent: "upload-logo", fetcher: logo });
  // The face picked but not yet saved: the sample follows it.
  const [font, setFont] = useState<string>(kit.font);
  const field = (name: string) => ({
    name,
    label: t(`posterPages.${name}`),
    error: saved.fieldError(name),
    disabled: !canEdit,
  });
  return (
    <Stack maw={900}>
      <Title order={2}>{t("posterPages.kitTitle")}</Title>
      <Text c="dimmed" size="sm">
        {t("posterPages.kitHint")}
      </Text>
      <Paper withBorder p="md">
        <Form method="post" key={kit.version}>
          <input type="hidden" name="version" value={kit.version} />
          <Stack gap="sm">
            <FormReplyAlerts answer={saved} />
            <TextInput {...field("dealerName")} defaultValue={kit.dealerName} required />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <ColorInput {...field("primaryColor")} defaultValue={kit.primaryColor} format="hex" />
              <ColorInput {...field("accentColor")} defaultValue={kit.accentColor} format="hex" />
              <ColorInput {...field("textColor")} defaultValue={kit.textColor} format="hex" />
            </SimpleGrid>
            <Select
              {...field("font")}
              description={t("posterPages.fontHint")}
              data={POSTER_FONT_KEYS.map((key) => ({ value: key, label: t(`posterPages.fonts.${key}`) }))}
              value={font}
              onChange={(value) => setFont(value ?? kit.font)}
              allowDeselect={false}
              w={{ base: "100%", sm: 360 }}
            />
            <Image
              src={`/posters/font-sample?font=${encodeURIComponent(font)}&v=${kit.version}`}
              alt={t("posterPages.fontSample")}
              data-testid="font-sample"
              title={t("posterPages.fontSample")}
              w={{ base: "100%", sm: 360 }}
              radius="sm"
              style={{ border: "1px solid var(--mantine-color-gray-3)", aspectRatio: "720 / 150" }}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput {...field("hotline")} defaultValue={kit.hotline} />
              <TextInput {...field("address")} defaultValue={kit.address} />
            </SimpleGrid>
            <SaveButton
              canEdit={canEdit}
              busy={navigation.state === "submitting"}
              label={t("posterPages.save")}
              testId="save-brand-kit"
            />
          </Stack>
        </Form>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>{t("posterPages.logo")}</Title>
          {kit.logo ? (
            <Image
              src={`/brand-kit/logo?v=${kit.logo.sha256.slice(0, 12)}`}
              alt={t("posterPages.logo")}
              w={96}
              h={96}
              fit="contain"
            />
          ) : (
            <Text c="dimmed">{t("posterPages.noLogo")}</Text>
          )}
          {canEdit ? (
            <logo.Form method="post" action="/brand-kit/logo" encType="multipart/form-data">
              <input type="hidden" name="version" value={kit.version} />
              <Group align="flex-end">
                <FileInput
                  name="file"
                  accept="image/png"
                  label={t("posterPages.uploadLogo")}
                  description={t("posterPages.logoHint")}
                  error={uploaded.error}
                  w={{ base: "100%", sm: 320 }}
                />
                <Button type="submit" loading={logo.state !== "idle"}>
                  {t("posterPages.upload")}
                </Button>
              </Group>
            </logo.Form>
          ) : null}
          {uploaded.notice ? <Alert color="green">{uploaded.notice}</Alert> : null}
        </Stack>
      </Paper>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
