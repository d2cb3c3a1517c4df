import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import type { Satang } from '../../core/money';
import { PlanYear } from '../plan-year/plan-year.entity';
import { ProgressReport } from '../progress-report/progress-report.entity';
import { ReportRound, WorkStatus } from '../plan/report.enums';
import { ProjectYear } from '../project/project-year.entity';
import { Project } from '../project/project.entity';
import { BASELINE_STATUSES, COUNTED_STATUSES, NOT_CREATED_STATUSES, PlanStatus, ProjectOrigin } from '../plan/project.enums';
import { LevelThreshold } from './level-threshold.entity';
import { DEFAULT_THRESHOLDS, type Thresholds } from './scoring';

export const DIMENSIONS = [1, 2, 3, 4] as const;

/** What one round's reports of counted projects add up to, for one dimension. */
export interface RoundCell {
  done: number;
  inProgress: number;
  cannotDo: number;
  inOrdinance: number;
  ordinanceBudget: Satang;
  disbursed: Satang;
}

/** Everything the formulas of §5 need about one LAO in one fiscal year. */
export interface YearFigures {
  /** โครงการที่สร้าง: project-years except REDUCED and ADD_REJECTED. */
  created: number;
  /** PLANNED projects of the plan (BASELINE_STATUSES): the baseline until NACC sets one. */
  plannedBaseline: number;
  /** Counted projects and their planned budget, by primary dimension. */
  planned: Record<number, { projects: number; budget: Satang }>;
  /** Reports of created project-years, by round (the dashboard's รายงานผลแล้ว). */
  reportedCreated: Record<ReportRound, number>;
  /** The round's reports of counted projects, by dimension. */
  rounds: Record<ReportRound, Record<number, RoundCell>>;
  baselineCount: number | null;
  minimumCount: number | null;
}

const emptyCell = (): RoundCell => ({ done: 0, inProgress: 0, cannotDo: 0, inOrdinance: 0, ordinanceBudget: 0, disbursed: 0 });
export const emptyFigures = (): YearFigures => ({
  created: 0,
  plannedBaseline: 0,
  planned: Object.fromEntries(DIMENSIONS.map((d) => [d, { projects: 0, budget: 0 }])),
  reportedCreated: { SIX_MONTHS: 0, TWELVE_MONTHS: 0 },
  rounds: {
    SIX_MONTHS: Object.fromEntries(DIMENSIONS.map((d) => [d, emptyCell()])),
    TWELVE_MONTHS: Object.fromEntries(DIMENSIONS.map((d) => [d, emptyCell()])),
  },
  baselineCount: null,
  minimumCount: null,
});

/** Some LAOs' data: each LAO's in every fiscal year (`fiscalYears` null) or in the fiscal years named. */
export type LaoYears = Array<{ laoCode: string; fiscalYears: number[] | null }>;

/**
 * The figures of the given LAOs (or of every LAO) in every fiscal year they have data for (or only in
 * the years named), added up from the source rows by three grouped queries whatever the number of LAOs
 * and projects: project-years by standing, origin and dimension; reports by round, standing, dimension
 * and status; NACC's baseline and minimum counts. What the maintained figures are made of
 * (figures.store.ts), and what they are checked against.
 */
