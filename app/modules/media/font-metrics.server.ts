import { open } from "node:fs/promises";

/**
 * libass sizes a font like Windows GDI: an ASS `Fontsize` is the line height, usWinAscent +
 * usWinDescent of the OS/2 table, not the em. For Noto Sans SC that is 1.448 em, so `Fontsize: 64`
 * draws 44 px characters. This reads the ratio from the font file itself, so a caption style can
 * be given as the glyph size people see.
 */

const cache = new Map<string, Promise<number>>();

async function readAt(handle: Awaited<ReturnType<typeof open>>, position: number, length: number) {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw new Error("font file ends early");
  return buffer;
}

async function readLineHeightPerEm(fontPath: string): Promise<number> {
  const handle = await open(fontPath, "r");
  try {
    // sfnt: numTables at 4, then 16-byte records (tag, checksum, offset, length) from byte 12.
    const numTables = (await readAt(handle, 4, 2)).readUInt16BE(0);
    const directory = await readAt(handle, 12, numTables * 16);
    const offsetOf = (tag: string) => {
      for (let i = 0; i < numTables; i += 1)
        if (directory.toString("latin1", i * 16, i * 16 + 4) === tag)
          return directory.readUInt32BE(i * 16 + 8);
      throw new Error(`font has no ${tag} table`);
    };
    const unitsPerEm = (await readAt(handle, offsetOf("head") + 18, 2)).readUInt16BE(0);
    const os2 = await readAt(handle, offsetOf("OS/2") + 74, 4);
    const winAscent = os2.readUInt16BE(0);
    const winDescent = os2.readUInt16BE(2);
    if (!unitsPerEm || !(winAscent + winDescent)) throw new Error("font metrics missing");
    return (winAscent + winDescent) / unitsPerEm;
  } finally {
    await handle.close();
  }
}

/** ASS `Fontsize` per pixel of em for this font file (1.448 for Noto Sans SC); read once per file. */
export function assFontSizePerEm(fontPath: string): Promise<number> {
  let ratio = cache.get(fontPath);
  if (!ratio) {
    ratio = readLineHeightPerEm(fontPath);
    ratio.catch(() => cache.delete(fontPath));
    cache.set(fontPath, ratio);
  }
  return ratio;
}
