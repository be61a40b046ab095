import type { Db } from "~/lib/db.server";
import { renderRundownPdf } from "./render-rundown-pdf.server";
import { loadShow } from "./show-rows.server";

export interface RenderShowRundownOptions {
  db: Db;
  showId: number;
  timeZone: string;
  now: Date;
}

/** The printable rundown; rendered in the request (about half a second for a 90-minute show). */
export async function renderShowRundown(
  options: RenderShowRundownOptions,
): Promise<{ pdf: Buffer; title: string } | null> {
  const loaded = loadShow(options.db, options.showId);
  if (!loaded) return null;
  const pdf = await renderRundownPdf({
    script: loaded.script,
    blocks: loaded.blocks,
    timeZone: options.timeZone,
    now: options.now,
  });
  return { pdf, title: loaded.piece.title };
}
