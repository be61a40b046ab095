import { Alert, Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ActionReplyView } from "~/components/use-action-reply";
import { POSTER_TEMPLATE_KEYS } from "~/modules/posters/render/poster-catalog";
import { POSTER_PIECE_SIZES } from "~/modules/posters/schemas";

type PickerProps = Omit<SelectProps, "name" | "label" | "data" | "allowDeselect">;

/** The template picker of the new-poster form and the poster editor (posts `template`). */
export function PosterTemplateSelect(props: PickerProps) {
  const { t } = useTranslation();
  return (
    <Select
      name="template"
      label={t("posterPages.template")}
      allowDeselect={false}
      data={POSTER_TEMPLATE_KEYS.map((key) => ({ value: key, label: t(`posters.templates.${key}`) }))}
      {...props}
    />
  );
}

/** The size picker of the new-poster form and the poster editor (posts `size`). */
export function PosterSizeSelect(props: PickerProps) {
  const { t } = useTranslation();
  return (
    <Select
      name="size"
      label={t("posterPages.size")}
      allowDeselect={false}
      data={POSTER_PIECE_SIZES.map((key) => ({ value: key, label: t(`posters.sizes.${key}`) }))}
      {...props}
    />
  );
}

/** A poster form's answer above its fields: the success notice, or a refusal that names no field. */
export function FormReplyAlerts({ answer }: { answer: ActionReplyView<object> }) {
  return (
    <>
      {answer.notice ? <Alert color="green">{answer.notice}</Alert> : null}
      {answer.formError ? <Alert color="red">{answer.formError}</Alert> : null}
    </>
  );
}
