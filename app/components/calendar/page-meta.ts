import type { MetaDescriptor } from "@remix-run/react";

/**
 * The parents' tags (the root's phone viewport) plus this page's title. Remix replaces a
 * parent's meta with a child's rather than merging them, so a page that only returned its title
 * would be laid out 980 px wide on a phone.
 */
export function pageMeta(
  matches: readonly { meta?: readonly MetaDescriptor[] }[],
  title: string,
): MetaDescriptor[] {
  const inherited = matches.flatMap((match) => match.meta ?? []).filter((tag) => !("title" in tag));
  return [...inherited, { title }];
}
