import fs from 'node:fs';
import path from 'node:path';
import { KHLONG_THOM_TAI_2564, KHON_HAT_2567 } from '../../demo/khon-hat-2567';
import { DEMO_LAOS } from '../../demo/demo-data';
import { placeGlyphs, thaiGlyphTable, type Glyph } from '../pdf/thai-glyphs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { create(data: Buffer): Font };
interface Font {
  getGlyph(id: number): Glyph & { name: string; bbox: { minX: number; minY: number; maxX: number; maxY: number } };
  layout(text: string): {
    glyphs: Glyph[];
    positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>;
  };
}

const FONTS = path.join(__dirname, '..', '..', '..', 'assets', 'fonts');
const GEOGRAPHY = path.join(__dirname, '..', '..', '..', 'data', 'geography');
const names = (file: string, key: string) =>
  (JSON.parse(fs.readFileSync(path.join(GEOGRAPHY, file), 'utf8')) as Array<Record<string, string>>).map((row) => row[key]);

/** Every consonant with every vowel and mark that can sit on it, and with ำ after a tone mark. */
const clusters: string[] = [];
for (let c = 0x0e01; c <= 0x0e2e; c++) {
  const consonant = String.fromCodePoint(c);
  for (const vowel of ['', 'ั', 'ิ', 'ี', 'ึ', 'ื', '็', 'ุ', 'ู', 'ฺ'])
    for (const mark of ['', '่', '้', '๊', '๋', '์', 'ํ']) clusters.push(consonant + vowel + mark);
  for (const tone of ['', '่', '้', '๊', '๋']) clusters.push(`${consonant}${tone}ำ`);
}
const SAMPLE = [
  ...clusters,
  ...names('provinces.json', 'provinceNameTh'),
  ...names('districts.json', 'districtNameTh'),
  ...names('subdistricts.json', 'subdistrictNameTh'),
  ...DEMO_LAOS.map((l) => l.name),
  ...[...KHON_HAT_2567, ...KHLONG_THOM_TAI_2564].map((p) => p.name),
  'น้ำท่วมซ้ำซาก ลำดับที่ ๑ ฝั่งฟื้นปี่ สํานัก ฤๅษี',
];

describe.each(['Sarabun-Regular', 'Sarabun-Bold'])('Thai glyphs of %s for a text layer every viewer reads', (name) => {
  // fontkit keeps a glyph's code points from the first time it makes that glyph: the layout test gets its own font.
  const open = () => fontkit.create(fs.readFileSync(path.join(FONTS, `${name}.ttf`)));
  const font = open();
  const glyphs = thaiGlyphTable(FONTS)[name];
  const box = (id: number, dx = 0, dy = 0) => {
    const b = font.getGlyph(id).bbox;
    return [b.minX + dx, b.minY + dy, b.maxX + dx, b.maxY + dy];
  };

  it('has a copy of each mark already at each offset the shaper gives it, drawn exactly there', () => {
    expect(Object.keys(glyphs.marks).length).toBeGreaterThan(200);
    for (const [key, copy] of Object.entries(glyphs.marks)) {
      const [id, x, y] = key.split(' ').map(Number);
      expect([key, box(copy), font.getGlyph(copy).advanceWidth]).toEqual([key, box(id, x, y), font.getGlyph(id).advanceWidth]);
    }
  });

  it('has one glyph for SARA AM’s NIKHAHIT at each offset together with its SARA AA', () => {
    const aa = font.getGlyph(glyphs.amCopy);
    for (const [key, both] of Object.entries(glyphs.saraAm)) {
      const [id, x, y] = key.split(' ').map(Number);
      const [n, a] = [box(id, x, y), box(aa.id)];
      const union = [Math.min(n[0], a[0]), Math.min(n[1], a[1]), Math.max(n[2], a[2]), Math.max(n[3], a[3])];
      expect([key, box(both), font.getGlyph(both).advanceWidth]).toEqual([key, union, aa.advanceWidth]);
    }
  });

  it('draws every cluster, place name and demo project name as glyphs in reading order, none moved, each with its own text', () => {
    const shaper = open();
    const wrong: string[] = [];
    for (const text of SAMPLE) {
      const placed = placeGlyphs(shaper.layout(text), glyphs, 1);
      const read = placed.map((g) => String.fromCodePoint(...g.codePoints)).join('');
      const moved = placed.filter((g) => g.position.xOffset || g.position.yOffset);
      const silent = placed.filter((g) => g.codePoints.length === 0);
      if (read !== text || moved.length || silent.length)
        wrong.push(`${text} → ${read} (${moved.length} moved, ${silent.length} without text)`);
    }
    expect(wrong).toEqual([]);
  });
});
