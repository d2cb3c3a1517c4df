import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import type { AppContext } from '../../core/context';
import { formatBaht } from '../../core/money';
import { renderPdf } from '../../core/pdf/pdf';
import { breakThaiWords as t } from '../../core/pdf/thai-text';
import { WorkStatus } from '../plan/report.enums';
import { planResults } from '../scoring/lao-summary.service';
import { LEVEL_TH } from '../scoring/scoring';
import type { PlanResults } from '../scoring/scoring.types';
import { cell, gridLayout, heading, mid, num, placeOf, ROUND_TH, roundParam, th } from './document-parts';
import { stringParam, yearParam, type ExportFile } from './export.params';
import { pct } from './overview.export';

const title = (r: PlanResults) => `รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ${r.lao.name} พ.ศ. ${r.fiscalYear} ${ROUND_TH[r.round]}`;
/** The document's title, which the memo's attachment prints too. */
export { title as planResultsTitle };
const STATUS_COLUMNS: Array<WorkStatus | null> = [null, WorkStatus.IN_PROGRESS, WorkStatus.DONE, WorkStatus.CANNOT_DO];

/** The closing summary, as the memo's attachment ends (สรุปผลการขับเคลื่อนแผนฯ). */
export function summaryLines(r: PlanResults): string[] {
  return [
    `แผนปฏิบัติการป้องกันการทุจริต มีโครงการ/กิจกรรม/มาตรการ จำนวน ${r.rows.length} โครงการ`,
    `รอรายงาน ${r.waiting} โครงการ`,
    `อยู่ระหว่างดำเนินการ ${r.inProgress} โครงการ`,
    `ดำเนินการแล้วเสร็จ ${r.done} โครงการ`,
    `ไม่สามารถดำเนินการได้ ${r.cannotDo} โครงการ`,
    `เบิกจ่ายงบประมาณ ${formatBaht(Number(r.disbursed))} บาท คิดเป็นร้อยละ ${pct(r.disbursedPercent)}`,
    `มีการนำแผนฯ ไปปฏิบัติ ระดับ ${LEVEL_TH[r.level]} ร้อยละ ${pct(r.cappedScore)}`,
  ];
}

/** The project list with statuses, reporter, problems, suggestions and the summary, as plan results print them and the memo attaches them. */
export function planResultsBody(r: PlanResults): Content[] {
  const n = r.note;
  return [
    {
      table: {
        headerRows: 2,
        dontBreakRows: true,
        widths: [36, '*', 28, 70, 70, 50, 56, 56, 56, 90],
        body: [
          [
            th('ลำดับ', { rowSpan: 2 }),
            th('รายการโครงการ (ตั้งต้น)', { rowSpan: 2 }),
            th('มิติ', { rowSpan: 2 }),
            th('งบประมาณ (บาท)', { rowSpan: 2 }),
            th('เบิกจ่าย (บาท)', { rowSpan: 2 }),
            th('สถานะ', { colSpan: 4 }),
            {},
            {},
            {},
            th('หมายเหตุ', { rowSpan: 2 }),
          ],
          [{}, {}, {}, {}, {}, th('รอรายงาน'), th('อยู่ระหว่างดำเนินการ'), th('ดำเนินการแล้วเสร็จ'), th('ไม่สามารถดำเนินการได้'), {}],
          ...r.rows.map((row) => [
            mid(row.no),
            cell(row.project.name),
            mid(row.project.dimension),
            num(formatBaht(Number(row.budget))),
            num(formatBaht(Number(row.disbursed))),
            ...STATUS_COLUMNS.map((s) => mid(row.status === s ? '√' : '')),
            cell(row.note ?? '', { style: 'small' }),
          ]),
        ],
      },
      layout: gridLayout,
    },
    {
      text: t(
        `ชื่อ - สกุล ผู้รายงาน ${n?.reporterName ?? '........................................'}   ตำแหน่ง ${n?.reporterPosition ?? '..............................'}`,
      ),
      margin: [0, 12, 0, 6],
    },
    { text: t('ปัญหา อุปสรรค'), bold: true },
    { text: t(n?.problems ?? '-'), margin: [12, 0, 0, 6] },
    { text: t('ข้อเสนอแนะ'), bold: true },
    { text: t(n?.suggestions ?? '-'), margin: [12, 0, 0, 6] },
    { text: t('สรุปผลการขับเคลื่อนแผนฯ'), bold: true },
    { ul: summaryLines(r).map((line) => t(line)), margin: [12, 0, 0, 0] },
  ];
}

