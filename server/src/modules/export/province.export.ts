import type { Content } from 'pdfmake/interfaces';
import { widestText } from '../../core/pdf/measure';
import { rowsKeptWhole } from '../../core/pdf/table-rows';
import { breakThaiWords as t } from '../../core/pdf/thai-text';
import { formatPercent, LEVEL_TH, toPercent } from '../scoring/scoring';
import { districtLabel, districtWord, provinceLabel } from '../geography/places';
import type { Issued, PdfDocument, XlsxDocument } from './document-files';
import { cell, gridLayout, heading, mid, num, ROUND_TH, th } from './document-parts';
import type { ProvinceModel, ProvinceRow } from './province.document';
import { addLines, addSheet, addTable, newWorkbook } from './spreadsheet';

const title = (r: ProvinceModel) =>
  `ผลการนำแผนปฏิบัติการป้องกันการทุจริต ไปสู่การปฏิบัติระดับจังหวัด ประจำปีงบประมาณ พ.ศ. ${r.fiscalYear} ${ROUND_TH[r.round]}`;

/** "จังหวัดกระบี่", "กรุงเทพมหานคร"; with the district only when one was asked for ("จังหวัดชลบุรี อำเภอบางละมุง"). */
const subtitle = (r: ProvinceModel) =>
  [provinceLabel(r.province.code, r.province.name), r.districtName === null ? '' : districtLabel(r.province.code, r.districtName)]
    .filter(Boolean)
    .join(' ');
const fileName = (r: ProvinceModel, ext: string) =>
  `ผลการนำแผนไปปฏิบัติระดับจังหวัด-${r.province.code}-${r.fiscalYear}-${r.round === 'SIX_MONTHS' ? '6' : '12'}เดือน.${ext}`;

/** The province table with raw scores, as the manual's export. */
export function buildProvincePdf(r: ProvinceModel): PdfDocument {
  const scores = r.rows.map((row) => formatPercent(row.score.raw));
  const content: Content = [
    ...heading([title(r), subtitle(r)]),
    {
      table: rowsKeptWhole({
        headerRows: 1,
        widths: [
          widestText(['ลำดับ', String(r.rows.length)], 14),
          '*',
          110,
          Math.max(widestText(scores, 14), widestText(['ร้อยละ'], 14)),
          widestText(['ระดับการนำ'], 13),
        ],
        body: [
          [th('ลำดับ'), th('ชื่อ อปท.'), th(districtWord(r.province.code)), th('ร้อยละ'), th('ระดับการนำแผนไปปฏิบัติ')],
          ...r.rows.map((row, i) => [
            mid(i + 1),
            cell(row.laoName),
            cell(row.districtName),
            num(scores[i]),
            mid(LEVEL_TH[row.score.level]),
          ]),
        ],
      }),
      layout: gridLayout,
    },
    {
      stack: [
        {
          text: t(`รวม ${r.rows.length} แห่ง: ระดับมาก ${r.high} แห่ง ระดับกลาง ${r.medium} แห่ง ระดับน้อย ${r.low} แห่ง`),
          margin: [0, 10, 0, 0],
          bold: true,
        },
        { text: t('ร้อยละแสดงตามที่คำนวณได้ (อาจเกิน 100) ระดับคิดจากคะแนนที่ไม่เกิน 100'), fontSize: 11 },
      ],
      unbreakable: true,
    },
  ];
  return { info: { title: `${title(r)} ${subtitle(r)}` }, content, fileName: fileName(r, 'pdf') };
}

/** The same table as a workbook, with the number of LAOs at each level as numbers. */
export function buildProvinceXlsx(r: ProvinceModel, issued: Issued): XlsxDocument {
  const book = newWorkbook(`${title(r)} ${subtitle(r)}`, subtitle(r), issued.date);
  const sheet = addSheet(book, {
    name: provinceLabel(r.province.code, r.province.name),
    orientation: 'portrait',
    heading: [title(r), subtitle(r)],
  });
  addTable<ProvinceRow>(sheet, {
    columns: [
      { header: 'ลำดับ', width: 7, kind: 'count', value: (_, i) => i + 1 },
      { header: 'ชื่อ อปท.', width: 38, kind: 'text', value: (x) => x.laoName },
      { header: districtWord(r.province.code), width: 18, kind: 'text', value: (x) => x.districtName },
      { header: 'ร้อยละที่คำนวณได้', width: 12, kind: 'percent', value: (x) => toPercent(x.score.raw) },
      { header: 'ร้อยละ (ไม่เกิน 100)', width: 12, kind: 'percent', value: (x) => toPercent(x.score.capped) },
      { header: 'ระดับการนำแผนไปปฏิบัติ', width: 12, kind: 'text', value: (x) => LEVEL_TH[x.score.level] },
    ],
    rows: r.rows,
  });
  addLines(sheet, ['ร้อยละที่คำนวณได้อาจเกิน 100 ระดับคิดจากร้อยละที่ไม่เกิน 100']);
  const levels = addSheet(book, { name: 'สรุปตามระดับ', orientation: 'portrait', heading: [title(r), subtitle(r)] });
  addTable<[string, number]>(levels, {
    columns: [
      { header: 'ระดับการนำแผนไปปฏิบัติ', width: 30, kind: 'text', value: (x) => x[0] },
      { header: 'จำนวน อปท. (แห่ง)', width: 20, kind: 'count', value: (x) => x[1], total: 'sum' },
    ],
    rows: [
      [`ระดับ${LEVEL_TH.HIGH}`, r.high],
      [`ระดับ${LEVEL_TH.MEDIUM}`, r.medium],
      [`ระดับ${LEVEL_TH.LOW}`, r.low],
    ],
    totals: 'รวม',
  });
  return { book, fileName: fileName(r, 'xlsx') };
}
