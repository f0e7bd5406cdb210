// Decodes the PNG screenshots Chromium produces (8-bit RGB/RGBA, not interlaced) and measures whether an image
// holds a drawn map: varied colours, real contrast, and the map's own line colours in quantity. A blank,
// uniform or merely dark canvas fails.
import { inflateSync } from 'node:zlib';

export interface RgbaImage {
  width: number;
  height: number;
  /** 4 bytes a pixel, row after row. */
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(png: Buffer): RgbaImage {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0, height = 0, channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [bitDepth, colourType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
      if (bitDepth !== 8 || !channels || interlace !== 0) throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rgba = new Uint8Array(width * height * 4);
  let previous: Uint8Array = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = unfilter(filter ?? -1, line, previous, channels);
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      rgba[o] = row[x * channels]!;
      rgba[o + 1] = row[x * channels + 1]!;
      rgba[o + 2] = row[x * channels + 2]!;
      rgba[o + 3] = channels === 4 ? row[x * channels + 3]! : 255;
    }
    previous = row;
  }
  return { width, height, rgba };
}

/** PNG scanline filters 0–4 (RFC 2083 §6). */
function unfilter(filter: number, line: Uint8Array, above: Uint8Array, bpp: number): Uint8Array {
  const out = new Uint8Array(line.length);
  for (let i = 0; i < line.length; i++) {
    const left = i >= bpp ? out[i - bpp]! : 0;
    const up = above[i]!;
    const upLeft = i >= bpp ? above[i - bpp]! : 0;
    const x = line[i]!;
    switch (filter) {
      case 0: out[i] = x; break;
      case 1: out[i] = x + left; break;
      case 2: out[i] = x + up; break;
      case 3: out[i] = x + ((left + up) >> 1); break;
      case 4: out[i] = x + paeth(left, up, upLeft); break;
      default: throw new Error(`bad PNG filter ${filter}`);
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export interface PixelStats {
  pixels: number;
  /** Colour buckets (3 bits a channel) holding at least 0.01 % of the pixels, so stray noise does not count. */
  colourBuckets: number;
  lumaStdDev: number;
}

export function pixelStats({ rgba }: RgbaImage): PixelStats {
  const pixels = rgba.length / 4;
  const buckets = new Map<number, number>();
  let sum = 0, sumSq = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
    const key = ((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5);
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
    const luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += luma;
    sumSq += luma * luma;
  }
  const mean = sum / pixels;
  const minimum = Math.max(1, pixels * 0.0001);
  return {
    pixels,
    colourBuckets: [...buckets.values()].filter((n) => n >= minimum).length,
    lumaStdDev: Math.sqrt(Math.max(0, sumSq / pixels - mean * mean)),
  };
}

/** Pixels within `tolerance` (RGB distance) of a `#rrggbb` colour. */
export function countNear({ rgba }: RgbaImage, hex: string, tolerance = 24): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const dr = rgba[i]! - r, dg = rgba[i + 1]! - g, db = rgba[i + 2]! - b;
    if (dr * dr + dg * dg + db * db <= tolerance * tolerance) count++;
  }
  return count;
}

export interface MapExpectation {
  minColourBuckets: number;
  minLumaStdDev: number;
  /** Colours that must each cover at least this many pixels (the drawn layers), within `tolerance` (RGB distance, 24 unless told). */
  colours: Record<string, { hex: string; minPixels: number; tolerance?: number }>;
}

/** Everything wrong with the image as a drawn map; empty when it passes. */
export function mapProblems(image: RgbaImage, expect: MapExpectation): string[] {
  const stats = pixelStats(image);
  const problems: string[] = [];
  if (stats.colourBuckets < expect.minColourBuckets) problems.push(`only ${stats.colourBuckets} colour buckets (< ${expect.minColourBuckets})`);
  if (stats.lumaStdDev < expect.minLumaStdDev) problems.push(`luminance std dev ${stats.lumaStdDev.toFixed(2)} (< ${expect.minLumaStdDev})`);
  for (const [name, { hex, minPixels, tolerance }] of Object.entries(expect.colours)) {
    const n = countNear(image, hex, tolerance);
    if (n < minPixels) problems.push(`${name} ${hex}: ${n} pixels (< ${minPixels})`);
  }
  return problems;
}
