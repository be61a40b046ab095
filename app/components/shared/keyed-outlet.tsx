import { Outlet, useMatches } from "@remix-run/react";

/**
 * The child route, mounted afresh whenever its own path changes: `/pieces/5` → `/pieces/6`, or one
 * chapter's editor → the next. React keeps a route's component when only its params change, and
 * with it every `useState` and every uncontrolled field seeded from the previous loader; an editor
 * would then show (and save) the text of the piece it came from. Keyed by the child's route id and
 * path, not the search or hash, so `?v=3`, a filter or `#comments` keep the page as it is.
 * Decision record 0048.
 */
export function KeyedOutlet({ parentId }: { parentId: string }) {
  const matches = useMatches();
  const parent = matches.findIndex((match) => match.id === parentId);
  const child = parent >= 0 ? matches[parent + 1] : undefined;
  return <Outlet key={child ? `${child.id}:${child.pathname}` : ""} />;
}
