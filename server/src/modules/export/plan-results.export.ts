import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import type { AppContext } from '../../core/context';
import { formatBaht } from '../../core/money';
import { widestText } from '../../core/pdf/measure';
import { renderPdf } from '../../core/pdf/pdf';
import { rowsKeptWhole } from '../../core/pdf/table-rows';
import { breakThaiWords as t } from '../../core/pdf/thai-text';
import { WorkStatus } from '../progress-report/progress-report.enums';
import { planResults } from '../scoring/lao-summary.service';
import { LEVEL_TH } from '../scoring/scoring';
import type { PlanResults } from '../scoring/scoring.types';
import {
  cell,
  fittingFontSize,
  gridLayout,
  heading,
  LINE_WIDTH,
  mid,
  num,
  placeOf,
  ROUND_TH,
  roundParam,
  sectionHeading,
  th,
  TICK,
} from './document-parts';
import { stringParam, yearParam, type ExportFile } from './export.params';
import { pct } from './overview.export';

const title = (r: PlanResults) => `รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ${r.lao.name} พ.ศ. ${r.fiscalYear} ${ROUND_TH[r.round]}`;
const STATUS_COLUMNS: Array<WorkStatus | null> = [null, WorkStatus.IN_PROGRESS, WorkStatus.DONE, WorkStatus.CANNOT_DO];
/** The notes column of the results table (points) when any project has a note. */
const NOTE_WIDTH = 110;
/** The least the project names are given before the table is set smaller. */
const NAME_WIDTH = 160;

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

async function load(ctx: AppContext, query: Record<string, string | undefined>) {
  const r = await planResults(ctx, stringParam(query, 'lao', 'รหัส อปท.', 7), yearParam(ctx, query), roundParam(query));
  return { r, place: await placeOf(ctx, r.lao) };
}

const fileName = (r: PlanResults, ext: string) =>
  `ผลการดำเนินงานตามแผน-${r.fiscalYear}-${r.round === 'SIX_MONTHS' ? '6' : '12'}เดือน-${r.lao.code}.${ext}`;

const STATUS_HEADERS = ['รอรายงาน', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ไม่สามารถดำเนินการได้'];

/** /export/plan-results.pdf?lao=&year=&round= — ผลการดำเนินงานตามแผน (PRODUCT.md §6.3). */
export async function planResultsPdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { r, place } = await load(ctx, query);
  const n = r.note;
  const budgets = r.rows.map((row) => formatBaht(Number(row.budget)));
  const disbursed = r.rows.map((row) => formatBaht(Number(row.disbursed)));
  const totals = [
    formatBaht(r.rows.reduce((sum, row) => sum + Number(row.budget), 0)),
    formatBaht(r.rows.reduce((sum, row) => sum + Number(row.disbursed), 0)),
  ];
  const counts = STATUS_COLUMNS.map((s) => r.rows.filter((row) => row.status === s).length);
  // Landscape; the amounts and ticks at the largest size that leaves the project names a fair column.
  const fixedWidths = (size: number) => {
    const money = Math.max(widestText([...budgets, ...disbursed, ...totals], size), widestText(['งบประมาณ'], size));
    return [
      widestText(['ลำดับ', String(r.rows.length)], size),
      widestText(['มิติ'], size),
      money,
      money,
      ...STATUS_HEADERS.map(() => widestText(['ดำเนินการ', ...counts.map(String)], size - 2)),
      r.rows.some((row) => row.note) ? NOTE_WIDTH : widestText(['หมายเหตุ'], size),
    ];
  };
  const size = fittingFontSize([12, 11, 10, 9], LINE_WIDTH.landscape, (size) => [...fixedWidths(size), NAME_WIDTH]);
  const [noWidth, dimWidth, ...rest] = fixedWidths(size);
  const h = (text: string, extra: Record<string, unknown> = {}) => th(text, { fontSize: size, ...extra });
  const content: Content = [
    ...heading(['รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต', `ของ${r.lao.name} พ.ศ. ${r.fiscalYear} ${ROUND_TH[r.round]}`, place.line]),
    {
      table: rowsKeptWhole({
        headerRows: 2,
        widths: [noWidth, '*', dimWidth, ...rest],
        body: [
          [
            h('ลำดับ', { rowSpan: 2 }),
            h('รายการโครงการ (ตั้งต้น)', { rowSpan: 2 }),
            h('มิติ', { rowSpan: 2 }),
            h('งบประมาณ (บาท)', { rowSpan: 2 }),
            h('เบิกจ่าย (บาท)', { rowSpan: 2 }),
            h('สถานะ', { colSpan: 4 }),
            {},
            {},
            {},
            h('หมายเหตุ', { rowSpan: 2 }),
          ],
          [{}, {}, {}, {}, {}, ...STATUS_HEADERS.map((text) => h(text, { fontSize: size - 2 })), {}],
          ...r.rows.map((row, i) => [
            mid(row.no),
            cell(row.project.name),
            mid(row.project.dimension),
            num(budgets[i]),
            num(disbursed[i]),
            ...STATUS_COLUMNS.map((s) => mid(row.status === s ? TICK : '')),
            cell(row.note ?? '', { fontSize: size - 1 }),
          ]),
          [
            cell(`รวม ${r.rows.length} โครงการ`, { colSpan: 3, bold: true, alignment: 'center' }),
            {},
            {},
            num(totals[0], { bold: true }),
            num(totals[1], { bold: true }),
            ...counts.map((c) => mid(c, { bold: true })),
            {},
          ],
        ],
      }),
      layout: gridLayout,
      fontSize: size,
    },
    {
      text: t(
        `ชื่อ - สกุล ผู้รายงาน ${n?.reporterName ?? '........................................'}   ตำแหน่ง ${n?.reporterPosition ?? '..............................'}`,
      ),
      margin: [0, 12, 0, 0],
    },
    sectionHeading('ปัญหา อุปสรรค', { margin: [0, 6, 0, 0] }),
    { text: t(n?.problems ?? '-'), margin: [12, 0, 0, 0] },
    sectionHeading('ข้อเสนอแนะ', { margin: [0, 6, 0, 0] }),
    { text: t(n?.suggestions ?? '-'), margin: [12, 0, 0, 0] },
    {
      stack: [
        { text: t('สรุปผลการขับเคลื่อนแผนฯ'), bold: true },
        { ul: summaryLines(r).map((line) => t(line)), margin: [12, 0, 0, 0] },
      ],
      margin: [0, 6, 0, 0],
      unbreakable: true,
    },
  ];
  const body = await renderPdf({ title: title(r), landscape: true, author: n?.reporterName ?? undefined }, content);
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
