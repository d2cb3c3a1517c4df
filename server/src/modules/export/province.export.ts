import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { widestText } from '../../core/pdf/measure';
import { renderPdf } from '../../core/pdf/pdf';
import { rowsKeptWhole } from '../../core/pdf/table-rows';
import { breakThaiWords as t } from '../../core/pdf/thai-text';
import { provinceScores } from '../scoring/province-scores.service';
import { LEVEL_TH } from '../scoring/scoring';
import type { ProvinceScoreReport } from '../scoring/scoring.types';
import { districtLabel, districtWord, provinceLabel } from '../geography/places';
import { cell, gridLayout, heading, mid, num, ROUND_TH, roundParam, th } from './document-parts';
import { stringParam, yearParam, type ExportFile } from './export.params';
import { pct } from './overview.export';

const title = (r: ProvinceScoreReport) =>
  `ผลการนำแผนปฏิบัติการป้องกันการทุจริต ไปสู่การปฏิบัติระดับจังหวัด ประจำปีงบประมาณ พ.ศ. ${r.fiscalYear} ${ROUND_TH[r.round]}`;

async function load(ctx: AppContext, query: Record<string, string | undefined>) {
  const district = query.district?.trim() || null;
  if (district !== null && !/^\d{4}$/.test(district))
    throw badInput([{ field: 'district', message: 'รหัสอำเภอไม่ถูกต้อง' }], 'รหัสอำเภอไม่ถูกต้อง');
  const report = await provinceScores(ctx, stringParam(query, 'province', 'จังหวัด', 2), yearParam(ctx, query), roundParam(query), district);
  const asked = district === null ? null : await ctx.loaders.districtByCode.load(district);
  return Object.assign(report, { districtName: asked?.name ?? null });
}

/** "จังหวัดกระบี่", "กรุงเทพมหานคร"; with the district only when one was asked for ("จังหวัดชลบุรี อำเภอบางละมุง"). */
const subtitle = (r: ProvinceScoreReport & { districtName: string | null }) =>
  [provinceLabel(r.province.code, r.province.name), r.districtName === null ? '' : districtLabel(r.province.code, r.districtName)]
    .filter(Boolean)
    .join(' ');
const fileName = (r: ProvinceScoreReport, ext: string) =>
  `ผลการนำแผนไปปฏิบัติระดับจังหวัด-${r.province.code}-${r.fiscalYear}-${r.round === 'SIX_MONTHS' ? '6' : '12'}เดือน.${ext}`;

/** /export/province.pdf?province=&year=&round=[&district=] — the province table with raw scores, as the manual's export. */
export async function provincePdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const r = await load(ctx, query);
  const scores = r.rows.map((row) => pct(row.score));
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
          ...r.rows.map((row, i) => [mid(i + 1), cell(row.lao.name), cell(row.districtName), num(scores[i]), mid(LEVEL_TH[row.level])]),
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
  return { body: await renderPdf({ title: `${title(r)} ${subtitle(r)}` }, content), fileName: fileName(r, 'pdf'), type: 'pdf' };
}

/** /export/province.xlsx — the same table as a spreadsheet. */
export async function provinceXlsx(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const r = await load(ctx, query);
  const book = new ExcelJS.Workbook();
  book.creator = 'e-PlanNACC';
  const sheet = book.addWorksheet(provinceLabel(r.province.code, r.province.name));
  sheet.columns = [{ width: 8 }, { width: 46 }, { width: 20 }, { width: 12 }, { width: 12 }, { width: 20 }];
  sheet.addRow([title(r)]).font = { bold: true };
  sheet.addRow([subtitle(r)]);
  sheet.addRow(['ลำดับ', 'ชื่อ อปท.', 'อำเภอ', 'ร้อยละ', 'ร้อยละ (ไม่เกิน 100)', 'ระดับการนำแผนไปปฏิบัติ']).font = { bold: true };
  r.rows.forEach((row, i) => {
    const x = sheet.addRow([i + 1, row.lao.name, row.districtName, row.score, row.cappedScore, LEVEL_TH[row.level]]);
    x.getCell(4).numFmt = '0.00';
    x.getCell(5).numFmt = '0.00';
  });
  sheet.addRow([]);
  sheet.addRow(['', `ระดับมาก ${r.high} แห่ง`, `ระดับกลาง ${r.medium} แห่ง`, `ระดับน้อย ${r.low} แห่ง`]);
  return { body: Buffer.from(await book.xlsx.writeBuffer()), fileName: fileName(r, 'xlsx'), type: 'xlsx' };
}
