import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { Form } from "@remix-run/react";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ComplianceTextarea } from "~/components/compliance/compliance-textarea";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { toWallClockInput } from "~/lib/dates";
import { DEFAULT_TIMING, MAX_PRODUCTS_PER_SHOW } from "~/modules/livestream/livestream-rules";

export interface ShowFormProduct {
  name: string;
  painPoint: string;
  painSeconds: number | null;
  sellingPoint: string;
  sellingSeconds: number | null;
  perk: string;
  perkSeconds: number | null;
}

export interface ShowFormValues {
  title: string;
  scheduledAt: string | null;
  hostId: number | null;
  producerId: number | null;
  plannedMinutes: number;
  hostCharsPerMinute: number;
  products: ShowFormProduct[];
  opening: string;
  interaction: string;
  cta: string;
  ctaUrl: string;
  closing: string;
  version?: number;
}

export interface ShowBuilderFormProps {
  values: ShowFormValues;
  errors?: Record<string, string> | null;
  /** Run-of-show issues by script path (`products.0.painPoint`): shown as warnings at the field. */
  warnings?: Record<string, string>;
  staff: { hosts: { value: string; label: string }[]; producers: { value: string; label: string }[] };
  readOnly?: boolean;
  submitting?: boolean;
  submitLabel: string;
}

/** A product with nothing filled in: the new show's first one, and each one added. */
export const emptyProduct = (): ShowFormProduct => ({
  name: "",
  painPoint: "",
  painSeconds: null,
  sellingPoint: "",
  sellingSeconds: null,
  perk: "",
  perkSeconds: null,
});

/**
 * The script builder: a plain form whose fields are named by their schema path
 * (`products.0.sellingSeconds`), so the server parses it with the API's schema and the errors
 * come back keyed by the same path.
 */
