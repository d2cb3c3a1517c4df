import type { AppContext } from '../../core/context';
import { parseId } from '../../core/ids';
import { DomainError, badInput, conflict, notFound, type FieldError } from '../../core/errors';
import { MAX_MONEY_SATANG } from '../../core/money';
import { recordAudit } from '../audit/audit.service';
import { getEditableLao } from '../lao/lao.service';
import { ProjectYear } from '../project/project-year.entity';
import { COUNTED_STATUSES, PLAN_STATUS_TH } from '../plan/project.enums';
import { getReadableProject } from '../project/project.service';
import { roundStates } from '../reporting-window/reporting-window.service';
import { PlanResultNote } from './plan-result-note.entity';
import { ProgressReport } from './progress-report.entity';
import { CannotDoReason, ReportRound, WorkStatus } from '../plan/report.enums';
import type { PlanResultNoteInput, ProgressReportInput } from './progress-report.inputs';
import { reportDraft, type ReportDraft } from './report-draft';

const ROUND_TH: Record<ReportRound, string> = { SIX_MONTHS: 'รอบ 6 เดือน', TWELVE_MONTHS: 'รอบ 12 เดือน' };

/** Refuses a write outside the round's reporting window (ROUND_CLOSED), unless NACC reopened it for the LAO. */
export async function assertRoundOpen(ctx: AppContext, laoCode: string, fiscalYear: number, round: ReportRound): Promise<void> {
  const state = (await roundStates(ctx, laoCode, fiscalYear))[round];
  if (!state.open) {
    throw new DomainError(
      'ROUND_CLOSED',
      `ขณะนี้ไม่อยู่ในช่วงเวลารายงานผล${ROUND_TH[round]} ปีงบประมาณ พ.ศ. ${fiscalYear} ท่านดูข้อมูลได้แต่บันทึกไม่ได้ หากจำเป็นกรุณาติดต่อสำนักงาน ป.ป.ช.`,
      {
        opensAt: state.opensAt?.toISOString() ?? null,
        closesAt: state.closesAt?.toISOString() ?? null,
      },
    );
  }
}

/**
 * The rules of a report's fields, each broken one answered under its field (the form shows them as they
 * are): the ordinance answer and the status are required; a budgeted project needs both amounts and one
 * without budget has none; CANNOT_DO needs a reason, and OTHER its text.
 */
function checkReport(input: ProgressReportInput, budgeted: boolean): FieldError[] {
  const fields: FieldError[] = [];
  if (input.inOrdinance === undefined || input.inOrdinance === null) {
    fields.push({ field: 'inOrdinance', message: 'กรุณาเลือกการบรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน' });
  }
  const money = (field: 'ordinanceBudget' | 'disbursed', label: string) => {
    const value = input[field];
    if (!budgeted) {
      if (value !== undefined && value !== null) fields.push({ field, message: `โครงการที่ไม่ใช้งบประมาณไม่ต้องกรอก${label}` });
    } else if (value === undefined || value === null) {
      fields.push({ field, message: `กรุณากรอก${label} (ถ้าไม่มีให้กรอก 0)` });
    } else if (value < 0 || value > MAX_MONEY_SATANG) {
      fields.push({ field, message: `${label}ต้องไม่ติดลบ` });
    }
  };
  money('ordinanceBudget', 'งบประมาณตามข้อบัญญัติ/เทศบัญญัติ');
  money('disbursed', 'การเบิกจ่ายงบประมาณ');
  if (!input.status) fields.push({ field: 'status', message: 'กรุณาเลือกสถานะการดำเนินงาน' });
  if (input.status === WorkStatus.CANNOT_DO) {
    if (!input.cannotDoReason) fields.push({ field: 'cannotDoReason', message: 'กรุณาเลือกเหตุผลที่ไม่สามารถดำเนินการได้' });
    if (input.cannotDoReason === CannotDoReason.OTHER && !input.cannotDoText) {
      fields.push({ field: 'cannotDoText', message: 'กรุณากรอกเหตุผลที่ไม่สามารถดำเนินการได้' });
    }
  }
  return fields;
}

/**
 * บันทึกรายงานผลโครงการ: saves (or edits) the report of a project for a fiscal year and round.
 * A six-month report of DONE is carried into the twelve-month round as DONE with the same figures
 * (marked carried) unless the LAO has written a twelve-month report itself; while it stays a carried
 * copy it follows the six-month report, and it goes when the six-month report is no longer DONE.
 */
