import { Grid, Stack, type MantineBreakpoint, type MantineSpacing } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A piece's editing page below its heading: the editor in a wide column (7 of 12) and what goes
 * beside it (preview, panels) in a narrow one, one above the other below `from`. `sideFirst` puts
 * the side column on top on a phone.
 */
export function EditorColumns({
  main,
  side,
  from = "md",
  sideFirst = false,
  sideGap,
}: {
  main: ReactNode;
  side: ReactNode;
  from?: MantineBreakpoint;
  sideFirst?: boolean;
  sideGap?: MantineSpacing;
}) {
  return (
    <Grid>
      <Grid.Col span={{ base: 12, [from]: 7 }} order={sideFirst ? { base: 2, [from]: 1 } : undefined}>
        <Stack>{main}</Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, [from]: 5 }} order={sideFirst ? { base: 1, [from]: 2 } : undefined}>
        <Stack gap={sideGap}>{side}</Stack>
      </Grid.Col>
    </Grid>
  );
}
