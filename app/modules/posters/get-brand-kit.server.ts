import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import {
  DEFAULT_POSTER_FONT,
  isPosterFontKey,
  type BrandKit,
  type PosterFontKey,
} from "./render/poster-catalog";
import { posterPaths, readPosterFile } from "./poster-files.server";

export const BRAND_KIT_ID = 1;

/** What a studio without a saved kit draws with, until someone saves one. */
export const DEFAULT_BRAND_KIT = {
  dealerName: "经销商名称",
  primaryColor: "#b5121b",
  accentColor: "#f5a623",
  textColor: "#1f2937",
  hotline: "",
  address: "",
  font: DEFAULT_POSTER_FONT,
};

export interface BrandKitView {
  dealerName: string;
  primaryColor: string;
  accentColor: string;
  textColor: string;
  hotline: string;
  address: string;
  font: PosterFontKey;
  logo: { width: number; height: number; bytes: number; sha256: string } | null;
  /** 0 before the first save. */
  version: number;
  updatedAt: string | null;
}

export function getBrandKitView(db: DbOrTx): BrandKitView {
  const row = db.select().from(schema.brandKits).where(eq(schema.brandKits.id, BRAND_KIT_ID)).get();
  if (!row) return { ...DEFAULT_BRAND_KIT, logo: null, version: 0, updatedAt: null };
  return {
    dealerName: row.dealerName,
    primaryColor: row.primaryColor,
    accentColor: row.accentColor,
    textColor: row.textColor,
    hotline: row.hotline,
    address: row.address,
    // A face no longer shipped (a row written by a newer build) draws in the default.
    font: isPosterFontKey(row.font) ? row.font : DEFAULT_POSTER_FONT,
    logo:
      row.logoSha256 && row.logoWidth && row.logoHeight
        ? { width: row.logoWidth, height: row.logoHeight, bytes: row.logoBytes ?? 0, sha256: row.logoSha256 }
        : null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The kit as the renderer takes it, with the logo's bytes read from disk. */
export async function loadBrandKit(db: DbOrTx, dataDir: string): Promise<BrandKit> {
  const view = getBrandKitView(db);
  const logoPng = view.logo ? await readPosterFile(dataDir, posterPaths.logo(view.logo.sha256)) : null;
  return {
    dealerName: view.dealerName,
    logoPng,
    primaryColor: view.primaryColor,
    accentColor: view.accentColor,
    textColor: view.textColor,
    hotline: view.hotline,
    address: view.address,
    font: view.font,
  };
}
