import type { Content } from 'pdfmake/interfaces';
import type { AppContext } from '../../core/context';
import { formatBaht } from '../../core/money';
import { renderPdf } from '../../core/pdf/pdf';
import { breakThaiWords as t } from '../../core/pdf/thai-text';
import { WorkStatus } from '../plan/report.enums';
import { planResults } from '../scoring/lao-summary.service';
import { LEVEL_TH } from '../scoring/scoring';
import type { PlanResultRow, PlanResults } from '../scoring/scoring.types';
import { cell, gridLayout, heading, mid, num, placeOf, ROUND_TH, roundParam, th } from './document-parts';
import { stringParam, yearParam, type ExportFile } from './export.params';
import { pct } from './overview.export';
import { addSheet, addTable, newWorkbook, workbookFile, type ColumnKind } from './spreadsheet';

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

/**
 * /export/plan-results.xlsx — the same list as a workbook: every project with its amounts and a mark in
 * its status column, totals that count each status; then the reporter, problems, suggestions and the
 * summary with its figures as numbers.
 */
export async function planResultsXlsx(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { r, place } = await load(ctx, query);
  const book = newWorkbook(title(r), r.lao.name, ctx.clock.now());
  const heading = [title(r), place.line];
  const list = addSheet(book, { name: `ผลการดำเนินงาน ${r.fiscalYear}`, orientation: 'landscape', heading });
  const statusHeaders = ['รอรายงาน', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ไม่สามารถดำเนินการได้'];
  addTable<PlanResultRow>(list, {
    columns: [
      { header: 'ลำดับ', width: 7, kind: 'count', value: (x) => x.no },
      { header: 'รายการโครงการ (ตั้งต้น)', width: 46, kind: 'text', value: (x) => x.project.name },
      { header: 'มิติ', width: 6, kind: 'count', value: (x) => x.project.dimension },
      { header: 'งบประมาณ (บาท)', width: 19, kind: 'money', value: (x) => x.budget, total: 'sum' },
      { header: 'เบิกจ่าย (บาท)', width: 19, kind: 'money', value: (x) => x.disbursed, total: 'sum' },
      ...STATUS_COLUMNS.map((s, i) => ({
        header: statusHeaders[i],
        width: 11,
        kind: 'mark' as const,
        value: (x: PlanResultRow) => x.status === s,
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
    ['เบิกจ่ายคิดเป็นร้อยละ', r.disbursedPercent, 'percent'],
    ['ผลการนำแผนฯ ไปปฏิบัติ (ร้อยละ)', r.cappedScore, 'percent'],
    ['ระดับการนำแผนไปปฏิบัติ', LEVEL_TH[r.level], 'text'],
  ];
  addTable<(typeof figures)[number]>(summary, {
    columns: [
      { header: 'สรุปผลการขับเคลื่อนแผนฯ', width: 26, kind: 'text', value: (x) => x[0] },
      { header: 'ผล', width: 70, kind: (x) => x[2], value: (x) => x[1] },
    ],
    rows: figures,
    list: false,
  });
  return workbookFile(book, fileName(r, 'xlsx'));
}
