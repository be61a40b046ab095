import { Alert, Image, Loader, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The editor's live preview: the poster drawn on the server from the copy as typed, fetched a
 * moment after typing stops. A refusal (a field that does not fit) shows its message instead.
 */
export function PosterPreview({ src }: { src: string }) {
  const { t, i18n } = useTranslation();
  const [debounced] = useDebouncedValue(src, 400);
  const [shown, setShown] = useState<{ url: string | null; error: string | null; loading: boolean }>({
    url: null,
    error: null,
    loading: true,
  });
  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | null = null;
    setShown((s) => ({ ...s, loading: true }));
    // The refusal comes back in the page's language, not the browser's.
    fetch(debounced, { headers: { Accept: "image/png, application/json", "Accept-Language": i18n.language } })
      .then(async (response) => {
        if (cancelled) return;
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
          setShown((s) => ({
            ...s,
            error: body?.error?.message ?? t("posterPages.previewFailed"),
            loading: false,
          }));
          return;
        }
        objectUrl = URL.createObjectURL(await response.blob());
        if (!cancelled) setShown({ url: objectUrl, error: null, loading: false });
      })
      .catch(
        () =>
          !cancelled && setShown((s) => ({ ...s, error: t("posterPages.previewFailed"), loading: false })),
      );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [debounced, t, i18n.language]);
  return (
    <Stack gap="xs">
      {shown.error ? (
        <Alert color="red" data-testid="preview-error">
          {shown.error}
        </Alert>
      ) : null}
      {shown.url ? (
        <Image
          src={shown.url}
          alt={t("posterPages.preview")}
          radius="sm"
          maw={420}
          data-testid="poster-preview"
          data-src={debounced}
        />
      ) : null}
      {shown.loading ? <Loader size="sm" /> : null}
      <Text size="xs" c="dimmed">
        {t("posterPages.previewHint")}
      </Text>
    </Stack>
  );
}
