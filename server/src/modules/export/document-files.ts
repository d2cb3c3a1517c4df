import type ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import { renderPdf, type DocumentInfo } from '../../core/pdf/pdf';
import type { ExportFile } from './export.params';
import { workbookFile } from './spreadsheet';

/**
 * What a document's builders make of its model: a PDF's definition (pdfmake content and the document's
 * properties) or a workbook, with the file name. The builders are pure; rendering happens here.
 */

/** When, and by whom, a document is issued: passed to the builders, which read no clock. */
export interface Issued {
  date: Date;
  /** ผู้ออกรายงาน, for the documents that print who issued them. */
  issuer: string | null;
}

export interface PdfDocument {
  info: DocumentInfo;
  content: Content;
  fileName: string;
}

export interface XlsxDocument {
  book: ExcelJS.Workbook;
  fileName: string;
}

/** A PDF definition rendered (in the render workers) as a download. */
export async function pdfFile(doc: PdfDocument): Promise<ExportFile> {
  return { body: await renderPdf(doc.info, doc.content), fileName: doc.fileName, type: 'pdf' };
}

/** A workbook as a download. */
export function xlsxFile(doc: XlsxDocument): Promise<ExportFile> {
  return workbookFile(doc.book, doc.fileName);
}
