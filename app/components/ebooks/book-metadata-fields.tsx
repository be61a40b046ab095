import { Group, NumberInput, Select, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFieldProps } from "~/components/field-props";
import type { EbookSnapshot } from "~/modules/ebooks/ebook-snapshot";

/** The snapshot's metadata (what a build prints), with the kind and the page target. */
export interface BookMetadataValues extends Pick<
  EbookSnapshot,
  "title" | "subtitle" | "author" | "description" | "keywords" | "trim"
> {
  kind?: string;
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
  const field = useFieldProps("ebooks", values, errors);
  return (
    <>
      {withKind ? (
        <Select
          {...field("kind")}
          defaultValue={values.kind ?? "ebook"}
          allowDeselect={false}
          data={[
            { value: "ebook", label: t("kinds.ebook") },
            { value: "handbook", label: t("kinds.handbook") },
          ]}
          data-testid="book-kind"
        />
      ) : null}
      <TextInput {...field("title")} required readOnly={readOnly} maxLength={120} data-testid="book-title" />
      <TextInput {...field("subtitle")} readOnly={readOnly} maxLength={200} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          {...field("author")}
          required
          readOnly={readOnly}
          maxLength={100}
          data-testid="book-author"
        />
        <Select {...field("trim")} allowDeselect={false} data={["A5", "B5", "A4"]} readOnly={readOnly} />
        <NumberInput
          {...field("targetPages")}
          min={4}
          max={2000}
          readOnly={readOnly}
          data-testid="book-target-pages"
        />
      </SimpleGrid>
      <Textarea
        {...field("description")}
        autosize
        minRows={2}
        maxRows={6}
        readOnly={readOnly}
        maxLength={1000}
      />
      <Group grow>
        <TextInput {...field("keywords")} defaultValue={values.keywords.join("，")} readOnly={readOnly} />
      </Group>
    </>
  );
}
