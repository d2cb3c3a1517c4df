import zlib from 'node:zlib';

/**
 * The ครุฑ image NACC uploads for the memo's heading: a PNG or JPEG checked to be whole before it is
 * stored, so a memo never fails to print because of it. Small enough to live in a TEXT column as base64
 * (and in one API request); 1.5 cm of a page needs no more than a few hundred pixels.
 */

/** Largest image accepted, in bytes (its base64 fits a 64 KB TEXT column and the API's request limit). */
export const MAX_EMBLEM_BYTES = 45 * 1024;
/** Widest and tallest image accepted, in pixels: 1.5 cm at 600 dpi is 354. */
export const MAX_EMBLEM_PIXELS = 1500;
const MIN_EMBLEM_PIXELS = 16;

export type EmblemMediaType = 'image/png' | 'image/jpeg';

export interface EmblemImage {
  mediaType: EmblemMediaType;
  width: number;
  height: number;
  bytes: Buffer;
}

export const EMBLEM_MESSAGES = {
  notImage: 'ไฟล์ที่เลือกไม่ใช่ภาพ PNG หรือ JPEG กรุณาเลือกไฟล์ภาพครุฑใหม่',
  tooLarge: `ไฟล์ภาพครุฑต้องมีขนาดไม่เกิน ${MAX_EMBLEM_BYTES / 1024} KB กรุณาย่อภาพแล้วลองอีกครั้ง`,
  broken: 'ไฟล์ภาพครุฑเสียหายหรืออ่านไม่ได้ กรุณาบันทึกภาพใหม่แล้วลองอีกครั้ง',
  size: `ภาพครุฑต้องกว้างและสูง ${MIN_EMBLEM_PIXELS}–${MAX_EMBLEM_PIXELS.toLocaleString('en-US')} พิกเซล`,
} as const;

export type EmblemProblem = keyof typeof EMBLEM_MESSAGES;

/** The bytes of a data URL (`data:image/png;base64,…`) or of bare base64; null when it is neither. */
export function decodeEmblem(text: string): Buffer | null {
  const match = /^data:image\/(?:png|jpeg|jpg);base64,(.*)$/s.exec(text.trim());
  const base64 = (match ? match[1] : text).replace(/\s+/g, '');
  if (!base64 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  return Buffer.from(base64, 'base64');
}

/** The image when it is a whole PNG or JPEG of a sensible size, or what is wrong with it. */
export function readEmblem(bytes: Buffer): EmblemImage | EmblemProblem {
  if (bytes.length > MAX_EMBLEM_BYTES) return 'tooLarge';
  const image = isPng(bytes) ? readPng(bytes) : isJpeg(bytes) ? readJpeg(bytes) : 'notImage';
  if (typeof image === 'string') return image;
  const inRange = (n: number) => n >= MIN_EMBLEM_PIXELS && n <= MAX_EMBLEM_PIXELS;
  if (!inRange(image.width) || !inRange(image.height)) return 'size';
  return image;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const isPng = (b: Buffer) => b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE);
const isJpeg = (b: Buffer) => b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** Channels per PNG colour type; bit depths each allows. */
const PNG_COLOUR: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** Bytes of the filtered image data of a PNG: a filter byte per row, of each Adam7 pass when interlaced. */
function pngDataLength(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number) => (w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bitsPerPixel) / 8)));
  if (!interlaced) return rows(width, height);
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ];
  return passes.reduce(
    (sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil(Math.max(0, width - x0) / dx), Math.ceil(Math.max(0, height - y0) / dy)),
    0,
  );
}

/** Every chunk in place with a right checksum, IHDR first and IEND last, and the image data inflating to exactly its size. */
function readPng(b: Buffer): EmblemImage | EmblemProblem {
  let at = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlaced: boolean } | null = null;
  let palette = false;
  let ended = false;
  const data: Buffer[] = [];
  while (at < b.length && !ended) {
    if (at + 12 > b.length) return 'broken';
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > b.length) return 'broken';
    const body = b.subarray(at + 8, at + 8 + length);
    if (zlib.crc32(b.subarray(at + 4, at + 8 + length)) !== b.readUInt32BE(at + 8 + length)) return 'broken';
    if (!header && type !== 'IHDR') return 'broken';
    if (type === 'IHDR') {
      if (header || length !== 13) return 'broken';
      const [depth, colour, compression, filter, interlace] = body.subarray(8, 13);
      if (!PNG_COLOUR[colour]?.depths.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) return 'broken';
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth, colour, interlaced: interlace === 1 };
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!header || !ended || data.length === 0 || (header.colour === 3 && !palette)) return 'broken';
  const { width, height, depth, colour, interlaced } = header;
  if (width > MAX_EMBLEM_PIXELS || height > MAX_EMBLEM_PIXELS) return 'size';
  const expected = pngDataLength(width, height, depth * PNG_COLOUR[colour].channels, interlaced);
  try {
    const pixels = zlib.inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1 });
    if (pixels.length !== expected) return 'broken';
  } catch {
    return 'broken';
  }
  return { mediaType: 'image/png', width, height, bytes: b };
}

/** Start and end markers, segments that hold together, a frame header (size, 1/3/4 components) before the scan. */
function readJpeg(b: Buffer): EmblemImage | EmblemProblem {
  let end = b.length;
  while (end > 2 && b[end - 1] === 0x00) end--;
  if (b[end - 2] !== 0xff || b[end - 1] !== 0xd9) return 'broken';
  let at = 2;
  let frame: { width: number; height: number } | null = null;
  while (at + 4 <= end) {
    if (b[at] !== 0xff) return 'broken';
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > end) return 'broken';
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 8) return 'broken';
      const components = b[at + 9];
      if (![1, 3, 4].includes(components)) return 'broken';
      frame = { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    }
    if (marker === 0xda) return frame ? { mediaType: 'image/jpeg', ...frame, bytes: b } : 'broken';
    at += 2 + length;
  }
  return 'broken';
}
