/** The words the book prints besides the author's text, and the names its links point at. */
import { translator } from "~/i18n/i18n";

/** Book text comes from the UI strings, in the book's language: Chinese. */
export const zh = translator("zh");

export const TIP_LABEL_KEYS = { tip: "ebooks.printTip", warning: "ebooks.printWarning" } as const;

const CN_DIGITS = "零一二三四五六七八九";

/** 1..99 as Chinese numerals (第三篇, 第十二章). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ""}`;
}

/** Named destinations: TOC entries and bookmarks jump to these. */
export const chapterDest = (id: string) => `ch-${id}`;
export const sectionDest = (id: string) => `sec-${id}`;
