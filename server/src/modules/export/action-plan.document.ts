import type { AppContext } from '../../core/context';
import { getReadableLao } from '../lao/lao.service';
import { PLAN_STATUS_TH, PlanStatus } from '../plan/project.enums';
import { listPlanProjects, type PlanProject } from '../project/project.service';
import { buildActionPlanPdf, buildActionPlanXlsx } from './action-plan.export';
import type { ActionPlan, ActionPlanRow } from './action-plan.type';
import { pdfFile, xlsxFile } from './document-files';
import { loadPlace, stringParam, yearParam, type ExportFile } from './export.params';

/**
 * The rows of the printed plan from the projects of its year, in their order: numbered from 1, and a
 * standing other than สอดคล้อง written after the project's note so the plan says what is still pending.
 */
export function actionPlanRows(projects: PlanProject[]): ActionPlanRow[] {
  return projects.map(({ project: p, planStatus }, i) => ({
    no: i + 1,
    projectId: p.id,
    name: p.name,
    dimension: p.dimension,
    budget: p.budget,
    quarters: p.quarters,
    note: [p.note ?? '', planStatus === PlanStatus.COMPLIANT ? '' : `(${PLAN_STATUS_TH[planStatus]})`].filter(Boolean).join(' '),
  }));
}

/** แผนปฏิบัติการป้องกันการทุจริต of an LAO for a fiscal year (the PDF, the workbook and Query.actionPlan). */
export async function loadActionPlan(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<ActionPlan> {
  const lao = await getReadableLao(ctx, laoCode);
  const [projects, place] = await Promise.all([listPlanProjects(ctx, laoCode, fiscalYear), loadPlace(ctx, lao)]);
  const rows = actionPlanRows(projects);
  return {
    lao: { code: lao.code, name: lao.name },
    place,
    fiscalYear,
    rows,
    totalBudget: rows.reduce((sum, r) => sum + (r.budget ?? 0), 0),
    projectCount: rows.length,
  };
}

function params(ctx: AppContext, query: Record<string, string | undefined>) {
  const laoCode = stringParam(query, 'lao', 'รหัส อปท.', 7);
  const year = yearParam(ctx, query);
  return { laoCode, year, issuer: stringParam(query, 'issuer', 'ชื่อ-สกุล ผู้ออกรายงาน') };
}

/** /export/action-plan.pdf?lao=&year=&issuer= — แผนปฏิบัติการป้องกันการทุจริต (PRODUCT.md §6.1), portrait A4. */
export async function actionPlanPdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { laoCode, year, issuer } = params(ctx, query);
  return pdfFile(buildActionPlanPdf(await loadActionPlan(ctx, laoCode, year), { date: ctx.clock.now(), issuer }));
}

/** /export/action-plan.xlsx — the same plan as a workbook an officer can print and work with (spreadsheet.ts). */
export async function actionPlanXlsx(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { laoCode, year, issuer } = params(ctx, query);
  return xlsxFile(buildActionPlanXlsx(await loadActionPlan(ctx, laoCode, year), { date: ctx.clock.now(), issuer }));
}
