/**
 * The page state of a layout: the pages laid so far, the cursor on the current page, and the
 * boxes (tints, quote bars) still open, which are drawn per page segment so a box may cross a
 * page break.
 */
import type { PageGeometry } from "../page-geometry";
import type { DisplayItem, LaidPage, PageRole, TextStyle } from "./layout-model";
import { MUTED } from "./palette";

interface OpenBox {
  x: number;
  w: number;
  fill?: string;
  bar?: string;
  pageIndex: number;
  itemIndex: number;
  y: number;
}

export class PageFlow {
  pages: LaidPage[] = [];
  y = 0;
  readonly top: number;
  readonly bottom: number;
  private boxes: OpenBox[] = [];
  private chapterTitle: string | undefined;
  /** List marker waiting for the first line of its item. */
  pendingMarker: { text: string; x: number; style: TextStyle } | null = null;

  constructor(readonly g: PageGeometry) {
    this.top = g.marginTop;
    this.bottom = g.trimHeight - g.marginBottom;
  }

  get page(): LaidPage {
    return this.pages[this.pages.length - 1];
  }

  get pageNumber(): number {
    return this.pages.length;
  }

  newPage(role: PageRole, chapterTitle?: string): LaidPage {
    if (role === "chapter-start") this.chapterTitle = chapterTitle;
    if (role !== "body" && role !== "chapter-start") this.chapterTitle = undefined;
    this.closeBoxSegments();
    this.pages.push({ role, chapterTitle: this.chapterTitle, items: [] });
    this.y = this.top;
    for (const box of this.boxes) {
      box.pageIndex = this.pages.length - 1;
      box.itemIndex = 0;
      box.y = this.y;
    }
    return this.page;
  }

  /** Start a new body page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && this.y > this.top + 0.01) this.newPage("body");
  }

  remaining(): number {
    return this.bottom - this.y;
  }

  push(item: DisplayItem): void {
    this.page.items.push(item);
  }

  openBox(box: { x: number; w: number; fill?: string; bar?: string }): void {
    this.boxes.push({
      ...box,
      pageIndex: this.pages.length - 1,
      itemIndex: this.page.items.length,
      y: this.y,
    });
  }

  closeBox(): void {
    const box = this.boxes.pop();
    if (box) this.drawBoxSegment(box, this.y);
  }

  // Backgrounds must sit under the text already placed, so they are spliced in at the index
  // recorded when the segment began; innermost first keeps the outer indices valid.
  private closeBoxSegments(): void {
    for (let k = this.boxes.length - 1; k >= 0; k--) this.drawBoxSegment(this.boxes[k], this.y);
  }

  private drawBoxSegment(box: OpenBox, endY: number): void {
    const h = endY - box.y;
    if (h <= 0) return;
    const items = this.pages[box.pageIndex].items;
    const segment: DisplayItem = box.fill
      ? { kind: "rect", x: box.x, y: box.y, w: box.w, h, fill: box.fill }
      : {
          kind: "line",
          x1: box.x + 1,
          y1: box.y,
          x2: box.x + 1,
          y2: endY,
          color: box.bar ?? MUTED,
          width: 2,
        };
    items.splice(box.itemIndex, 0, segment);
  }
}
