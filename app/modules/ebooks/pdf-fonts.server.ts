import { readFile } from "node:fs/promises";
import { notoSansScBoldPath, notoSansScRegularPath } from "~/lib/fonts.server";

export interface FontBuffers {
  regular: Buffer;
  bold: Buffer;
}

// The two TTFs weigh about 10 MB each: read them once per process, not once per build.
let cached: Promise<FontBuffers> | null = null;

export function loadFontBuffers(): Promise<FontBuffers> {
  cached ??= Promise.all([readFile(notoSansScRegularPath), readFile(notoSansScBoldPath)])
    .then(([regular, bold]) => ({ regular, bold }))
    .catch((error: unknown) => {
      cached = null;
      throw error;
    });
  return cached;
}
