import ExcelJS from 'exceljs';

/** Rows of text cells from an uploaded CSV or XLSX (first sheet), blank rows dropped. */
export type Table = string[][];

/**
 * Decodes a CSV file as UTF-8, or, when it is not valid UTF-8, as Windows-874 (TIS-620): the encoding
 * Thai Excel uses when it saves "CSV".
 */
export function decodeCsv(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-874').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes. */
export function parseCsv(text: string): Table {
  const rows: Table = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((r) => r.map((v) => v.trim())).filter((r) => r.some((v) => v !== ''));
}

/** The first worksheet of an XLSX file as text cells (numbers as typed, dates as ISO). */
export async function parseXlsx(bytes: Buffer): Promise<Table> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: Table = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const v = cell.value;
      values.push(v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : typeof v === 'object' ? cell.text : String(v));
    }
    rows.push(values.map((v) => v.trim()));
  });
  return rows.filter((r) => r.some((v) => v !== ''));
}

export const isXlsx = (bytes: Buffer) => bytes.subarray(0, 2).toString('latin1') === 'PK';

export async function parseSpreadsheet(bytes: Buffer): Promise<Table> {
  return isXlsx(bytes) ? parseXlsx(bytes) : parseCsv(decodeCsv(bytes));
}
