import fs from 'node:fs';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RenderJob } from './render-pool';
import { shareFontkitFont, shareParsedFontTables, writeStreamsInOnePiece } from './pdfkit-costs';
import { TABLE_LAYOUTS } from './table-layouts';
import { useThaiGlyphs, type EmbeddedFont } from './thai-glyphs';
import { keepTableRowsWhole } from './table-rows';
import { breakTooWideWordsAtThaiBoundaries } from './thai-lines';
import { thaiDigits, ZWSP } from './thai-text';

// pdfmake 0.3 is a process-wide singleton: fonts go into its virtual file system once.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfmake = require('pdfmake') as {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  addTableLayouts(layouts: Record<string, object>): void;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PdfKitDocument = require('pdfmake/js/PDFDocument').default as {
  prototype: {
    text(text: string, ...rest: unknown[]): unknown;
    provideFont(...args: unknown[]): EmbeddedFont;
  } & Parameters<typeof writeStreamsInOnePiece>[0];
};

/** server/assets/fonts, whether running from source or from dist/. */
export function fontDir(): string {
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
 * - Thai is drawn as runs of glyphs in reading order, each with its text (thai-glyphs.ts);
 * - a Thai word wider than its column breaks at ICU's boundaries inside it (thai-lines.ts);
 * - a table marked keepRowsWhole keeps each row on one page unless it is taller than a page (table-rows.ts);
 * - what pdfkit would do again for every document is done once per process (pdfkit-costs.ts).
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
  pdfmake.addTableLayouts(TABLE_LAYOUTS);
  shareParsedFontTables(fs.readFileSync(path.join(dir, 'Sarabun-Regular.ttf')));
  writeStreamsInOnePiece(PdfKitDocument.prototype);
  breakTooWideWordsAtThaiBoundaries();
  keepTableRowsWhole();
  const provide = PdfKitDocument.prototype.provideFont;
  const prepared = new WeakSet<object>();
  PdfKitDocument.prototype.provideFont = function (this: unknown, ...args: unknown[]) {
    const font = provide.apply(this, args);
    if (!prepared.has(font)) {
      shareFontkitFont(font);
      useThaiGlyphs(font, dir);
      prepared.add(font);
    }
    return font;
  };
  const draw = PdfKitDocument.prototype.text;
  PdfKitDocument.prototype.text = function (text: string, ...rest: unknown[]) {
    return draw.call(this, typeof text === 'string' && text.includes(ZWSP) ? text.replaceAll(ZWSP, '') : text, ...rest);
  };
  ready = true;
}

export interface DocumentInfo {
  /** The document's title: viewers show it in place of the file name (DisplayDocTitle). */
  title: string;
  /** Who printed it, for the document's properties. */
  author?: string;
  landscape?: boolean;
  /** Page margins in points [left, top, right, bottom]; the reports' 40/40/40/48 when left out. */
  margins?: [number, number, number, number];
  /**
   * Where page numbers go: `corner` — "หน้า x / y" at the foot on the right (the reports); `official` —
   * "- ๒ -" centred at the top from the second page, in Thai digits, as งานสารบรรณ numbers a letter or memo.
   */
  pageNumbers?: 'corner' | 'official';
}

const pageNumber = {
  corner: {
    footer: (page: number, pages: number) => ({
      text: `หน้า ${page} / ${pages}`,
      alignment: 'right',
      fontSize: 11,
      margin: [40, 12, 40, 0],
    }),
  },
  official: {
    header: (page: number) => (page < 2 ? null : { text: `- ${thaiDigits(String(page))} -`, alignment: 'center', margin: [0, 30, 0, 0] }),
  },
} as const;

/**
 * A printed report as a PDF, rendered in a worker thread (render-pool.ts) so that the server keeps
 * answering while it is laid out. `content` and `styles` are plain data: a table names its layout
 * (table-layouts.ts). Refused with SERVICE_UNAVAILABLE when too many documents wait already.
 */
export async function renderPdf(info: DocumentInfo, content: Content, styles: TDocumentDefinitions['styles'] = {}): Promise<Buffer> {
  // Required here, not at the top: the render workers load this file too, and need none of the server
  // (errors, database, GraphQL) that the pool brings.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderPool } = require('./render-pool') as typeof import('./render-pool');
  return renderPool().render({ info, content, styles });
}

/**
 * In a render worker: the house style of every printed report: A4, Sarabun 14 pt, page "x / y" at the
 * foot; the document declares itself Thai (/Lang th, for screen readers and search) and its title is
 * what viewers show.
 */
export async function renderHere(job: RenderJob): Promise<Buffer> {
  const { info, content, styles = {} } = job as { info: DocumentInfo; content: Content; styles?: TDocumentDefinitions['styles'] };
  setUp();
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: info.landscape ? 'landscape' : 'portrait',
    pageMargins: info.margins ?? [40, 40, 40, 48],
    info: { title: info.title, author: info.author ?? 'e-PlanNACC', creator: 'e-PlanNACC', producer: 'e-PlanNACC' },
    language: 'th',
    displayTitle: true,
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
    ...(pageNumber[info.pageNumbers ?? 'corner'] as Pick<TDocumentDefinitions, 'header' | 'footer'>),
    // A heading (headlineLevel 1) never ends a page: with nothing after it there, it starts the next.
    pageBreakBefore: (node, nodes) => node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
