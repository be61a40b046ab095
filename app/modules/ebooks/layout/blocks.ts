import type { Block } from "../types";
import { layoutBox } from "./box";
import { layoutHeading } from "./heading";
import { layoutImage } from "./image";
import type { Frame, LayoutContext } from "./layout-context";
import { layoutList } from "./list";
import { layoutParagraph } from "./paragraph";
import { layoutRule } from "./rule";
import { layoutTable } from "./table";

/** Lays blocks that hold blocks of their own (list items, box contents) through the same dispatch. */
export type LayoutBlocks = (lc: LayoutContext, blocks: Block[], frame: Frame, depth?: number) => void;

/** A chapter's blocks (or a list item's, a box's) at the cursor, each by its own step. */
export const layoutBlocks: LayoutBlocks = (lc, blocks, frame, depth = 0) => {
  for (const block of blocks) {
    switch (block.type) {
      case "heading":
        layoutHeading(lc, block.inlines, block.level, frame);
        break;
      case "paragraph":
        layoutParagraph(lc, block.inlines, frame);
        break;
      case "list":
        layoutList(lc, block, frame, depth, layoutBlocks);
        break;
      case "quote":
        layoutBox(lc, { blocks: block.blocks, frame, kind: "quote", layoutBlocks });
        break;
      case "tip":
        layoutBox(lc, { blocks: block.blocks, frame, kind: block.kind, layoutBlocks });
        break;
      case "code":
        layoutBox(lc, { blocks: [], frame, kind: "code", codeText: block.text, layoutBlocks });
        break;
      case "table":
        layoutTable(lc, block, frame);
        break;
      case "image":
        layoutImage(lc, block, frame);
        break;
      case "rule":
        layoutRule(lc, frame);
        break;
    }
  }
};
