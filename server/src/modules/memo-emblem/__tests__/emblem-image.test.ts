import zlib from 'node:zlib';
import { discPng } from '../../../../../tests/support/png';
import { decodeEmblem, MAX_EMBLEM_BYTES, readEmblem } from '../emblem-image';

/** A JPEG's markers around a frame of the given size (the scan's data is not decoded here). */
function jpeg(width: number, height: number, components = 3): Buffer {
  const frame = [0xff, 0xc0, 0x00, 8 + 3 * components, 8, height >> 8, height & 255, width >> 8, width & 255, components];
  for (let c = 1; c <= components; c++) frame.push(c, 0x11, 0);
  const scan = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34];
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, ...frame, ...scan, 0xff, 0xd9]);
}

/** The PNG with its header claiming another height (checksum made right again). */
function withHeight(png: Buffer, height: number): Buffer {
  const copy = Buffer.from(png);
  copy.writeUInt32BE(height, 20);
  copy.writeUInt32BE(zlib.crc32(copy.subarray(12, 29)), 29);
  return copy;
}

describe('the ครุฑ image', () => {
  it('reads a whole PNG or JPEG with its size in pixels', () => {
    expect(readEmblem(discPng(120, 130))).toMatchObject({ mediaType: 'image/png', width: 120, height: 130 });
    expect(readEmblem(jpeg(300, 320))).toMatchObject({ mediaType: 'image/jpeg', width: 300, height: 320 });
  });

  it.each([
    ['no image at all', Buffer.from('GIF89a......'), 'notImage'],
    ['a PNG cut short', discPng().subarray(0, 60), 'broken'],
    ['a PNG without its end', discPng().subarray(0, discPng().length - 12), 'broken'],
    ['a PNG whose pixels are fewer than its header says', withHeight(discPng(20, 20), 21), 'broken'],
    ['a JPEG with no frame', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]), 'broken'],
    ['a JPEG of 2 components', jpeg(100, 100, 2), 'broken'],
    ['a JPEG cut before its end', jpeg(100, 100).subarray(0, 30), 'broken'],
    ['too small', discPng(10, 40), 'size'],
    ['too large in pixels', jpeg(1501, 200), 'size'],
    ['too large in bytes', Buffer.concat([jpeg(100, 100), Buffer.alloc(MAX_EMBLEM_BYTES)]), 'tooLarge'],
  ])('refuses %s', (_what, bytes, problem) => {
    expect(readEmblem(bytes)).toBe(problem);
  });

  it('takes a data URL or bare base64, and nothing else', () => {
    const png = discPng(20, 20);
    expect(decodeEmblem(`data:image/png;base64,${png.toString('base64')}`)).toEqual(png);
    expect(decodeEmblem(png.toString('base64'))).toEqual(png);
    expect(decodeEmblem('ครุฑ.png')).toBeNull();
    expect(decodeEmblem('')).toBeNull();
  });
});