export function ShowBuilderForm({
  values,
  errors,
  warnings = {},
  staff,
  readOnly,
  submitting,
  submitLabel,
}: ShowBuilderFormProps) {
  const { t } = useTranslation();
  const nextKey = useRef(values.products.length);
  const [rows, setRows] = useState(() => values.products.map((p, i) => ({ key: i, initial: p })));
  const [limitHit, setLimitHit] = useState(false);
  const timeZone = useStudioTimeZone();
  const err = (path: string) => errors?.[path];
  const warn = (path: string) =>
    !err(path) && warnings[path] ? (
      <Text size="xs" c="orange.8" data-testid={`warning-${path}`}>
        {warnings[path]}
      </Text>
    ) : null;

  const addProduct = () => {
    if (rows.length >= MAX_PRODUCTS_PER_SHOW) {
      setLimitHit(true);
      return;
    }
    setRows((prev) => [...prev, { key: nextKey.current++, initial: emptyProduct() }]);
  };
  const removeProduct = (key: number) => {
    setLimitHit(false);
    setRows((prev) => prev.filter((r) => r.key !== key));
  };
  const productsError = err("products") ?? err(`products.${MAX_PRODUCTS_PER_SHOW}`);
  const formError = err("_form");

  return (
    <Form method="post" data-testid="show-form">
      <input type="hidden" name="intent" value="save" />
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          {errors && Object.keys(errors).length > 0 && (
            <Alert color="red" data-testid="form-error">
              {formError ?? t("livestream.fixErrors")}
            </Alert>
          )}
          <Card withBorder>
            <Title order={4} mb="sm">
              {t("livestream.basics")}
            </Title>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput
                  name="title"
                  label={t("livestream.title")}
                  defaultValue={values.title}
                  error={err("title")}
                  maxLength={80}
                  required
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  type="datetime-local"
                  name="scheduledAt"
                  label={t("livestream.scheduledAt")}
                  // The studio's wall clock; the server reads it back in the same zone.
                  defaultValue={toWallClockInput(values.scheduledAt, timeZone)}
                  error={err("scheduledAt")}
                />
              </Grid.Col>
              {(
                [
                  {
                    name: "hostId",
                    label: "livestream.host",
                    pick: "livestream.pickHost",
                    people: staff.hosts,
                  },
                  {
                    name: "producerId",
                    label: "livestream.producer",
                    pick: "livestream.pickProducer",
                    people: staff.producers,
                  },
                ] as const
              ).map(({ name, label, pick, people }) => (
                <Grid.Col key={name} span={{ base: 12, sm: 6 }}>
                  <Select
                    name={name}
                    label={t(label)}
                    placeholder={t(pick)}
                    data={people}
                    defaultValue={values[name] ? String(values[name]) : null}
                    error={err(name)}
                    clearable
                  />
                </Grid.Col>
              ))}
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput
                  name="plannedMinutes"
                  label={t("livestream.plannedMinutes")}
                  description={t("livestream.plannedHint")}
                  defaultValue={values.plannedMinutes}
                  min={90}
                  max={600}
                  allowDecimal={false}
                  error={err("plannedMinutes")}
                />
                {warn("plannedMinutes")}
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput
                  name="hostCharsPerMinute"
                  label={t("livestream.hostCharsPerMinute")}
                  description={t("livestream.hostCharsHint")}
                  defaultValue={values.hostCharsPerMinute}
                  min={120}
                  max={400}
                  allowDecimal={false}
                  error={err("hostCharsPerMinute")}
                />
              </Grid.Col>
            </Grid>
          </Card>

          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={4}>
                {t("livestream.products")} ({rows.length}/{MAX_PRODUCTS_PER_SHOW})
              </Title>
              {!readOnly && (
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} />}
                  onClick={addProduct}
                  data-testid="add-product"
                >
                  {t("livestream.addProduct")}
                </Button>
              )}
            </Group>
            {(limitHit || productsError) && (
              <Alert color="red" mb="sm" data-testid="products-error">
                {productsError ?? t("livestream.maxProducts")}
              </Alert>
            )}
            <Stack gap="md">
              {rows.map((row, i) => {
                const p = row.initial;
                const path = (f: string) => `products.${i}.${f}`;
                return (
                  <Card
                    key={row.key}
                    withBorder
                    bg="var(--mantine-color-default-hover)"
                    data-testid={`product-${i}`}
                  >
                    <Group justify="space-between" mb="xs">
                      <Text fw={700}>{t("livestream.product", { n: i + 1 })}</Text>
                      {!readOnly && rows.length > 1 && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          onClick={() => removeProduct(row.key)}
                        >
                          {t("livestream.removeProduct")}
                        </Button>
                      )}
                    </Group>
                    <TextInput
                      name={path("name")}
                      label={t("livestream.productName")}
                      defaultValue={p.name}
                      error={err(path("name"))}
                      maxLength={60}
                      mb="xs"
                    />
                    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
                      {(
                        [
                          [
                            "painPoint",
                            "painSeconds",
                            DEFAULT_TIMING.painSeconds,
                            p.painPoint,
                            p.painSeconds,
                          ],
                          [
                            "sellingPoint",
                            "sellingSeconds",
                            DEFAULT_TIMING.sellingSeconds,
                            p.sellingPoint,
                            p.sellingSeconds,
                          ],
                          ["perk", "perkSeconds", DEFAULT_TIMING.perkSeconds, p.perk, p.perkSeconds],
                        ] as const
                      ).map(([textField, secondsField, def, text, seconds]) => (
                        <Stack key={textField} gap={4}>
                          <ComplianceTextarea
                            name={path(textField)}
                            label={t(`livestream.${textField}`)}
                            defaultValue={text}
                            error={err(path(textField))}
                            autosize
                            minRows={3}
                            maxRows={8}
                          />
                          {warn(path(textField))}
                          <NumberInput
                            name={path(secondsField)}
                            label={t("livestream.seconds")}
                            placeholder={t("livestream.secondsDefault", { count: def })}
                            defaultValue={seconds ?? ""}
                            allowDecimal={false}
                            error={err(path(secondsField))}
                            size="xs"
                          />
                        </Stack>
                      ))}
                    </SimpleGrid>
                  </Card>
                );
              })}
            </Stack>
          </Card>

          <Card withBorder>
            <Title order={4} mb="sm">
              {t("livestream.fixedBlocks")}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {(["opening", "interaction", "cta", "closing"] as const).map((field) => (
                <Stack key={field} gap={4}>
                  <ComplianceTextarea
                    name={field}
                    label={t(`livestream.${field}`)}
                    defaultValue={values[field]}
                    error={err(field)}
                    autosize
                    minRows={2}
                    maxRows={6}
                  />
                  {warn(field)}
                </Stack>
              ))}
              <Stack gap={4}>
                <TextInput
                  name="ctaUrl"
                  label={t("livestream.ctaUrl")}
                  defaultValue={values.ctaUrl}
                  error={err("ctaUrl")}
                  placeholder="https://"
                />
                {warn("ctaUrl")}
              </Stack>
            </SimpleGrid>
          </Card>
          {!readOnly && (
            <Group>
              <Button type="submit" loading={submitting} data-testid="save-show">
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </Form>
  );
}
