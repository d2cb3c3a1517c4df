import type ExcelJS from 'exceljs';
import { ZWSP } from '../../../core/pdf/thai-text';

/**
 * What a reader sees of a pdfmake definition or a workbook, for the builders' tests: the text of every
 * paragraph in order (inline pieces joined, the invisible word-break marks removed) and every table as
 * rows of cell texts.
 */

type Node = string | number | null | undefined | Node[] | { [key: string]: unknown };

const inline = (node: unknown): string => {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node).replaceAll(ZWSP, '');
  if (Array.isArray(node)) return node.map(inline).join('');
  return inline((node as { text?: unknown }).text);
};

/** Every paragraph's text, in reading order (a table's cells each count as one). */
export function paragraphs(node: unknown): string[] {
  const out: string[] = [];
  const walk = (n: Node | unknown): void => {
    if (n === null || n === undefined) return;
    if (typeof n === 'string' || typeof n === 'number') out.push(inline(n));
    else if (Array.isArray(n)) n.forEach(walk);
    else if (typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if ('text' in o) out.push(inline(o.text));
      for (const key of ['stack', 'ul', 'ol', 'columns', 'section']) if (key in o) walk(o[key]);
      if (o.table) walk((o.table as { body: unknown }).body);
    }
  };
  walk(node);
  return out;
}

/** Every table of the content, in order, as rows of cell texts ('' for a cell a span covers). */
export function tables(node: unknown): string[][][] {
  const found: string[][][] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.table) found.push((o.table as { body: unknown[][] }).body.map((row) => row.map(inline)));
      for (const key of ['stack', 'columns', 'section']) if (key in o) walk(o[key]);
    }
  };
  walk(node);
  return found;
}

/**
 * A sheet's rows as the values of their cells, empty rows kept. A formula gives its computed result, or
 * "=FORMULA" when it has none written (the library leaves a result of 0 out; Excel computes it on opening).
 */
export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      if (v && typeof v === 'object' && 'formula' in v) {
        const { formula, result } = v as { formula: string; result?: unknown };
        values.push(result ?? `=${formula}`);
      } else values.push(v);
    }
    rows.push(values);
  }
  return rows;
}
