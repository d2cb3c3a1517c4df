import type { Content, TableCell } from 'pdfmake/interfaces';
import type { AppContext } from '../../core/context';
import { formatBaht } from '../../core/money';
import { widestText } from '../../core/pdf/measure';
import { renderPdf } from '../../core/pdf/pdf';
import { rowsKeptWhole } from '../../core/pdf/table-rows';
import { breakThaiWords as t, thaiDate } from '../../core/pdf/thai-text';
import { getReadableLao } from '../lao/lao.service';
import type { Lao } from '../lao/lao.entity';
import { ProjectYear } from '../project/project-year.entity';
import { Project } from '../project/project.entity';
import { NOT_CREATED_STATUSES, PLAN_STATUS_TH, PlanStatus } from '../plan/project.enums';
import { placeLine } from '../geography/places';
import { cell, fittingFontSize, gridLayout, heading, LINE_WIDTH, mid, num, th, TICK } from './document-parts';
import { stringParam, yearParam, type ExportFile } from './export.params';
import { addLines, addSheet, addTable, newWorkbook, workbookFile } from './spreadsheet';

export interface ActionPlanRow {
  no: number;
  name: string;
  dimension: number;
  budget: number | null;
  quarters: number[];
  note: string;
}

export interface ActionPlan {
  lao: Lao;
  districtName: string;
  provinceName: string;
  fiscalYear: number;
  rows: ActionPlanRow[];
  totalBudget: number;
}

/**
 * The projects of an LAO's plan for a fiscal year, in their order: every project of the year except
 * those dropped (ลดโครงการสำเร็จ) or refused (ไม่อนุมัติการขอเพิ่ม); a standing other than สอดคล้อง is
 * written in the note so the printed plan says what is still pending.
 */
export async function loadActionPlan(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<ActionPlan> {
  const lao = await getReadableLao(ctx, laoCode);
  const rows = await ctx.em
    .getRepository(Project)
    .createQueryBuilder('p')
    .innerJoinAndMapOne('p.year', ProjectYear, 'y', 'y.project_id = p.id AND y.fiscal_year = :fiscalYear', { fiscalYear })
    .where('p.lao_code = :laoCode', { laoCode })
    .andWhere('y.plan_status NOT IN (:...excluded)', { excluded: NOT_CREATED_STATUSES })
    .orderBy('p.seq', 'ASC')
    .getMany();
  const [district, province] = await Promise.all([
    ctx.loaders.districtByCode.load(lao.districtCode),
    ctx.loaders.provinceByCode.load(lao.provinceCode),
  ]);
  const planRows = rows.map((p, i) => {
    const status = (p as Project & { year: ProjectYear }).year.planStatus;
    const note = [p.note ?? '', status === PlanStatus.COMPLIANT ? '' : `(${PLAN_STATUS_TH[status]})`].filter(Boolean).join(' ');
    return { no: i + 1, name: p.name, dimension: p.dimension, budget: p.budget, quarters: p.quarters, note };
  });
  return {
    lao,
    districtName: district!.name,
    provinceName: province!.name,
    fiscalYear,
    rows: planRows,
    totalBudget: planRows.reduce((sum, r) => sum + (r.budget ?? 0), 0),
  };
}

async function params(ctx: AppContext, query: Record<string, string | undefined>) {
  const laoCode = stringParam(query, 'lao', 'รหัส อปท.', 7);
  const year = yearParam(ctx, query);
  return { plan: await loadActionPlan(ctx, laoCode, year), issuer: stringParam(query, 'issuer', 'ชื่อ-สกุล ผู้ออกรายงาน') };
}

const title = (plan: ActionPlan) => `แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ${plan.fiscalYear}`;
const place = (plan: ActionPlan) => placeLine(plan.lao.provinceCode, plan.provinceName, plan.districtName);
const fileName = (plan: ActionPlan, ext: string) => `แผนปฏิบัติการป้องกันการทุจริต-${plan.fiscalYear}-${plan.lao.code}.${ext}`;

/** The notes column of the plan (points) when any project has a note, and the least the project names get before the table is set smaller. */
const NOTE_WIDTH = 96;
const NAME_WIDTH = 150;

/** /export/action-plan.pdf?lao=&year=&issuer= — แผนปฏิบัติการป้องกันการทุจริต (PRODUCT.md §6.1), portrait A4. */
export async function actionPlanPdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { plan, issuer } = await params(ctx, query);
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
    ...heading([title(plan), `ของ ${plan.lao.name}`, place(plan)]),
    {
      table: rowsKeptWhole({ headerRows: 2, widths, body: [...header, ...body, totalRow] }),
      layout: gridLayout,
      fontSize: size,
    },
    {
      stack: [
        { text: t(`ผู้ออกรายงาน ${issuer}`), margin: [0, 16, 0, 0], alignment: 'right' },
        { text: t(`วันที่ออกรายงาน ${thaiDate(ctx.clock.now())}`), alignment: 'right' },
      ],
      unbreakable: true,
    },
  ];
  const body_ = await renderPdf({ title: `${title(plan)} ของ ${plan.lao.name}`, author: issuer }, content);
  return { body: body_, fileName: fileName(plan, 'pdf'), type: 'pdf' };
}

/** /export/action-plan.xlsx — the same plan as a workbook an officer can print and work with (spreadsheet.ts). */
export async function actionPlanXlsx(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { plan, issuer } = await params(ctx, query);
  const book = newWorkbook(`${title(plan)} ของ ${plan.lao.name}`, plan.lao.name, ctx.clock.now());
  const sheet = addSheet(book, {
    name: `แผน ${plan.fiscalYear}`,
    orientation: 'landscape',
    heading: [title(plan), `ของ ${plan.lao.name} ${place(plan)}`],
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
  addLines(sheet, [`ผู้ออกรายงาน ${issuer}`, `วันที่ออกรายงาน ${thaiDate(ctx.clock.now())}`]);
  return workbookFile(book, fileName(plan, 'xlsx'));
}
