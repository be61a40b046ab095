import { Paper, Stack, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PieceForm } from "~/components/piece-form";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { parseForm, readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { getStudio } from "~/lib/studio.server";
import { createPiece } from "~/modules/pieces/create-piece.server";
import { listPieceOptions } from "~/modules/pieces/list-piece-options.server";
import { createPieceSchema } from "~/modules/pieces/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.create");
  return { options: listPieceOptions({ db: getStudio().db }) };
}

// A refused form answers 200, as this page always has: the form is simply shown again.
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "pieces.create");
  const { db, now, config } = getStudio();
  const parsed = parseForm(createPieceSchema(config.timeZone), await readForm(request));
  if (!parsed.ok) return reply(request, parsed, { failureStatus: 200 });
  const result = createPiece({ db, actor, input: parsed.data, now: now() });
  return result.ok ? redirect(`/pieces/${result.pieceId}`) : reply(request, result, { failureStatus: 200 });
}

export default function NewPiece() {
  const { options } = useLoaderData<typeof loader>();
  const created = useActionReply();
  const { t } = useTranslation();
  return (
    <Stack maw={960}>
      <Title order={2}>{t("pieces.newPiece")}</Title>
      <Paper withBorder p="md">
        <PieceForm
          intent="create"
          options={options}
          errors={created.fieldErrors}
          values={{ title: "", body: "", campaignId: null, columnId: null, mixCategory: null, dueAt: null }}
        />
      </Paper>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
