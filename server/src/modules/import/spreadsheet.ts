import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { badInput } from '../../core/errors';

/** Rows of text cells from an uploaded CSV or XLSX (first sheet), blank rows dropped. */
export type Table = string[][];

/** Rows a file may hold besides its header: a national registry has about 7,850 LAOs, the accounts a few more. */
export const MAX_IMPORT_ROWS = 20_000;
/** An XLSX file unpacked: a 20,000-row sheet is about 10 MB; a zip bomb is gigabytes. */
export const MAX_XLSX_UNPACKED_BYTES = 40 * 1024 * 1024;
/** Parts of an XLSX file (a workbook saved by Excel has a few dozen). */
export const MAX_XLSX_ENTRIES = 500;

const refused = (message: string) => badInput([{ field: 'file', message }], message);
const tooManyRows = () => refused(`ไฟล์มีข้อมูลเกิน ${MAX_IMPORT_ROWS.toLocaleString('en-US')} แถว กรุณาแบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์`);
const tooLargeUnpacked = () =>
  refused(
    `ไฟล์ Excel นี้เมื่อขยายออกมีขนาดเกิน ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB หรือมีส่วนประกอบมากผิดปกติ ระบบจึงไม่อ่านไฟล์นี้ กรุณาตรวจสอบไฟล์หรือแบ่งเป็นหลายไฟล์`,
  );
const notAWorkbook = () => refused('อ่านไฟล์ไม่ได้ กรุณาใช้ไฟล์ CSV (UTF-8) หรือ Excel (.xlsx)');

/** Lines of a CSV file, counted on its bytes before it is decoded or parsed (a quoted line break counts too: the bound is safe). */
export function checkCsvSize(bytes: Buffer): void {
  const count = (byte: number) => {
    let n = 0;
    for (let at = bytes.indexOf(byte); at !== -1; at = bytes.indexOf(byte, at + 1)) n++;
    return n;
  };
  const last = bytes[bytes.length - 1];
  const lines = Math.max(count(0x0a), count(0x0d)) + (last === 0x0a || last === 0x0d ? 0 : 1);
  if (lines > MAX_IMPORT_ROWS + 1) throw tooManyRows();
}

/**
 * Looks inside an XLSX (zip) file before it is read whole: refuses one with too many parts, one that
 * unpacks to more than MAX_XLSX_UNPACKED_BYTES (each part is inflated with that bound, so sizes that
 * the file's directory lies about change nothing), and one whose sheets hold more than MAX_IMPORT_ROWS rows.
 */
export function checkXlsxSize(bytes: Buffer): void {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1 || end + 22 > bytes.length) throw notAWorkbook();
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  // ZIP64 (entries or offsets past 16 bits / 4 GB) has no place in an upload of a few MB.
  if (entries === 0xffff || at === 0xffffffff) throw tooLargeUnpacked();
  if (entries > MAX_XLSX_ENTRIES) throw tooLargeUnpacked();
  let unpacked = 0;
  let rows = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw notAWorkbook();
    const method = bytes.readUInt16LE(at + 10);
    const packedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const local = bytes.readUInt32LE(at + 42);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw notAWorkbook();
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const packed = bytes.subarray(start, start + packedSize);
    let part: Buffer;
    if (method === 0) part = packed;
    else if (method === 8) {
      try {
        part = inflateRawSync(packed, { maxOutputLength: MAX_XLSX_UNPACKED_BYTES - unpacked + 1 });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLargeUnpacked();
        throw notAWorkbook();
      }
    } else throw notAWorkbook();
    unpacked += part.length;
    if (unpacked > MAX_XLSX_UNPACKED_BYTES) throw tooLargeUnpacked();
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) rows += part.toString('latin1').match(/<row[\s>]/g)?.length ?? 0;
    if (rows > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  }
}

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

/** Reads an uploaded file once its size has been checked (BAD_USER_INPUT with a Thai message when it is too large). */
export async function parseSpreadsheet(bytes: Buffer): Promise<Table> {
  if (isXlsx(bytes)) {
    checkXlsxSize(bytes);
    return parseXlsx(bytes);
  }
  checkCsvSize(bytes);
  return parseCsv(decodeCsv(bytes));
}
