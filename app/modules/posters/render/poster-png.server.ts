/**
 * A plain PNG encoder for pixels the studio paints itself (poster variants: the base poster with
 * each variant's QR code painted in). Rows are filtered with "up", which suits large flat areas. resvg only encodes what it rendered, and re-rendering the
 * whole poster per variant cost more than everything else in a batch.
 */
import { constants, deflateRawSync } from "node:zlib";

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

/** The "up"-filtered RGB rows [from, to) of opaque RGBA pixels, each led by its filter byte. */
function filteredRows(rgba: Uint8Array, width: number, from: number, to: number): Buffer {
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * (to - from));
  for (let y = from; y < to; y++) {
    const row = (y - from) * stride;
    raw[row] = 2; // filter: up
    let src = y * width * 4;
    let up = src - width * 4;
    for (let dst = row + 1, end = row + stride; dst < end; dst += 3, src += 4, up += 4) {
      if (y === 0) {
        raw[dst] = rgba[src];
        raw[dst + 1] = rgba[src + 1];
        raw[dst + 2] = rgba[src + 2];
      } else {
        raw[dst] = (rgba[src] - rgba[up]) & 0xff;
        raw[dst + 1] = (rgba[src + 1] - rgba[up + 1]) & 0xff;
        raw[dst + 2] = (rgba[src + 2] - rgba[up + 2]) & 0xff;
      }
    }
  }
  return raw;
}

/** Adler-32 carried on from `state` over `bytes` (zlib's checksum of the uncompressed data). */
function adler32(bytes: Uint8Array, state = { a: 1, b: 0 }): { a: number; b: number } {
  let { a, b } = state;
  // 5552 is the most bytes before the sums must be reduced to stay exact in a double.
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return { a, b };
}

const ZLIB_HEADER = Buffer.from([0x78, 0x9c]);

function png(width: number, height: number, idat: Buffer): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const out = Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array(0)),
  ]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * An encoder for many opaque images (alpha ignored: posters have a background everywhere) that
 * share every row above `fromRow` with `base` (poster variants: only the QR code near the foot
 * differs). The shared rows are filtered and compressed once,
 * ending on a full flush so each image's own rows continue the stream on a byte boundary.
 */
export function sharedTopPngEncoder(
  base: Uint8Array,
  width: number,
  height: number,
  fromRow: number,
): (rgba: Uint8Array) => Uint8Array {
  const top = filteredRows(base, width, 0, fromRow);
  const topDeflated = deflateRawSync(top, { level: 6, finishFlush: constants.Z_FULL_FLUSH });
  const topAdler = adler32(top);
  return (rgba) => {
    const rest = filteredRows(rgba, width, fromRow, height);
    const { a, b } = adler32(rest, topAdler);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(((b << 16) | a) >>> 0, 0);
    return png(
      width,
      height,
      Buffer.concat([ZLIB_HEADER, topDeflated, deflateRawSync(rest, { level: 6 }), checksum]),
    );
  };
}
