import { csvContentType, encodeCsvText, type CsvEncoding } from "~/lib/csv-bytes.server";
import type { DbOrTx } from "~/lib/db.server";
import { currentLibraryVersion, loadTermRows, rowToEntry } from "./term-rows.server";
import { entriesToCsv } from "./terms-csv";

/**
 * The whole library as a CSV file: UTF-8 with a BOM (Excel opens it as UTF-8), or GBK for older
 * Excel. Importing the file with `replace` gives the same library back.
 */
export function exportTerms(options: { db: DbOrTx; encoding: CsvEncoding }): {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  fileName: string;
  version: number;
} {
  const { db, encoding } = options;
  return db.transaction((tx) => {
    const version = currentLibraryVersion(tx);
    const text = entriesToCsv(loadTermRows(tx).map(rowToEntry));
    return {
      body: encodeCsvText(text, encoding),
      contentType: csvContentType(encoding),
      fileName: `terms-v${version}${encoding === "gbk" ? "-gbk" : ""}.csv`,
      version,
    };
  });
}
