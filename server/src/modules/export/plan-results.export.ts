import type { Content } from 'pdfmake/interfaces';
import { formatBaht } from '../../core/money';
import { widestText } from '../../core/pdf/measure';
import { rowsKeptWhole } from '../../core/pdf/table-rows';
import { breakThaiWords as t } from '../../core/pdf/thai-text';
import { WorkStatus } from '../plan/report.enums';
import { formatPercent, LEVEL_TH, toPercent } from '../scoring/scoring';
import type { Issued, PdfDocument, XlsxDocument } from './document-files';
import {
  cell,
  fittingFontSize,
  gridLayout,
  heading,
  LINE_WIDTH,
  mid,
  num,
  placeLineOf,
  ROUND_TH,
  sectionHeading,
  th,
  TICK,
} from './document-parts';
import type { PlanResultLine, PlanResultsModel } from './plan-results.document';
import { addSheet, addTable, newWorkbook, type ColumnKind } from './spreadsheet';

const title = (r: Pick<PlanResultsModel, 'lao' | 'fiscalYear' | 'round'>) =>
  `รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ${r.lao.name} พ.ศ. ${r.fiscalYear} ${ROUND_TH[r.round]}`;
/** The document's title, which the memo's attachment prints too. */
export { title as planResultsTitle };
const STATUS_COLUMNS: Array<WorkStatus | null> = [null, WorkStatus.IN_PROGRESS, WorkStatus.DONE, WorkStatus.CANNOT_DO];
const STATUS_HEADERS = ['รอรายงาน', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ไม่สามารถดำเนินการได้'];
/** The notes column of the results table (points) when any project has a note. */
const NOTE_WIDTH = 110;
/** The least the project names are given before the table is set smaller. */
const NAME_WIDTH = 160;

/** The closing summary, as the memo's attachment ends (สรุปผลการขับเคลื่อนแผนฯ). */
export function summaryLines(r: PlanResultsModel): string[] {
  return [
    `แผนปฏิบัติการป้องกันการทุจริต มีโครงการ/กิจกรรม/มาตรการ จำนวน ${r.rows.length} โครงการ`,
    `รอรายงาน ${r.waiting} โครงการ`,
    `อยู่ระหว่างดำเนินการ ${r.inProgress} โครงการ`,
    `ดำเนินการแล้วเสร็จ ${r.done} โครงการ`,
    `ไม่สามารถดำเนินการได้ ${r.cannotDo} โครงการ`,
    `เบิกจ่ายงบประมาณ ${formatBaht(r.disbursed)} บาท คิดเป็นร้อยละ ${formatPercent(r.disbursedPercent)}`,
    `มีการนำแผนฯ ไปปฏิบัติ ระดับ ${LEVEL_TH[r.score.level]} ร้อยละ ${formatPercent(r.score.capped)}`,
  ];
}

/**
 * The project list with statuses, reporter, problems, suggestions and the summary, as plan results print
 * them and the memo attaches them: landscape, the amounts and ticks at the largest size that leaves the
 * project names a fair column.
 */
export function planResultsBody(r: PlanResultsModel): Content[] {
  const n = r.note;
  const budgets = r.rows.map((row) => formatBaht(row.budget));
  const disbursed = r.rows.map((row) => formatBaht(row.disbursed));
  const totals = [
    formatBaht(r.rows.reduce((sum, row) => sum + row.budget, 0)),
    formatBaht(r.rows.reduce((sum, row) => sum + row.disbursed, 0)),
  ];
  const counts = STATUS_COLUMNS.map((s) => r.rows.filter((row) => row.status === s).length);
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
  return [
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
            cell(row.name),
            mid(row.dimension),
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
}

const fileName = (r: PlanResultsModel, ext: string) =>
  `ผลการดำเนินงานตามแผน-${r.fiscalYear}-${r.round === 'SIX_MONTHS' ? '6' : '12'}เดือน-${r.lao.code}.${ext}`;

/** ผลการดำเนินงานตามแผน (PRODUCT.md §6.3), landscape. */
export function buildPlanResultsPdf(r: PlanResultsModel): PdfDocument {
  const content: Content = [...heading([title(r), placeLineOf(r.place)]), ...planResultsBody(r)];
  return { info: { title: title(r), landscape: true, author: r.note?.reporterName ?? undefined }, content, fileName: fileName(r, 'pdf') };
}

/**
 * The same list as a workbook: every project with its amounts and a mark in its status column, totals
 * that count each status; then the reporter, problems, suggestions and the summary with its figures as
 * numbers.
 */
export function buildPlanResultsXlsx(r: PlanResultsModel, issued: Issued): XlsxDocument {
  const book = newWorkbook(title(r), r.lao.name, issued.date);
  const heading = [title(r), placeLineOf(r.place)];
  const list = addSheet(book, { name: `ผลการดำเนินงาน ${r.fiscalYear}`, orientation: 'landscape', heading });
  addTable<PlanResultLine>(list, {
    columns: [
      { header: 'ลำดับ', width: 7, kind: 'count', value: (x) => x.no },
      { header: 'รายการโครงการ (ตั้งต้น)', width: 46, kind: 'text', value: (x) => x.name },
      { header: 'มิติ', width: 6, kind: 'count', value: (x) => x.dimension },
      { header: 'งบประมาณ (บาท)', width: 19, kind: 'money', value: (x) => x.budget, total: 'sum' },
      { header: 'เบิกจ่าย (บาท)', width: 19, kind: 'money', value: (x) => x.disbursed, total: 'sum' },
      ...STATUS_COLUMNS.map((s, i) => ({
        header: STATUS_HEADERS[i],
        width: 11,
        kind: 'mark' as const,
        value: (x: PlanResultLine) => x.status === s,
        total: 'sum' as const,
      })),
      { header: 'หมายเหตุ', width: 28, kind: 'text', value: (x) => x.note ?? '' },
    ],
    rows: r.rows,
    totals: `รวม ${r.rows.length} โครงการ`,
  });

  const summary = addSheet(book, { name: 'สรุปผล', orientation: 'portrait', heading });
  const n = r.note;
  addTable<[string, string]>(summary, {
    columns: [
      { header: 'หัวข้อ', width: 26, kind: 'text', value: (x) => x[0] },
      { header: 'รายละเอียด', width: 70, kind: 'text', value: (x) => x[1] },
    ],
    rows: [
      ['ชื่อ - สกุล ผู้รายงาน', n?.reporterName ?? ''],
      ['ตำแหน่ง', n?.reporterPosition ?? ''],
      ['ปัญหา อุปสรรค', n?.problems ?? '-'],
      ['ข้อเสนอแนะ', n?.suggestions ?? '-'],
    ],
    list: false,
  });
  const figures: Array<[string, number | string, ColumnKind]> = [
    ['โครงการ/กิจกรรม/มาตรการ (โครงการ)', r.rows.length, 'count'],
    ['รอรายงาน (โครงการ)', r.waiting, 'count'],
    ['อยู่ระหว่างดำเนินการ (โครงการ)', r.inProgress, 'count'],
    ['ดำเนินการแล้วเสร็จ (โครงการ)', r.done, 'count'],
    ['ไม่สามารถดำเนินการได้ (โครงการ)', r.cannotDo, 'count'],
    ['เบิกจ่ายงบประมาณ (บาท)', r.disbursed, 'money'],
    ['เบิกจ่ายคิดเป็นร้อยละ', toPercent(r.disbursedPercent), 'percent'],
    ['ผลการนำแผนฯ ไปปฏิบัติ (ร้อยละ)', toPercent(r.score.capped), 'percent'],
    ['ระดับการนำแผนไปปฏิบัติ', LEVEL_TH[r.score.level], 'text'],
  ];
  addTable<(typeof figures)[number]>(summary, {
    columns: [
      { header: 'สรุปผลการขับเคลื่อนแผนฯ', width: 26, kind: 'text', value: (x) => x[0] },
      { header: 'ผล', width: 70, kind: (x) => x[2], value: (x) => x[1] },
    ],
    rows: figures,
    list: false,
  });
  return { book, fileName: fileName(r, 'xlsx') };
}
