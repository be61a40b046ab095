import { ActionIcon, Tooltip, type ActionIconProps, type ElementProps } from "@mantine/core";

/** An icon button whose label is both its tooltip and its accessible name (subtle unless told). */
export function TooltipIcon({
  label,
  ...props
}: { label: string } & ActionIconProps & ElementProps<"button">) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" aria-label={label} {...props} />
    </Tooltip>
  );
}

/** A click handler that lets a submit go ahead only once the user confirms `message`. */
export function confirmFirst(message: string) {
  return (event: { preventDefault(): void }) => {
    if (!window.confirm(message)) event.preventDefault();
  };
}
