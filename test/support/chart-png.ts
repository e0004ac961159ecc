/** A minimal PNG reader for tests: enough to look at the pixels resvg writes (8-bit RGB/RGBA). */
import { inflateSync } from 'node:zlib';

/** Decoded pixels, RGBA per pixel. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Decode a non-interlaced 8-bit RGB or RGBA PNG. */
export function decodePng(png: Uint8Array): Pixels {
  const buf = Buffer.from(png);
  if (buf.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let offset = 8;
  let width = 0, height = 0, colorType = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.subarray(offset + 4, offset + 8).toString('latin1');
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!channels) throw new Error(`colour type ${colorType} not supported`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels] : 0;
      const b = previous[x];
      const c = x >= channels ? previous[x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[x] = (line[x] + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      out.set([row[x * channels], row[x * channels + 1], row[x * channels + 2], channels === 4 ? row[x * channels + 3] : 255], (y * width + x) * 4);
    }
    previous = row;
  }
  return { width, height, rgba: out };
}

/** How many near-black pixels (text) lie in rows [top, bottom). */
export function darkPixels(pixels: Pixels, top: number, bottom: number): number {
  let count = 0;
  for (let y = top; y < Math.min(bottom, pixels.height); y++) {
    for (let x = 0; x < pixels.width; x++) {
      const i = (y * pixels.width + x) * 4;
      if (pixels.rgba[i] < 90 && pixels.rgba[i + 1] < 90 && pixels.rgba[i + 2] < 90) count++;
    }
  }
  return count;
}