export async function computeFigures(em: EntityManager, which: LaoYears | 'all'): Promise<Map<string, Map<number, YearFigures>>> {
  const some = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string) => {
    if (which === 'all') return qb;
    const params: Record<string, unknown> = {};
    const each = which.map(({ laoCode, fiscalYears }, i) => {
      params[`lao${i}`] = laoCode;
      if (!fiscalYears) return `${alias}.lao_code = :lao${i}`;
      params[`years${i}`] = fiscalYears;
      return `(${alias}.lao_code = :lao${i} AND ${alias}.fiscal_year IN (:...years${i}))`;
    });
    return qb.where(each.length === 1 ? each[0] : `(${each.join(' OR ')})`, params);
  };
  if (which !== 'all' && which.length === 0) return new Map();
  const plans = await some(
    em
      .getRepository(ProjectYear)
      .createQueryBuilder('y')
      .innerJoin(Project, 'p', 'p.id = y.project_id')
      .select('y.lao_code', 'lao')
      .addSelect('y.fiscal_year', 'year')
      .addSelect('y.plan_status', 'status')
      .addSelect('p.origin', 'origin')
      .addSelect('p.dimension', 'dimension')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(p.budget)', 'budget'),
    'y',
  )
    .groupBy('y.lao_code')
    .addGroupBy('y.fiscal_year')
    .addGroupBy('y.plan_status')
    .addGroupBy('p.origin')
    .addGroupBy('p.dimension')
    .getRawMany<PlanGroupRow>();

  const reports = await some(
    em
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .innerJoin(ProjectYear, 'y', 'y.project_id = r.project_id AND y.fiscal_year = r.fiscal_year')
      .innerJoin(Project, 'p', 'p.id = r.project_id')
      .select('r.lao_code', 'lao')
      .addSelect('r.fiscal_year', 'year')
      .addSelect('r.round', 'round')
      .addSelect('y.plan_status', 'planStatus')
      .addSelect('p.dimension', 'dimension')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(CASE WHEN r.in_ordinance = 1 THEN 1 ELSE 0 END)', 'inOrdinance')
      .addSelect('SUM(r.ordinance_budget)', 'ordinanceBudget')
      .addSelect('SUM(r.disbursed)', 'disbursed'),
    'r',
  )
    .groupBy('r.lao_code')
    .addGroupBy('r.fiscal_year')
    .addGroupBy('r.round')
    .addGroupBy('y.plan_status')
    .addGroupBy('p.dimension')
    .addGroupBy('r.status')
    .getRawMany<ReportGroupRow>();

  const planYears = await some(em.getRepository(PlanYear).createQueryBuilder('py'), 'py').getMany();
  return figuresOfRows(plans, reports, planYears);
}

/** A row of computeFigures' grouped project-years (raw, as the database gives it). */
export interface PlanGroupRow {
  lao: string;
  year: number | string;
  status: PlanStatus;
  origin: ProjectOrigin;
  dimension: number | string;
  n: number | string;
  budget: unknown;
}

/** A row of computeFigures' grouped reports (raw, as the database gives it). */
export interface ReportGroupRow {
  lao: string;
  year: number | string;
  round: ReportRound;
  planStatus: PlanStatus;
  dimension: number | string;
  status: WorkStatus;
  n: number | string;
  inOrdinance: number | string;
  ordinanceBudget: unknown;
  disbursed: unknown;
}

/** §5's counts and sums of each LAO and year, from the rows of computeFigures' three queries. */
export function figuresOfRows(
  plans: PlanGroupRow[],
  reports: ReportGroupRow[],
  planYears: Array<Pick<PlanYear, 'laoCode' | 'fiscalYear' | 'baselineCount' | 'minimumCount'>>,
): Map<string, Map<number, YearFigures>> {
  const byLao = new Map<string, Map<number, YearFigures>>();

  const of = (lao: string, year: number | string) => {
    const years = byLao.get(lao) ?? byLao.set(lao, new Map()).get(lao)!;
    return years.get(Number(year)) ?? years.set(Number(year), emptyFigures()).get(Number(year))!;
  };
  for (const row of plans) {
    const f = of(row.lao, row.year);
    const n = Number(row.n);
    if (!NOT_CREATED_STATUSES.includes(row.status)) f.created += n;
    if (row.origin === ProjectOrigin.PLANNED && BASELINE_STATUSES.includes(row.status)) f.plannedBaseline += n;
    if (COUNTED_STATUSES.includes(row.status)) {
      const cell = f.planned[Number(row.dimension)];
      cell.projects += n;
      cell.budget = addSatang(cell.budget, row.budget);
    }
  }
  for (const row of reports) {
    const f = of(row.lao, row.year);
    const n = Number(row.n);
    if (!NOT_CREATED_STATUSES.includes(row.planStatus)) f.reportedCreated[row.round] += n;
    if (!COUNTED_STATUSES.includes(row.planStatus)) continue;
    const cell = f.rounds[row.round][Number(row.dimension)];
    if (row.status === WorkStatus.DONE) cell.done += n;
    if (row.status === WorkStatus.IN_PROGRESS) cell.inProgress += n;
    if (row.status === WorkStatus.CANNOT_DO) cell.cannotDo += n;
    cell.inOrdinance += Number(row.inOrdinance);
    cell.ordinanceBudget = addSatang(cell.ordinanceBudget, row.ordinanceBudget);
    cell.disbursed = addSatang(cell.disbursed, row.disbursed);
  }
  for (const py of planYears) {
    const f = of(py.laoCode, py.fiscalYear);
    f.baselineCount = py.baselineCount;
    f.minimumCount = py.minimumCount;
  }
  return byLao;
}

