/**
 * Part of the font build (patch-sarabun.py runs it): lays out every Thai consonant with every vowel
 * and tone mark that can sit on it, with the shaper the PDFs are made with (fontkit), and prints as
 * JSON each mark glyph with the offset the font's GPOS gives it (`marks`) and each NIKHAHIT that SARA AM
 * (ำ) was split into, with its offset (`saraAm`). The build then adds one glyph for each, already at
 * that offset, so the PDF builder can draw every Thai cluster as one run of glyphs in reading order.
 *
 *   node scripts/fonts/mark-positions.js <font.ttf>
 */
const fs = require('node:fs');
const fontkit = require('fontkit');

const AM_COPY = 'uni0E32.am';
const font = fontkit.create(fs.readFileSync(process.argv[2]));
const consonants = Array.from({ length: 0x0e2e - 0x0e01 + 1 }, (_, i) => String.fromCodePoint(0x0e01 + i));
const vowels = ['', '\u0e31', '\u0e34', '\u0e35', '\u0e36', '\u0e37', '\u0e47', '\u0e38', '\u0e39', '\u0e3a'];
const marks = ['', '\u0e48', '\u0e49', '\u0e4a', '\u0e4b', '\u0e4c', '\u0e4d', '\u0e4e'];
const toneBeforeAm = ['', '\u0e48', '\u0e49', '\u0e4a', '\u0e4b'];

const offsets = new Set();
const saraAm = new Set();
for (const c of consonants) {
  const clusters = [c];
  for (const v of vowels) for (const m of marks) clusters.push(c + v + m);
  for (const t of toneBeforeAm) clusters.push(`${c}${t}\u0e33`);
  for (const text of clusters) {
    const { glyphs, positions } = font.layout(text);
    glyphs.forEach((glyph, i) => {
      const { xOffset: x, yOffset: y } = positions[i];
      const key = JSON.stringify([glyph.name, x, y]);
      // SARA AM's own NIKHAHIT (not one merged with a tone mark), whatever its offset.
      if (glyphs[i + 1]?.name === AM_COPY && glyph.name.split('.')[0] === 'uni0E4D') saraAm.add(key);
      else if (x || y) offsets.add(key);
    });
  }
}
const list = (set) => [...set].sort().map((k) => JSON.parse(k));
process.stdout.write(JSON.stringify({ marks: list(offsets), saraAm: list(saraAm) }));
