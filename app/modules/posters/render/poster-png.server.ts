/**
 * A plain PNG encoder for pixels the studio paints itself (poster variants: the base poster with
 * each variant's QR code painted in). resvg only encodes what it rendered, and re-rendering the
 * whole poster per variant cost more than everything else in a batch.
 */
import { deflateSync } from "node:zlib";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Opaque RGBA pixels (alpha ignored: posters have a background everywhere) to an RGB PNG. Each
 * row is filtered with "up", which suits large flat areas of colour.
 */
export function encodeOpaquePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    raw[row] = 2; // filter: up
    let src = y * width * 4;
    const above = src - width * 4;
    for (let x = 0, dst = row + 1; x < width; x++, src += 4, dst += 3) {
      if (y === 0) {
        raw[dst] = rgba[src];
        raw[dst + 1] = rgba[src + 1];
        raw[dst + 2] = rgba[src + 2];
      } else {
        const up = above + x * 4;
        raw[dst] = (rgba[src] - rgba[up]) & 0xff;
        raw[dst + 1] = (rgba[src + 1] - rgba[up + 1]) & 0xff;
        raw[dst + 2] = (rgba[src + 2] - rgba[up + 2]) & 0xff;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const png = Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 6 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