async function load(ctx: AppContext, query: Record<string, string | undefined>) {
  const r = await planResults(ctx, stringParam(query, 'lao', 'รหัส อปท.', 7), yearParam(ctx, query), roundParam(query));
  return { r, place: await placeOf(ctx, r.lao) };
}

const fileName = (r: PlanResults, ext: string) =>
  `ผลการดำเนินงานตามแผน-${r.fiscalYear}-${r.round === 'SIX_MONTHS' ? '6' : '12'}เดือน-${r.lao.code}.${ext}`;

/** /export/plan-results.pdf?lao=&year=&round= — ผลการดำเนินงานตามแผน (PRODUCT.md §6.3). */
export async function planResultsPdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { r, place } = await load(ctx, query);
  const content: Content = [...heading([title(r), place.line]), ...planResultsBody(r)];
  const body = await renderPdf({ title: title(r), landscape: true, author: r.note?.reporterName ?? undefined }, content);
  return { body, fileName: fileName(r, 'pdf'), type: 'pdf' };
}

/** /export/plan-results.xlsx — the same list as a spreadsheet. */
export async function planResultsXlsx(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { r, place } = await load(ctx, query);
  const book = new ExcelJS.Workbook();
  book.creator = 'e-PlanNACC';
  const sheet = book.addWorksheet(`ผลการดำเนินงาน ${r.fiscalYear}`);
  sheet.columns = [
    { width: 8 },
    { width: 70 },
    { width: 6 },
    { width: 16 },
    { width: 16 },
    { width: 12 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 30 },
  ];
  sheet.addRow([title(r)]).font = { bold: true };
  sheet.addRow([place.line]);
  sheet.addRow([
    'ลำดับ',
    'รายการโครงการ (ตั้งต้น)',
    'มิติ',
    'งบประมาณ (บาท)',
    'เบิกจ่าย (บาท)',
    'รอรายงาน',
    'อยู่ระหว่างดำเนินการ',
    'ดำเนินการแล้วเสร็จ',
    'ไม่สามารถดำเนินการได้',
    'หมายเหตุ',
  ]).font = { bold: true };
  for (const row of r.rows) {
    const x = sheet.addRow([
      row.no,
      row.project.name,
      row.project.dimension,
      Number(row.budget) / 100,
      Number(row.disbursed) / 100,
      ...STATUS_COLUMNS.map((s) => (row.status === s ? '√' : '')),
      row.note ?? '',
    ]);
    x.getCell(4).numFmt = '#,##0.00';
    x.getCell(5).numFmt = '#,##0.00';
  }
  sheet.addRow([]);
  sheet.addRow(['', `ผู้รายงาน ${r.note?.reporterName ?? ''} ตำแหน่ง ${r.note?.reporterPosition ?? ''}`]);
  sheet.addRow(['', `ปัญหา อุปสรรค: ${r.note?.problems ?? '-'}`]);
  sheet.addRow(['', `ข้อเสนอแนะ: ${r.note?.suggestions ?? '-'}`]);
  for (const line of summaryLines(r)) sheet.addRow(['', line]);
  return { body: Buffer.from(await book.xlsx.writeBuffer()), fileName: fileName(r, 'xlsx'), type: 'xlsx' };
}