/** What of a report counts in the figures. */
export type CountedReport = Pick<ProgressReport, 'round' | 'status' | 'inOrdinance' | 'ordinanceBudget' | 'disbursed'>;

/**
 * Adds one report of a counted project-year (COUNTED_STATUSES, all of them created) whose primary
 * dimension is `dimension` to the figures (`sign` 1), or takes it away (-1): what `figuresOfRows` adds
 * up for it, so that a save changes the maintained figures by its difference instead of adding
 * everything up again. The money checked as there (TOO_LARGE).
 */
export function countReport(f: YearFigures, dimension: number, report: CountedReport, sign: 1 | -1): void {
  f.reportedCreated[report.round] += sign;
  const cell = f.rounds[report.round][dimension];
  if (report.status === WorkStatus.DONE) cell.done += sign;
  if (report.status === WorkStatus.IN_PROGRESS) cell.inProgress += sign;
  if (report.status === WorkStatus.CANNOT_DO) cell.cannotDo += sign;
  if (report.inOrdinance) cell.inOrdinance += sign;
  cell.ordinanceBudget = addSatang(cell.ordinanceBudget, sign * (report.ordinanceBudget ?? 0));
  cell.disbursed = addSatang(cell.disbursed, sign * (report.disbursed ?? 0));
}

const TOO_LARGE = 'ยอดรวมจำนวนเงินของ อปท. ในปีงบประมาณนี้เกินกว่าที่ระบบคำนวณได้ถูกต้อง (ไม่เกิน 90 ล้านล้านบาท) ข้อมูลยังไม่ถูกบันทึก';

/**
 * Adds a sum of satang the database gave back to one kept so far, exactly: beyond JavaScript's exact
 * integers (≈ 90 trillion baht, e.g. 91 projects of 999,999,999,999.99 in one year) the write that
 * made it is refused in Thai — the figures are made inside every write's transaction — rather than a
 * total being rounded or a later page failing.
 */
function addSatang(sum: Satang, raw: unknown): Satang {
  const n = raw === null || raw === undefined ? 0 : Number(raw);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(sum + n)) throw badInput([], TOO_LARGE);
  return sum + n;
}

/** The year's baseline: NACC's number when set, else the count of the plan's PLANNED projects. */
export const baselineOf = (f: YearFigures): number => f.baselineCount ?? f.plannedBaseline;

/** Sums a round's cells over the four dimensions. */
export function totalOf(cells: Record<number, RoundCell>): RoundCell {
  return DIMENSIONS.map((d) => cells[d]).reduce(
    (t, c) => ({
      done: t.done + c.done,
      inProgress: t.inProgress + c.inProgress,
      cannotDo: t.cannotDo + c.cannotDo,
      inOrdinance: t.inOrdinance + c.inOrdinance,
      ordinanceBudget: t.ordinanceBudget + c.ordinanceBudget,
      disbursed: t.disbursed + c.disbursed,
    }),
    emptyCell(),
  );
}

export const plannedTotal = (f: YearFigures) =>
  DIMENSIONS.reduce((t, d) => ({ projects: t.projects + f.planned[d].projects, budget: t.budget + f.planned[d].budget }), {
    projects: 0,
    budget: 0,
  });

/** ADMIN's thresholds for both rounds of a year, or the defaults: one query. */
export async function thresholdsFor(ctx: AppContext, fiscalYear: number): Promise<Record<ReportRound, Thresholds>> {
  const rows = await ctx.em.getRepository(LevelThreshold).findBy({ fiscalYear });
  const pick = (round: ReportRound): Thresholds => {
    const row = rows.find((r) => r.round === round);
    return row
      ? { high: { from: row.highFrom, inclusive: row.highInclusive }, medium: { from: row.mediumFrom, inclusive: row.mediumInclusive } }
      : DEFAULT_THRESHOLDS[round];
  };
  return { SIX_MONTHS: pick(ReportRound.SIX_MONTHS), TWELVE_MONTHS: pick(ReportRound.TWELVE_MONTHS) };
}
