import { Group, NumberInput, Select, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface BookMetadataValues {
  kind?: string;
  title: string;
  subtitle: string;
  author: string;
  description: string;
  keywords: string[];
  trim: string;
  targetPages: number;
}

/** The metadata fields shared by the new-book form and the book page (one zod schema on the server). */
export function BookMetadataFields({
  values,
  errors,
  readOnly,
  withKind,
}: {
  values: BookMetadataValues;
  errors?: Record<string, string> | null;
  readOnly?: boolean;
  withKind?: boolean;
}) {
  const { t } = useTranslation();
  const e = errors ?? {};
  return (
    <>
      {withKind ? (
        <Select
          name="kind"
          label={t("ebooks.kind")}
          defaultValue={values.kind ?? "ebook"}
          allowDeselect={false}
          data={[
            { value: "ebook", label: t("kinds.ebook") },
            { value: "handbook", label: t("kinds.handbook") },
          ]}
          error={e.kind}
          data-testid="book-kind"
        />
      ) : null}
      <TextInput
        name="title"
        label={t("ebooks.title")}
        defaultValue={values.title}
        error={e.title}
        required
        readOnly={readOnly}
        maxLength={120}
        data-testid="book-title"
      />
      <TextInput
        name="subtitle"
        label={t("ebooks.subtitle")}
        defaultValue={values.subtitle}
        error={e.subtitle}
        readOnly={readOnly}
        maxLength={200}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          name="author"
          label={t("ebooks.author")}
          defaultValue={values.author}
          error={e.author}
          required
          readOnly={readOnly}
          maxLength={100}
          data-testid="book-author"
        />
        <Select
          name="trim"
          label={t("ebooks.trim")}
          defaultValue={values.trim}
          allowDeselect={false}
          data={["A5", "B5", "A4"]}
          error={e.trim}
          readOnly={readOnly}
        />
        <NumberInput
          name="targetPages"
          label={t("ebooks.targetPages")}
          defaultValue={values.targetPages}
          min={4}
          max={2000}
          error={e.targetPages}
          readOnly={readOnly}
          data-testid="book-target-pages"
        />
      </SimpleGrid>
      <Textarea
        name="description"
        label={t("ebooks.description")}
        defaultValue={values.description}
        error={e.description}
        autosize
        minRows={2}
        maxRows={6}
        readOnly={readOnly}
        maxLength={1000}
      />
      <Group grow>
        <TextInput
          name="keywords"
          label={t("ebooks.keywords")}
          defaultValue={values.keywords.join("，")}
          error={e.keywords}
          readOnly={readOnly}
        />
      </Group>
    </>
  );
}
