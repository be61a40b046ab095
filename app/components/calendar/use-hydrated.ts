import { useEffect, useState } from "react";

/** False during server rendering and the first browser render, true once the page is live. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