export async function saveProgressReport(ctx: AppContext, input: ProgressReportInput): Promise<ProgressReport> {
  const projectId = parseId(input.projectId);
  const project = await getReadableProject(ctx, projectId);
  // A report changes only its own fiscal year's figures.
  const lao = await getEditableLao(ctx, project.laoCode, 'ท่านรายงานผลได้เฉพาะโครงการของ อปท. ของท่าน', input.fiscalYear);
  const year = await ctx.em.getRepository(ProjectYear).findOneBy({ projectId, fiscalYear: input.fiscalYear });
  if (!year) throw notFound(`โครงการนี้ไม่อยู่ในแผนปี พ.ศ. ${input.fiscalYear}`);
  if (!COUNTED_STATUSES.includes(year.planStatus)) {
    throw conflict(`โครงการนี้มีสถานะ "${PLAN_STATUS_TH[year.planStatus]}" ในปี พ.ศ. ${input.fiscalYear} จึงยังรายงานผลไม่ได้`);
  }
  // A closed round is said first: there is no point correcting a form that cannot be saved.
  await assertRoundOpen(ctx, project.laoCode, input.fiscalYear, input.round);
  const fields = checkReport(input, project.budget !== null);
  if (fields.length) throw badInput(fields, fields[0].message);
  // Both checked above.
  const status = input.status!;
  const inOrdinance = input.inOrdinance!;

  const repo = ctx.em.getRepository(ProgressReport);
  // Both rounds in one read: the twelve-month one follows a six-month DONE (the carry, below).
  const reports = await repo.findBy({ projectId, fiscalYear: input.fiscalYear });
  const existing = reports.find((r) => r.round === input.round) ?? null;
  const values = {
    projectId,
    laoCode: project.laoCode,
    fiscalYear: input.fiscalYear,
    round: input.round,
    inOrdinance,
    ordinanceBudget: input.ordinanceBudget ?? null,
    disbursed: input.disbursed ?? null,
    status,
    cannotDoReason: status === WorkStatus.CANNOT_DO ? (input.cannotDoReason ?? null) : null,
    cannotDoText: status === WorkStatus.CANNOT_DO && input.cannotDoReason === CannotDoReason.OTHER ? (input.cannotDoText ?? null) : null,
    note: input.note ?? null,
    carried: false,
    reportedBy: ctx.user!.id,
    reportedAt: ctx.clock.now(),
  };
  const saved = await writeReport(ctx, existing, values);
  const audit = { targetType: 'ProgressReport', laoCode: project.laoCode, provinceCode: lao.provinceCode };
  await recordAudit(ctx, { action: 'saveProgressReport', targetId: saved.id, ...audit, before: existing, after: saved });

  if (input.round === ReportRound.SIX_MONTHS) {
    const twelve = reports.find((r) => r.round === ReportRound.TWELVE_MONTHS) ?? null;
    if (saved.status === WorkStatus.DONE && (!twelve || twelve.carried)) {
      const copy = await writeReport(ctx, twelve, { ...values, round: ReportRound.TWELVE_MONTHS, carried: true });
      await recordAudit(ctx, { action: 'carryProgressReport', targetId: copy.id, ...audit, before: twelve, after: copy });
    } else if (saved.status !== WorkStatus.DONE && twelve?.carried) {
      await repo.delete({ id: twelve.id });
      await recordAudit(ctx, { action: 'removeCarriedReport', targetId: twelve.id, ...audit, before: twelve });
    }
  }
  return saved;
}

/**
 * Writes a report's values over the one read before (an UPDATE of its row) or as a new row, and gives the
 * report as it now is — without reading it back (the values are all of its columns but the id).
 */
async function writeReport(
  ctx: AppContext,
  existing: ProgressReport | null,
  values: Omit<ProgressReport, 'id' | 'project'>,
): Promise<ProgressReport> {
  const repo = ctx.em.getRepository(ProgressReport);
  if (!existing) {
    const made = repo.create(values);
    await repo.insert(made);
    return made;
  }
  await repo.update({ id: existing.id }, values);
  return Object.assign(repo.create({ ...existing }), values);
}

/** What the report form of a project's year and round starts from (report-draft.ts), for anyone who may read the project. */
export async function getReportDraft(ctx: AppContext, projectIdText: string, fiscalYear: number, round: ReportRound): Promise<ReportDraft> {
  const projectId = parseId(projectIdText);
  const project = await getReadableProject(ctx, projectId);
  const years = await ctx.loaders.yearsByProject.load(projectId);
  if (!years.some((y) => y.fiscalYear === fiscalYear)) throw notFound(`โครงการนี้ไม่อยู่ในแผนปี พ.ศ. ${fiscalYear}`);
  const reports = (await ctx.loaders.reportsByProject.load(projectId)).filter((r) => r.fiscalYear === fiscalYear);
  return reportDraft(reports, round, project.budget !== null);
}

/**
 * The LAO's problems, suggestions and reporter under its plan results for a round (kept for the PDF).
 * Like the reports themselves, written only while the round is open (or reopened for the LAO).
 */
export async function savePlanResultNote(
  ctx: AppContext,
  laoCode: string,
  fiscalYear: number,
  round: ReportRound,
  input: PlanResultNoteInput,
): Promise<PlanResultNote> {
  const lao = await getEditableLao(ctx, laoCode, 'ท่านบันทึกได้เฉพาะของ อปท. ของท่าน', fiscalYear);
  await assertRoundOpen(ctx, laoCode, fiscalYear, round);
  const repo = ctx.em.getRepository(PlanResultNote);
  const before = await repo.findOneBy({ laoCode, fiscalYear, round });
  const note = await repo.save(
    repo.create({
      laoCode,
      fiscalYear,
      round,
      problems: input.problems ?? null,
      suggestions: input.suggestions ?? null,
      reporterName: input.reporterName ?? null,
      reporterPosition: input.reporterPosition ?? null,
    }),
  );
  await recordAudit(ctx, {
    action: 'savePlanResultNote',
    targetType: 'PlanResultNote',
    targetId: `${laoCode}:${fiscalYear}:${round}`,
    laoCode,
    provinceCode: lao.provinceCode,
    before,
    after: note,
  });
  return note;
}
