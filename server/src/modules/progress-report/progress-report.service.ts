import type { AppContext, FiguresChange } from '../../core/context';
import { execute, hydrate, insertReturningId, persisted, selectColumns } from '../../core/db';
import { parseId } from '../../core/ids';
import { DomainError, badInput, conflict, notFound, type FieldError } from '../../core/errors';
import { MAX_MONEY_SATANG, satangFromDb } from '../../core/money';
import { recordAudit } from '../audit/audit.service';
import { assertEditable, getEditableLao, lockLao } from '../lao/lao.service';
import { COUNTED_STATUSES, PLAN_STATUS_TH, type PlanStatus } from '../plan/project.enums';
import { getReadableProject, readableProjectLao } from '../project/project.service';
import { ReportingReopening, ReportingWindow } from '../reporting-window/reporting-window.entity';
import { roundStateOf, roundStates, type RoundState } from '../reporting-window/reporting-window.service';
import { PlanResultNote } from './plan-result-note.entity';
import { ProgressReport } from './progress-report.entity';
import { CannotDoReason, ReportRound, WorkStatus } from '../plan/report.enums';
import type { PlanResultNoteInput, ProgressReportInput } from './progress-report.inputs';
import { reportDraft, type ReportDraft } from './report-draft';
import { confirmedWarningsOf, reportWarnings } from './report-warnings';

const ROUND_TH: Record<ReportRound, string> = { SIX_MONTHS: 'รอบ 6 เดือน', TWELVE_MONTHS: 'รอบ 12 เดือน' };

/** Refuses a write outside the round's reporting window (ROUND_CLOSED), unless NACC reopened it for the LAO. */
export async function assertRoundOpen(ctx: AppContext, laoCode: string, fiscalYear: number, round: ReportRound): Promise<void> {
  assertOpen((await roundStates(ctx, laoCode, fiscalYear))[round], fiscalYear, round);
}

function assertOpen(state: RoundState, fiscalYear: number, round: ReportRound): void {
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
 * What a save decides on, read under the LAO's lock in one statement: the LAO (whose data the user must
 * be allowed to change), the project as it is now (its budget, its primary dimension), its plan
 * standing in the year, the round's window and the LAO's reopening of it, the year's maintained figures,
 * and both rounds' reports of the project (the twelve-month one follows a six-month DONE: the carry).
 * One round trip where the repositories would make seven.
 */
function saveReadSql(em: AppContext['em']): string {
  const made = saveReads.get(em.connection);
  if (made) return made;
  const sql = `SELECT l.code AS lao_code, l.province_code AS lao_province_code, p.budget AS budget, p.dimension AS dimension,
      y.plan_status AS plan_status, ${selectColumns(em, ReportingWindow, 'w')}, ${selectColumns(em, ReportingReopening, 'o')},
      f.detail AS figures, ${selectColumns(em, ProgressReport, 'r6')}, ${selectColumns(em, ProgressReport, 'r12')}
    FROM lao l
    JOIN project p ON p.id = ? AND p.lao_code = l.code
    LEFT JOIN project_year y ON y.project_id = p.id AND y.fiscal_year = ?
    LEFT JOIN reporting_window w ON w.fiscal_year = ? AND w.round = ?
    LEFT JOIN reporting_reopening o ON o.lao_code = l.code AND o.fiscal_year = ? AND o.round = ?
    LEFT JOIN lao_year_figures f ON f.lao_code = l.code AND f.fiscal_year = ?
    LEFT JOIN progress_report r6 ON r6.project_id = p.id AND r6.fiscal_year = ? AND r6.round = 'SIX_MONTHS'
    LEFT JOIN progress_report r12 ON r12.project_id = p.id AND r12.fiscal_year = ? AND r12.round = 'TWELVE_MONTHS'
    WHERE l.code = ?`;
  saveReads.set(em.connection, sql);
  return sql;
}
/** The statement of each data source (its dialect quotes names its own way). */
const saveReads = new WeakMap<AppContext['db'], string>();

/**
 * บันทึกรายงานผลโครงการ: saves (or edits) the report of a project for a fiscal year and round.
 * A six-month report of DONE is carried into the twelve-month round as DONE with the same figures
 * (marked carried) unless the LAO has written a twelve-month report itself; while it stays a carried
 * copy it follows the six-month report, and it goes when the six-month report is no longer DONE.
 * The LAO-year's maintained figures change by the save's difference (`ctx.figuresChanges`).
 */
