import { useTranslation } from "react-i18next";

type FieldProps<V, K extends keyof V> = {
  name: K;
  label: string;
  defaultValue: NonNullable<V[K]> | "";
  error: string | undefined;
};

/**
 * The props every field of a settings form repeats: its name, its label (`<prefix>.<name>`, or
 * `<prefix>.<label>` when the key differs), the saved value (empty when there is none) and the
 * server's message for that field. `<TextInput {...field("name")} maxLength={40} required />`.
 */
export function useFieldProps<V extends object>(
  prefix: string,
  values: V,
  errors?: Record<string, string> | null,
) {
  const { t } = useTranslation();
  return <K extends keyof V & string>(name: K, label: string = name): FieldProps<V, K> => ({
    name,
    label: t(`${prefix}.${label}`),
    defaultValue: values[name] ?? "",
    error: errors?.[name],
  });
}
