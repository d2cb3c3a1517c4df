import fs from 'node:fs';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ZWSP } from './thai-text';

// pdfmake 0.3 is a process-wide singleton: fonts go into its virtual file system once.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfmake = require('pdfmake') as {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PdfKitDocument = require('pdfmake/js/PDFDocument').default as {
  prototype: {
    text(text: string, ...rest: unknown[]): unknown;
    provideFont(...args: unknown[]): { font: FontkitFont };
  };
};

interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): { name: string };
}

/**
 * The text a PDF gives back for a glyph is fixed by the first time the glyph is laid out in a document.
 * SARA AM (ำ) is drawn as NIKHAHIT (alone, or in a ligature with a tone mark) + a copy of SARA AA that
 * exists only for it. Before anything is laid out, the copy is made to read "ำ", the nikhahit to read
 * nothing and each ligature to read as its tone mark, so "ลำดับ" and "น้ำ" read back as written, with no
 * gap, and every other า keeps its own glyph and text. The glyph ids come from the font build.
 */
function teachSaraAm(font: FontkitFont, glyphText: Record<string, string>): void {
  for (const [id, text] of Object.entries(glyphText))
    font.getGlyph(
      Number(id),
      [...text].map((c) => c.codePointAt(0)!),
    );
}

/** server/assets/fonts, whether running from source or from dist/. */
function fontDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'server', 'assets', 'fonts');
    if (fs.existsSync(path.join(candidate, 'Sarabun-Regular.ttf'))) return candidate;
  }
  throw new Error('server/assets/fonts/Sarabun-Regular.ttf not found');
}

let ready = false;

/**
 * Registers the Thai fonts (Sarabun, patched: see scripts/fonts/patch-sarabun.py) once per process and
 * forbids documents to read files or URLs. Every piece of text pdfmake draws passes through here:
 * - the word-break marks (U+200B) have decided where lines break and are not drawn, so copied or
 *   searched text has no stray characters;
 * - the glyphs of ำ are given their text before any layout (teachSaraAm).
 */
function setUp(): void {
  if (ready) return;
  const dir = fontDir();
  for (const file of ['Sarabun-Regular.ttf', 'Sarabun-Bold.ttf'])
    pdfmake.virtualfs.writeFileSync(file, fs.readFileSync(path.join(dir, file)));
  pdfmake.setFonts({
    Sarabun: { normal: 'Sarabun-Regular.ttf', bold: 'Sarabun-Bold.ttf', italics: 'Sarabun-Regular.ttf', bolditalics: 'Sarabun-Bold.ttf' },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const glyphText = JSON.parse(fs.readFileSync(path.join(dir, 'glyph-text.json'), 'utf8')) as Record<string, Record<string, string>>;
  const provide = PdfKitDocument.prototype.provideFont;
  const taught = new WeakSet<object>();
  PdfKitDocument.prototype.provideFont = function (this: unknown, ...args: unknown[]) {
    const font = provide.apply(this, args);
    if (!taught.has(font)) {
      teachSaraAm(font.font, glyphText[args[1] ? 'Sarabun-Bold.ttf' : 'Sarabun-Regular.ttf']);
      taught.add(font);
    }
    return font;
  };
  const draw = PdfKitDocument.prototype.text;
  PdfKitDocument.prototype.text = function (text: string, ...rest: unknown[]) {
    return draw.call(this, typeof text === 'string' ? text.split(ZWSP).join('') : text, ...rest);
  };
  ready = true;
}

export interface DocumentInfo {
  title: string;
  /** Who printed it, for the document's properties. */
  author?: string;
  landscape?: boolean;
}

/** The house style of every printed report: A4, Sarabun 14 pt, page "x / y" at the foot. */
export async function renderPdf(info: DocumentInfo, content: Content, styles: TDocumentDefinitions['styles'] = {}): Promise<Buffer> {
  setUp();
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: info.landscape ? 'landscape' : 'portrait',
    pageMargins: [40, 40, 40, 48],
    info: { title: info.title, author: info.author ?? 'e-PlanNACC', creator: 'e-PlanNACC', producer: 'e-PlanNACC' },
    defaultStyle: { font: 'Sarabun', fontSize: 14, lineHeight: 1 },
    styles: {
      title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 15, alignment: 'center', margin: [0, 0, 0, 10] },
      th: { bold: true, alignment: 'center', fillColor: '#eeeeee', fontSize: 13 },
      num: { alignment: 'right', noWrap: true },
      center: { alignment: 'center' },
      small: { fontSize: 12 },
      ...styles,
    },
    footer: (page: number, pages: number) => ({
      text: `หน้า ${page} / ${pages}`,
      alignment: 'right',
      fontSize: 11,
      margin: [40, 12, 40, 0],
    }),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
