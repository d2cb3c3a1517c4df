import fs from 'node:fs';
import path from 'node:path';

/**
 * How the PDF builder turns shaped Thai into glyphs, so that the text layer reads back exactly what was
 * printed in poppler, pdf.js (Firefox) and PDFium (Chrome, Edge), and strict parsers accept it.
 *
 * pdfkit draws a glyph that the font's GPOS moves (a tone mark, an upper vowel) as its own text object
 * at its own position. PDFium orders the text objects of a line by their x, and a mark is placed a hair
 * left or right of its neighbours, so "ที่" was read "ท่ี" and "ส่วน" "สวน่". Here each such mark is
 * replaced by a copy the font build made already moved by that offset (scripts/fonts/patch-sarabun.py),
 * drawn where the mark's zero advance leaves it: every word is one run of glyphs in reading order, and
 * the marks are drawn exactly where they were.
 *
 * SARA AM (ำ) is shaped as NIKHAHIT + SARA AA. A PDF cannot say that one of two glyphs stands for no
 * text, so the pair is replaced by the font build's single glyph of both, reading ำ. With a tone mark
 * (น้ำ) the font merges NIKHAHIT with the tone mark: that ligature reads as the tone mark and the
 * SARA AA that follows (a copy made for ำ alone) as ำ.
 */

/** One font's entries of thai-glyphs.json (made by the font build). */
export interface FontGlyphs {
  /** The copy of SARA AA that ends a decomposed ำ. */
  amCopy: number;
  /** Text of the glyphs whose text is not their code points, by glyph id. */
  text: Record<string, string>;
  /** "glyphId xOffset yOffset" (font units) → the copy of that glyph drawn at that offset. */
  marks: Record<string, number>;
  /** "nikhahitId xOffset yOffset" → the glyph of that NIKHAHIT and SARA AA together. */
  saraAm: Record<string, number>;
}

export interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** The parts of pdfkit's EmbeddedFont (one embedded font of one document) that are replaced or used. */
export interface EmbeddedFont {
  font: { postscriptName: string; getGlyph(id: number): Glyph; createSubset(): EmbeddedFont['subset'] };
  /** pdfkit's shaped runs by word, made for each document unless given. */
  layoutCache?: Record<string, unknown>;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  document: { ref(): { end(data: string): void } };
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: Position[] };
  encode(text: string, features?: unknown): [string[], Position[]];
  toUnicodeCmap(): unknown;
}

const SARA_AM = [0x0e33];

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function utf16Hex(codePoints: number[]): string {
  return String.fromCodePoint(...codePoints)
    .split('')
    .map((unit) => hex4(unit.charCodeAt(0)))
    .join('');
}

/** A glyph as drawn: which glyph, the text it stands for, where it goes. */
export interface PlacedGlyph {
  id: number;
  codePoints: number[];
  position: Position;
}

/**
 * A shaped run with the substitutions above. Every glyph gets the text it stands for; a mark moved by
 * an offset the font build did not foresee keeps its offset (drawn right, read in PDFium's order).
 */
export function placeGlyphs(run: { glyphs: Glyph[]; positions: Position[] }, glyphs: FontGlyphs, scale: number): PlacedGlyph[] {
  const placed: PlacedGlyph[] = [];
  for (let i = 0; i < run.glyphs.length; i++) {
    const glyph = run.glyphs[i];
    let position = run.positions[i];
    let id = glyph.id;
    let codePoints = glyphs.text[id] === undefined ? glyph.codePoints : [...glyphs.text[id]].map((c) => c.codePointAt(0)!);
    const key = `${id} ${Math.round(position.xOffset / scale)} ${Math.round(position.yOffset / scale)}`;
    const saraAm = glyphs.saraAm[key];
    if (saraAm !== undefined && run.glyphs[i + 1]?.id === glyphs.amCopy) {
      id = saraAm;
      codePoints = SARA_AM;
      position = run.positions[++i];
    } else if ((position.xOffset || position.yOffset) && glyphs.marks[key] !== undefined) {
      id = glyphs.marks[key];
      position = { ...position, xOffset: 0, yOffset: 0 };
    }
    placed.push({ id, codePoints, position });
  }
  return placed;
}

/** pdfkit's EmbeddedFont.encode (text → glyph codes in the document's subset, and positions) over placeGlyphs. */
function encode(font: EmbeddedFont, glyphs: FontGlyphs, text: string, features?: unknown): [string[], Position[]] {
  const placed = placeGlyphs(font.layout(text, features), glyphs, font.scale);
  const codes: string[] = [];
  for (const { id, codePoints } of placed) {
    const code = font.subset.includeGlyph(id);
    codes.push(hex4(code));
    font.widths[code] ??= font.font.getGlyph(id).advanceWidth * font.scale;
    font.unicode[code] ??= codePoints;
  }
  return [codes, placed.map((p) => p.position)];
}

/**
 * The font's ToUnicode CMap: one bfchar entry per glyph code, each with its text (pdfkit writes a range
 * with an empty `<>` entry for a glyph without text, which strict parsers reject, and spaces inside
 * multi-character entries). A glyph without text gets no entry.
 */
function toUnicodeCmap(font: EmbeddedFont): unknown {
  const entries: string[] = [];
  font.unicode.forEach((codePoints, code) => {
    if (code > 0 && codePoints?.length && !codePoints.includes(0)) entries.push(`<${hex4(code)}> <${utf16Hex(codePoints)}>`);
  });
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  const cmap = font.document.ref();
  cmap.end(
    [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <ffff>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n'),
  );
  return cmap;
}

let table: Record<string, FontGlyphs> | undefined;

/** thai-glyphs.json of the font build, by the fonts' PostScript names; read once. */
export function thaiGlyphTable(fontDir: string): Record<string, FontGlyphs> {
  table ??= JSON.parse(fs.readFileSync(path.join(fontDir, 'thai-glyphs.json'), 'utf8')) as Record<string, FontGlyphs>;
  return table;
}

/** Shaped words by font, shared by every document; started afresh when it holds this many. */
const LAYOUT_CACHE_WORDS = 20_000;
const layoutCaches = new Map<string, { words: Record<string, unknown>; documents: number }>();

/**
 * Shaping a word (fontkit's GSUB and GPOS) is the largest part of a document's time, and pdfkit keeps
 * the shaped words for one document only: here every document of the process shares them, per font.
 * The size is checked every hundred documents.
 */
function sharedLayoutCache(font: EmbeddedFont): Record<string, unknown> {
  let cache = layoutCaches.get(font.font.postscriptName);
  if (!cache || (++cache.documents % 100 === 0 && Object.keys(cache.words).length > LAYOUT_CACHE_WORDS)) {
    cache = { words: Object.create(null) as Record<string, unknown>, documents: 0 };
    layoutCaches.set(font.font.postscriptName, cache);
  }
  return cache.words;
}

/** Makes one of a document's embedded fonts draw Thai as above (a font the build did not patch is left alone). */
export function useThaiGlyphs(font: EmbeddedFont, fontDir: string): void {
  const glyphs = thaiGlyphTable(fontDir)[font.font.postscriptName];
  if (!glyphs) return;
  if (font.layoutCache) font.layoutCache = sharedLayoutCache(font);
  font.encode = (text, features) => encode(font, glyphs, text, features);
  font.toUnicodeCmap = () => toUnicodeCmap(font);
}
