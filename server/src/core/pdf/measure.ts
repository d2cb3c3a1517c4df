import fs from 'node:fs';
import path from 'node:path';
import { fontDir } from './pdf';
import { breakThaiWords, ZWSP } from './thai-text';

/**
 * Widths of text as the documents print it (Sarabun, shaped by fontkit as pdfkit shapes it), so a column
 * that holds amounts on one line is made as wide as its widest amount, not as wide as a guess.
 */

interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

const fonts: { normal?: FontkitFont; bold?: FontkitFont } = {};

function font(bold: boolean): FontkitFont {
  const key = bold ? 'bold' : 'normal';
  if (!fonts[key]) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fontkit = require('fontkit') as { create(data: Buffer): FontkitFont };
    fonts[key] = fontkit.create(fs.readFileSync(path.join(fontDir(), bold ? 'Sarabun-Bold.ttf' : 'Sarabun-Regular.ttf')));
  }
  return fonts[key];
}

/**
 * Widths of texts at 1 pt, by font: a document measures the same amounts at each font size it tries,
 * and the same texts come back in the next document. Started afresh when it holds this many.
 */
const MEASURED_TEXTS = 20_000;
const measured = { normal: new Map<string, number>(), bold: new Map<string, number>() };

/** The width in points of `text` on one line at `fontSize` (Thai digits are wider than Arabic ones); word-break marks take no room. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const widths = measured[bold ? 'bold' : 'normal'];
  let width = widths.get(text);
  if (width === undefined) {
    const f = font(bold);
    if (widths.size >= MEASURED_TEXTS) widths.clear();
    widths.set(text, (width = f.layout(text.replaceAll(ZWSP, '')).advanceWidth / f.unitsPerEm));
  }
  return width * fontSize;
}

/** The width a column needs to hold each of `texts` on one line (bold unless told: the widest a total is set in), rounded up. */
export function widestText(texts: string[], fontSize: number, bold = true): number {
  return Math.ceil(Math.max(0, ...texts.map((text) => textWidth(text, fontSize, bold))) + 1);
}

/** The width a column needs so that no word of `headers` (bold, as headers are set) breaks inside: the widest word, rounded up. */
export function widestWord(headers: string[], fontSize: number): number {
  return widestText(
    headers.flatMap((header) => breakThaiWords(header).split(/[\s\u200B]+/)),
    fontSize,
  );
}
