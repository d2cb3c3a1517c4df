import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatBaht } from '../../core/money';
import { widestText } from '../../core/pdf/measure';
import { rowsKeptWhole } from '../../core/pdf/table-rows';
import { breakThaiWords as t, thaiDate } from '../../core/pdf/thai-text';
import type { ActionPlan, ActionPlanRow } from './action-plan.type';
import type { Issued, PdfDocument, XlsxDocument } from './document-files';
import { cell, fittingFontSize, gridLayout, heading, LINE_WIDTH, mid, num, placeLineOf, th, TICK } from './document-parts';
import { addLines, addSheet, addTable, newWorkbook } from './spreadsheet';

const title = (plan: ActionPlan) => `แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ${plan.fiscalYear}`;
const fileName = (plan: ActionPlan, ext: string) => `แผนปฏิบัติการป้องกันการทุจริต-${plan.fiscalYear}-${plan.lao.code}.${ext}`;

/** The notes column of the plan (points) when any project has a note, and the least the project names get before the table is set smaller. */
const NOTE_WIDTH = 96;
const NAME_WIDTH = 150;

/** แผนปฏิบัติการป้องกันการทุจริต (PRODUCT.md §6.1), portrait A4: the plan's table, its total, who issued it and when. */
export function buildActionPlanPdf(plan: ActionPlan, issued: Issued): PdfDocument {
  const issuer = issued.issuer ?? '';
  const amounts = plan.rows.map((r) => formatBaht(r.budget ?? 0));
  const total = formatBaht(plan.totalBudget);
  const fixedWidths = (size: number) => [
    widestText(['ลำดับ', String(plan.rows.length)], size),
    widestText(['มิติ'], size),
    Math.max(widestText([...amounts, total], size), widestText(['งบประมาณ'], size)),
    ...[1, 2, 3, 4].map(() => widestText(['4', TICK], size)),
    plan.rows.some((r) => r.note) ? NOTE_WIDTH : widestText(['หมายเหตุ'], size),
  ];
  const size = fittingFontSize([13, 12, 11], LINE_WIDTH.portrait, (s) => [NAME_WIDTH, ...fixedWidths(s)]);
  const [noWidth, ...rest] = fixedWidths(size);
  const widths = [noWidth, '*', ...rest];
  const h = (text: string, extra: Record<string, unknown> = {}) => th(text, { fontSize: size, ...extra });
  const header: TableCell[][] = [
    [
      h('ลำดับ', { rowSpan: 2 }),
      h('รายการโครงการ (ตั้งต้น)', { rowSpan: 2 }),
      h('มิติ', { rowSpan: 2 }),
      h('งบประมาณ (บาท)', { rowSpan: 2 }),
      h('ดำเนินการไตรมาส', { colSpan: 4 }),
      {},
      {},
      {},
      h('หมายเหตุ', { rowSpan: 2 }),
    ],
    [{}, {}, {}, {}, h('1'), h('2'), h('3'), h('4'), {}],
  ];
  const body: TableCell[][] = plan.rows.map((r, i) => [
    mid(r.no),
    cell(r.name),
    mid(r.dimension),
    num(amounts[i]),
    ...[1, 2, 3, 4].map((q) => mid(r.quarters.includes(q) ? TICK : '')),
    cell(r.note, { fontSize: size - 1 }),
  ]);
  const totalRow: TableCell[] = [
    cell(`รวม ${plan.rows.length} โครงการ`, { colSpan: 3, bold: true, alignment: 'center' }),
    {},
    {},
    num(total, { bold: true }),
    { text: '', colSpan: 5 },
    {},
    {},
    {},
    {},
  ];
  const content: Content = [
    ...heading([title(plan), `ของ ${plan.lao.name}`, placeLineOf(plan.place)]),
    {
      table: rowsKeptWhole({ headerRows: 2, widths, body: [...header, ...body, totalRow] }),
      layout: gridLayout,
      fontSize: size,
    },
    {
      stack: [
        { text: t(`ผู้ออกรายงาน ${issuer}`), margin: [0, 16, 0, 0], alignment: 'right' },
        { text: t(`วันที่ออกรายงาน ${thaiDate(issued.date)}`), alignment: 'right' },
      ],
      unbreakable: true,
    },
  ];
  return { info: { title: `${title(plan)} ของ ${plan.lao.name}`, author: issuer }, content, fileName: fileName(plan, 'pdf') };
}

/** The same plan as a workbook an officer can print and work with (spreadsheet.ts). */
export function buildActionPlanXlsx(plan: ActionPlan, issued: Issued): XlsxDocument {
  const book = newWorkbook(`${title(plan)} ของ ${plan.lao.name}`, plan.lao.name, issued.date);
  const sheet = addSheet(book, {
    name: `แผน ${plan.fiscalYear}`,
    orientation: 'landscape',
    heading: [title(plan), `ของ ${plan.lao.name} ${placeLineOf(plan.place)}`],
  });
  addTable<ActionPlanRow>(sheet, {
    columns: [
      { header: 'ลำดับ', width: 7, kind: 'count', value: (r) => r.no },
      { header: 'รายการโครงการ (ตั้งต้น)', width: 60, kind: 'text', value: (r) => r.name },
      { header: 'มิติ', width: 6, kind: 'count', value: (r) => r.dimension },
      { header: 'งบประมาณ (บาท)', width: 19, kind: 'money', value: (r) => r.budget ?? 0, total: 'sum' },
      ...[1, 2, 3, 4].map((q) => ({
        header: `ไตรมาส ${q}`,
        width: 8,
        kind: 'mark' as const,
        value: (r: ActionPlanRow) => r.quarters.includes(q),
        total: 'sum' as const,
      })),
      { header: 'หมายเหตุ', width: 30, kind: 'text', value: (r) => r.note },
    ],
    rows: plan.rows,
    totals: `รวม ${plan.rows.length} โครงการ`,
  });
  addLines(sheet, [`ผู้ออกรายงาน ${issued.issuer ?? ''}`, `วันที่ออกรายงาน ${thaiDate(issued.date)}`]);
  return { book, fileName: fileName(plan, 'xlsx') };
}
