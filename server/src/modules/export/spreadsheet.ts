import ExcelJS from 'exceljs';
import type { Satang } from '../../core/money';
import type { ExportFile } from './export.params';

/**
 * The house style of every report as an Excel file, so that an officer can print it as it comes and
 * still work with it: A4 in the orientation of its sheet, scaled to the paper's width only (a long list
 * runs on over as many pages as it needs, legible), the table's header repeated on every printed page,
 * frozen on screen and filterable, text wrapped in its column, numbers stored as numbers with their
 * format, totals as formulas over the rows with their value already computed, and page numbers.
 */

export const MONEY_FORMAT = '#,##0.00';
export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.00';
/** A tick for 1, nothing for 0: the mark columns stay numbers, so a totals row (or the officer) can add them. */
export const MARK_FORMAT = '"✓";;';

/** The typeface of Thai government documents, at the size that prints as 16 pt Sarabun does in the PDFs. */
const FONT = { name: 'TH SarabunPSK', size: 16 };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export type ColumnKind = 'text' | 'count' | 'money' | 'percent' | 'mark';

const FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: COUNT_FORMAT,
  money: MONEY_FORMAT,
  percent: PERCENT_FORMAT,
  mark: MARK_FORMAT,
};

export interface Column<R> {
  header: string;
  /** In characters of the sheet's default font. */
  width: number;
  /** What the column holds; a column of mixed figures (a summary) says it per row. */
  kind: ColumnKind | ((row: R) => ColumnKind);
  /** Money in satang (written as baht); a mark as true/false; a count, a percentage or text as it is. */
  value: (row: R, index: number) => string | number | boolean | null;
  /** How the totals row fills this column: the sum of the rows, or a value of its own (a percentage of the totals). */
  total?: 'sum' | number | string;
}

export interface Table<R> {
  columns: Column<R>[];
  rows: R[];
  /** A totals row after the rows: its label, in the first text column that has no total. */
  totals?: string;
  /**
   * The sheet's main list: its header is repeated on every printed page, frozen on screen, and filters
   * the rows (not the totals). One per sheet; the default.
   */
  list?: boolean;
}

export interface SheetOptions {
  /** At most 31 characters (Excel's limit); cut otherwise. */
  name: string;
  orientation: 'portrait' | 'landscape';
  /** Lines above the first table, as the PDF's heading. */
  heading: string[];
}

/** A workbook whose properties say what it is (title, subject) and where it came from. */
export function newWorkbook(title: string, subject: string, now: Date): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.title = title;
  book.subject = subject;
  book.creator = 'e-PlanNACC';
  book.lastModifiedBy = 'e-PlanNACC';
  book.company = 'สำนักงาน ป.ป.ช.';
  book.created = now;
  book.modified = now;
  // Excel recalculates the totals' formulas on opening (their values are written too, for other viewers).
  book.calcProperties.fullCalcOnLoad = true;
  return book;
}

/** A sheet in the house style, with its heading written; tables follow with `addTable`. */
export function addSheet(book: ExcelJS.Workbook, options: SheetOptions): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(options.name.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: options.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as the rows need
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&R&"TH SarabunPSK"&14หน้า &P / &N', evenFooter: '&R&"TH SarabunPSK"&14หน้า &P / &N' },
  });
  for (const [i, line] of options.heading.entries()) {
    const row = sheet.addRow([line]);
    row.font = { ...FONT, bold: i === 0, size: i === 0 ? 18 : 16 };
  }
  headingRows.set(sheet, options.heading.length);
  return sheet;
}

/** Heading lines of each sheet, spread over its first table's width once that is known. */
const headingRows = new WeakMap<ExcelJS.Worksheet, number>();

/** Marks and vowels above and below take no width of their own. */
const THAI_MARKS = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

/**
 * Each heading line centred across the table under it and wrapped there, so that a long title is
 * printed whole (text running past the last column would be cut off on paper). Excel does not size a
 * merged row to its text, so the height is set from the line's length: a character of Sarabun at
 * size s takes about s / 11 of a column unit (Calibri 11's digit), a line about 1.5 s points.
 */
