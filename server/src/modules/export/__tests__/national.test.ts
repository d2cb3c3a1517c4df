import { ReportRound } from '../../plan/report.enums';
import type { NationalModel } from '../national.document';
import { buildNationalPdf, buildNationalXlsx } from '../national.export';
import { paragraphs, sheetRows, tables } from './definition';

const national: NationalModel = {
  fiscalYear: 2567,
  round: ReportRound.TWELVE_MONTHS,
  rows: [
    { provinceCode: '81', provinceName: 'กระบี่', laos: 1234, high: 1000, medium: 200, low: 34 },
    { provinceCode: '10', provinceName: 'กรุงเทพมหานคร', laos: 1, high: 0, medium: 0, low: 1 },
  ],
};

describe('the national table', () => {
  it('lists each province with its LAOs by level and the country’s total, Bangkok without จังหวัด', () => {
    const doc = buildNationalPdf(national);
    const text = paragraphs(doc.content);
    expect(text[0]).toBe('ผลการนำแผนปฏิบัติการป้องกันการทุจริต ไปสู่การปฏิบัติ รายจังหวัด ประจำปีงบประมาณ พ.ศ. 2567 รอบ 12 เดือน');
    const [table] = tables(doc.content);
    expect(table).toEqual([
      ['ลำดับ', 'จังหวัด', 'จำนวน อปท.', 'ระดับมาก', 'ระดับกลาง', 'ระดับน้อย'],
      ['1', 'จังหวัดกระบี่', '1,234', '1,000', '200', '34'],
      ['2', 'กรุงเทพมหานคร', '1', '0', '0', '1'],
      ['รวมทั้งประเทศ', '', '1,235', '1,000', '200', '35'],
    ]);
    expect(doc.fileName).toBe('ผลการนำแผนไปปฏิบัติรายจังหวัด-2567-12เดือน.pdf');
  });

  it('writes the counts as numbers in the workbook, with the country’s total', () => {
    const { book, fileName } = buildNationalXlsx(national, { date: new Date('2024-11-02T03:00:00Z'), issuer: null });
    const rows = sheetRows(book.worksheets[0]);
    expect(rows.find((r) => r[0] === 1)).toEqual([1, 'จังหวัดกระบี่', 1234, 1000, 200, 34]);
    expect(rows.find((r) => r[1] === 'รวมทั้งประเทศ')).toEqual([null, 'รวมทั้งประเทศ', 1235, 1000, 200, 35]);
    expect(fileName).toBe('ผลการนำแผนไปปฏิบัติรายจังหวัด-2567-12เดือน.xlsx');
  });
});
