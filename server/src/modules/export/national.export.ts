import type { Content } from 'pdfmake/interfaces';
import { widestText } from '../../core/pdf/measure';
import { rowsKeptWhole } from '../../core/pdf/table-rows';
import { breakThaiWords as t } from '../../core/pdf/thai-text';
import { LEVEL_TH } from '../scoring/scoring';
import { provinceLabel } from '../geography/places';
import type { Issued, PdfDocument, XlsxDocument } from './document-files';
import { cell, gridLayout, heading, mid, num, ROUND_TH, th } from './document-parts';
import type { NationalModel, NationalRow } from './national.document';
import { addSheet, addTable, newWorkbook } from './spreadsheet';

const title = (r: NationalModel) =>
  `ผลการนำแผนปฏิบัติการป้องกันการทุจริต ไปสู่การปฏิบัติ รายจังหวัด ประจำปีงบประมาณ พ.ศ. ${r.fiscalYear} ${ROUND_TH[r.round]}`;
const SUBTITLE = 'จำนวน อปท. ตามระดับการนำแผนไปปฏิบัติ ทั่วประเทศ';
const fileName = (r: NationalModel, ext: string) =>
  `ผลการนำแผนไปปฏิบัติรายจังหวัด-${r.fiscalYear}-${r.round === 'SIX_MONTHS' ? '6' : '12'}เดือน.${ext}`;

/** The country's totals: every LAO once. */
export function nationalTotals(rows: NationalRow[]): Omit<NationalRow, 'provinceCode' | 'provinceName'> {
  return rows.reduce(
    (sum, r) => ({ laos: sum.laos + r.laos, high: sum.high + r.high, medium: sum.medium + r.medium, low: sum.low + r.low }),
    { laos: 0, high: 0, medium: 0, low: 0 },
  );
}

const count = (n: number) => n.toLocaleString('en-US');

/** The national table as the page shows it: province, LAOs, and how many at each level, with the country's total. */
export function buildNationalPdf(r: NationalModel): PdfDocument {
  const total = nationalTotals(r.rows);
  const countWidth = widestText([count(total.laos), 'ระดับกลาง'], 14);
  const content: Content = [
    ...heading([title(r), SUBTITLE]),
    {
      table: rowsKeptWhole({
        headerRows: 1,
        widths: [widestText(['ลำดับ', String(r.rows.length)], 14), '*', widestText(['จำนวน อปท.'], 14), countWidth, countWidth, countWidth],
        body: [
          [th('ลำดับ'), th('จังหวัด'), th('จำนวน อปท.'), th(`ระดับ${LEVEL_TH.HIGH}`), th(`ระดับ${LEVEL_TH.MEDIUM}`), th(`ระดับ${LEVEL_TH.LOW}`)],
          ...r.rows.map((row, i) => [
            mid(i + 1),
            cell(provinceLabel(row.provinceCode, row.provinceName)),
            num(count(row.laos)),
            num(count(row.high)),
            num(count(row.medium)),
            num(count(row.low)),
          ]),
          [
            th('รวมทั้งประเทศ', { colSpan: 2 }),
            {},
            num(count(total.laos), { bold: true }),
            num(count(total.high), { bold: true }),
            num(count(total.medium), { bold: true }),
            num(count(total.low), { bold: true }),
          ],
        ],
      }),
      layout: gridLayout,
    },
    {
      text: t('ระดับคิดจากผลการนำแผนฯ ไปปฏิบัติที่ไม่เกินร้อยละ 100 ส่วน อปท. ที่ยังไม่มีผลการรายงานนับเป็นระดับน้อย'),
      fontSize: 11,
      margin: [0, 8, 0, 0],
    },
  ];
  return { info: { title: title(r) }, content, fileName: fileName(r, 'pdf') };
}

/** The same table as a workbook: counts as numbers, the country's total summed by the sheet. */
export function buildNationalXlsx(r: NationalModel, issued: Issued): XlsxDocument {
  const book = newWorkbook(title(r), SUBTITLE, issued.date);
  const sheet = addSheet(book, { name: 'รายจังหวัด', orientation: 'portrait', heading: [title(r), SUBTITLE] });
  addTable<NationalRow>(sheet, {
    columns: [
      { header: 'ลำดับ', width: 7, kind: 'count', value: (_, i) => i + 1 },
      { header: 'จังหวัด', width: 26, kind: 'text', value: (x) => provinceLabel(x.provinceCode, x.provinceName) },
      { header: 'จำนวน อปท. (แห่ง)', width: 14, kind: 'count', value: (x) => x.laos, total: 'sum' },
      { header: `ระดับ${LEVEL_TH.HIGH}`, width: 12, kind: 'count', value: (x) => x.high, total: 'sum' },
      { header: `ระดับ${LEVEL_TH.MEDIUM}`, width: 12, kind: 'count', value: (x) => x.medium, total: 'sum' },
      { header: `ระดับ${LEVEL_TH.LOW}`, width: 12, kind: 'count', value: (x) => x.low, total: 'sum' },
    ],
    rows: r.rows,
    totals: 'รวมทั้งประเทศ',
  });
  return { book, fileName: fileName(r, 'xlsx') };
}
