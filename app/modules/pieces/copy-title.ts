/** The title of a duplicate: the original's with 「（副本）」, cut so it stays within `max`. */
export function copyTitle(title: string, max: number): string {
  const suffix = "（副本）";
  const chars = Array.from(title);
  return chars.slice(0, Math.max(0, max - suffix.length)).join("") + suffix;
}