export async function saveProgressReport(ctx: AppContext, input: ProgressReportInput): Promise<ProgressReport> {
  const projectId = parseId(input.projectId);
  const { code: laoCode } = await readableProjectLao(ctx, projectId);
  const { fiscalYear, round } = input;
  // A report changes only its own fiscal year's figures, and keeps them itself (below).
  await lockLao(ctx, laoCode, fiscalYear, 'kept');
  const { em } = ctx;
  const [row]: Array<Record<string, unknown>> = await em.query(saveReadSql(em), [
    projectId,
    fiscalYear,
    fiscalYear,
    round,
    fiscalYear,
    round,
    fiscalYear,
    fiscalYear,
    fiscalYear,
    laoCode,
  ]);
  // Read again under the lock: the project may have been deleted while this save waited.
  if (!row) throw notFound('ไม่พบโครงการนี้ (อาจถูกลบไปแล้ว)');
  const provinceCode = String(row.lao_province_code);
  assertEditable(ctx, { code: laoCode, provinceCode }, 'ท่านรายงานผลได้เฉพาะโครงการของ อปท. ของท่าน');
  const planStatus = row.plan_status as PlanStatus | null;
  if (planStatus === null) throw notFound(`โครงการนี้ไม่อยู่ในแผนปี พ.ศ. ${fiscalYear}`);
  if (!COUNTED_STATUSES.includes(planStatus)) {
    throw conflict(`โครงการนี้มีสถานะ "${PLAN_STATUS_TH[planStatus]}" ในปี พ.ศ. ${fiscalYear} จึงยังรายงานผลไม่ได้`);
  }
  // A closed round is said first: there is no point correcting a form that cannot be saved.
  const window = row.w_round === null ? null : hydrate(em, ReportingWindow, row, 'w_');
  const reopening = row.o_round === null ? null : hydrate(em, ReportingReopening, row, 'o_');
  assertOpen(roundStateOf(ctx.clock.now(), fiscalYear, round, window, reopening), fiscalYear, round);
  const fields = checkReport(input, row.budget !== null);
  if (fields.length) throw badInput(fields, fields[0].message);
  // Both checked above.
  const status = input.status!;
  const inOrdinance = input.inOrdinance!;
  // Figures that are allowed but unlikely are saved only once the LAO has confirmed them: judged on what
  // this save has in hand, so they cost no statement.
  const warnings = reportWarnings({
    plannedBudget: row.budget === null ? null : satangFromDb(row.budget),
    inOrdinance,
    ordinanceBudget: input.ordinanceBudget ?? null,
    disbursed: input.disbursed ?? null,
    status,
  });
  const confirmedWarnings = confirmedWarningsOf(warnings, input.confirmedWarnings);

  const six = row.r6_id === null ? null : hydrate(em, ProgressReport, row, 'r6_');
  const twelve = row.r12_id === null ? null : hydrate(em, ProgressReport, row, 'r12_');
  const existing = round === ReportRound.SIX_MONTHS ? six : twelve;
  const values = {
    projectId,
    laoCode,
    fiscalYear,
    round,
    inOrdinance,
    ordinanceBudget: input.ordinanceBudget ?? null,
    disbursed: input.disbursed ?? null,
    status,
    cannotDoReason: status === WorkStatus.CANNOT_DO ? (input.cannotDoReason ?? null) : null,
    cannotDoText: status === WorkStatus.CANNOT_DO && input.cannotDoReason === CannotDoReason.OTHER ? (input.cannotDoText ?? null) : null,
    note: input.note ?? null,
    confirmedWarnings,
    carried: false,
    reportedBy: ctx.user!.id,
    reportedAt: ctx.clock.now(),
  };
  // The year's figures change by what this save takes away and adds, from the row read under the lock
  // (kept before the commit, figures.store.ts).
  const change: FiguresChange = {
    laoCode,
    fiscalYear,
    stored: row.figures === null ? null : String(row.figures),
    dimension: Number(row.dimension),
    removed: [],
    added: [],
  };
  ctx.figuresChanges.push(change);
  const count = (report: ProgressReport | null, sign: 1 | -1) => report && (sign === 1 ? change.added : change.removed).push(report);

  const saved = await writeReport(ctx, existing, values);
  count(existing, -1);
  count(saved, 1);
  const audit = { targetType: 'ProgressReport', laoCode, provinceCode };
  await recordAudit(ctx, { action: 'saveProgressReport', targetId: saved.id, ...audit, before: existing, after: saved });

  if (round === ReportRound.SIX_MONTHS) {
    if (saved.status === WorkStatus.DONE && (!twelve || twelve.carried)) {
      const copy = await writeReport(ctx, twelve, { ...values, round: ReportRound.TWELVE_MONTHS, carried: true });
      count(twelve, -1);
      count(copy, 1);
      await recordAudit(ctx, { action: 'carryProgressReport', targetId: copy.id, ...audit, before: twelve, after: copy });
    } else if (saved.status !== WorkStatus.DONE && twelve?.carried) {
      await execute(em, 'DELETE FROM progress_report WHERE id = ?', [twelve.id]);
      count(twelve, -1);
      await recordAudit(ctx, { action: 'removeCarriedReport', targetId: twelve.id, ...audit, before: twelve });
    }
  }
  return saved;
}

const REPORT_COLUMNS = [
  'projectId',
  'laoCode',
  'fiscalYear',
  'round',
  'inOrdinance',
  'ordinanceBudget',
  'disbursed',
  'status',
  'cannotDoReason',
  'cannotDoText',
  'note',
  'confirmedWarnings',
  'carried',
  'reportedBy',
  'reportedAt',
] as const satisfies ReadonlyArray<keyof ProgressReport>;

/**
 * Writes a report's values over the one read before (an UPDATE of its row) or as a new row, and gives the
 * report as it now is — without reading it back (the values are all of its columns but the id).
 */
async function writeReport(
  ctx: AppContext,
  existing: ProgressReport | null,
  values: Omit<ProgressReport, 'id' | 'project'>,
): Promise<ProgressReport> {
  const { em } = ctx;
  const params = persisted(em, ProgressReport, values, [...REPORT_COLUMNS]);
  if (!existing) {
    const id = await insertReturningId(
      em,
      `INSERT INTO progress_report (${REPORT_SQL_COLUMNS}) VALUES (${REPORT_COLUMNS.map(() => '?').join(', ')})`,
      params,
    );
    return Object.assign(em.create(ProgressReport), { id, ...values });
  }
  await execute(
    em,
    `UPDATE progress_report SET ${REPORT_SQL_COLUMNS.split(', ')
      .map((c) => `${c} = ?`)
      .join(', ')} WHERE id = ?`,
    [...params, existing.id],
  );
  return Object.assign(em.create(ProgressReport), { ...existing, ...values });
}

const REPORT_SQL_COLUMNS = REPORT_COLUMNS.map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()).join(', ');

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
