import { Paper, Stack, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PieceForm } from "~/components/piece-form";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { parseForm } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { createPiece } from "~/modules/pieces/create-piece.server";
import { listPieceOptions } from "~/modules/pieces/list-piece-options.server";
import { createPieceSchema } from "~/modules/pieces/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.create");
  return { options: listPieceOptions({ db: getStudio().db }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "pieces.create");
  const { db, now, config } = getStudio();
  const parsed = parseForm(createPieceSchema(config.timeZone), await request.formData());
  if (!parsed.ok) return { errors: parsed.errors };
  const result = createPiece({ db, actor, input: parsed.data, now: now() });
  if (!result.ok) return { errors: { [result.field ?? "_form"]: result.message } };
  return redirect(`/pieces/${result.pieceId}`);
}

export default function NewPiece() {
  const { options } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <Stack maw={960}>
      <Title order={2}>{t("pieces.newPiece")}</Title>
      <Paper withBorder p="md">
        <PieceForm
          intent="create"
          options={options}
          errors={data?.errors}
          values={{ title: "", body: "", campaignId: null, columnId: null, mixCategory: null, dueAt: null }}
        />
      </Paper>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