function spreadHeading(sheet: ExcelJS.Worksheet, columns: number): void {
  const lines = headingRows.get(sheet) ?? 0;
  headingRows.delete(sheet);
  let width = 0;
  for (let c = 1; c <= columns; c++) width += sheet.getColumn(c).width ?? 9;
  for (let r = 1; r <= lines; r++) {
    const row = sheet.getRow(r);
    const size = row.getCell(1).font?.size ?? FONT.size;
    const length = String(row.getCell(1).value ?? '').replace(THAI_MARKS, '').length;
    sheet.mergeCells(r, 1, r, columns);
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.height = Math.ceil((length * size) / 11 / width) * size * 1.5;
  }
}

const toCell = (kind: ColumnKind, value: string | number | boolean | null): ExcelJS.CellValue => {
  if (value === null) return null;
  if (kind === 'mark') return value ? 1 : 0;
  if (kind === 'money') return (value as Satang) / 100;
  return value as string | number;
};

/** Adds exactly in hundredths (money and percentages are written as baht or percent with two decimals). */
const sumOf = (values: ExcelJS.CellValue[]): number =>
  Math.round(values.reduce<number>((sum, v) => sum + Math.round(Number(v ?? 0) * 100), 0)) / 100;

/**
 * Writes a table after what the sheet holds (one empty row between tables): a header row, a row per
 * item, then the totals row. Sums are `SUM` formulas over the rows with the value computed here, so a
 * viewer that does not recalculate shows them too and Excel keeps them true when a row is edited.
 */
export function addTable<R>(sheet: ExcelJS.Worksheet, table: Table<R>): void {
  const { columns, rows } = table;
  const list = table.list ?? true;
  if (sheet.rowCount > 0) sheet.addRow([]);
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(column.width ?? 0, c.width);
  });

  spreadHeading(sheet, columns.length);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.border = BORDER;
  });
  const first = header.number + 1;
  const kindOf = (c: Column<R>, r: R) => (typeof c.kind === 'function' ? c.kind(r) : c.kind);
  const values = rows.map((r, at) => columns.map((c) => toCell(kindOf(c, r), c.value(r, at))));
  values.forEach((rowValues, at) => {
    const row = sheet.addRow(rowValues);
    columns.forEach((c, i) => style(row.getCell(i + 1), kindOf(c, rows[at])));
  });
  const last = header.number + rows.length;

  if (table.totals !== undefined) {
    const labelAt = columns.findIndex((c) => c.total === undefined && c.kind === 'text');
    const row = sheet.addRow(
      columns.map((c, i): ExcelJS.CellValue => {
        if (i === labelAt) return table.totals!;
        if (c.total === 'sum') {
          const letter = sheet.getColumn(i + 1).letter;
          return { formula: `SUM(${letter}${first}:${letter}${Math.max(first, last)})`, result: sumOf(values.map((v) => v[i])) };
        }
        return c.total ?? null;
      }),
    );
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const kind = typeof c.kind === 'function' ? 'text' : c.kind;
      style(cell, kind === 'mark' ? 'count' : kind);
      cell.font = { ...FONT, bold: true };
    });
  }

  if (list) {
    sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number, topLeftCell: `A${first}` }];
    sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: Math.max(first - 1, last), column: columns.length } };
  }
}

function style(cell: ExcelJS.Cell, kind: ColumnKind): void {
  cell.font = FONT;
  cell.border = BORDER;
  const format = FORMAT[kind];
  if (format) cell.numFmt = format;
  cell.alignment =
    kind === 'text'
      ? { vertical: 'top', wrapText: true }
      : { vertical: 'top', horizontal: kind === 'money' || kind === 'percent' ? 'right' : 'center' };
}

/** Lines of text after the tables (issuer, date, notes), each wrapped across the sheet's width. */
export function addLines(sheet: ExcelJS.Worksheet, lines: string[]): void {
  sheet.addRow([]);
  for (const line of lines) {
    const row = sheet.addRow([line]);
    row.font = FONT;
  }
}

/** The workbook as a download. */
export async function workbookFile(book: ExcelJS.Workbook, fileName: string): Promise<ExportFile> {
  return { body: Buffer.from(await book.xlsx.writeBuffer()), fileName, type: 'xlsx' };
}
