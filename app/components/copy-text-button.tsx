import { Button, CopyButton } from "@mantine/core";

/** A small button that copies `value` and says so until the copy is forgotten. */
export function CopyTextButton({
  value,
  label,
  copiedLabel,
}: {
  value: string;
  label: string;
  copiedLabel: string;
}) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="xs" variant="light" onClick={copy} w="fit-content">
          {copied ? copiedLabel : label}
        </Button>
      )}
    </CopyButton>
  );
}
