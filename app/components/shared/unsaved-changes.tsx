import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useBeforeUnload, useBlocker } from "@remix-run/react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/**
 * Whether typed text differs from the loaded text as the server stores it: a form posts line breaks
 * as CRLF, and single-line fields are trimmed. So a saved editor is not "unsaved".
 */
export function textChanged(typed: string, loaded: string): boolean {
  const plain = (text: string) => text.replace(/\r\n?/g, "\n").trim();
  return plain(typed) !== plain(loaded);
}

/**
 * Asks before an editor with unsaved text is left: a link or the back button to another page
 * waits for the writer's answer in a dialog, and closing or reloading the tab gets the browser's
 * own question. Saving (a post to the same page) is never held up. Returns the dialog to render.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!dirty) return;
        event.preventDefault();
        // Older browsers ask only when returnValue is set.
        event.returnValue = "";
      },
      [dirty],
    ),
  );
  const blocked = blocker.state === "blocked";
  return (
    <Modal
      opened={blocked}
      onClose={() => blocker.reset?.()}
      title={t("common.unsavedTitle")}
      centered
      data-testid="unsaved-changes"
    >
      <Stack>
        <Text size="sm">{t("common.unsavedBody")}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-testid="unsaved-stay">
            {t("common.unsavedStay")}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()} data-testid="unsaved-leave">
            {t("common.unsavedLeave")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
