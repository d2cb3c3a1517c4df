import ExcelJS from 'exceljs';
import { decodeCsv, parseCsv, parseSpreadsheet } from '../spreadsheet';

describe('reading uploaded spreadsheets', () => {
  it('parses CSV with quotes, commas and line breaks inside quotes, and drops blank rows', () => {
    expect(parseCsv('code,name\r\n6800707,"องค์การบริหารส่วนตำบล ""ขอนหาด"", ชะอวด"\n\n6800708,"สอง\nบรรทัด"\n')).toEqual([
      ['code', 'name'],
      ['6800707', 'องค์การบริหารส่วนตำบล "ขอนหาด", ชะอวด'],
      ['6800708', 'สอง\nบรรทัด'],
    ]);
  });

  it('reads UTF-8 with a BOM, and Thai Excel’s Windows-874 CSV', () => {
    expect(decodeCsv(Buffer.from('\uFEFFชื่อ', 'utf8'))).toBe('ชื่อ');
    // "ขอนหาด" in TIS-620 / Windows-874: one byte per Thai letter (U+0E01 → 0xA1 …)
    const tis = Buffer.from([...'ขอนหาด'].map((c) => c.charCodeAt(0) - 0x0e01 + 0xa1));
    expect(decodeCsv(tis)).toBe('ขอนหาด');
  });

  it('reads the first sheet of an XLSX file', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('LAO');
    sheet.addRow(['code', 'name', 'population']);
    sheet.addRow(['6800707', 'องค์การบริหารส่วนตำบลขอนหาด', 10457]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(await parseSpreadsheet(bytes)).toEqual([
      ['code', 'name', 'population'],
      ['6800707', 'องค์การบริหารส่วนตำบลขอนหาด', '10457'],
    ]);
  });
});
