import type { AppContext } from '../../core/context';
import { getReadableLao } from '../lao/lao.service';
import { PlanResultNote } from '../progress-report/plan-result-note.entity';
import { ReportRound, type WorkStatus } from '../plan/report.enums';
import type { Lao } from '../lao/lao.entity';
import type { Project } from '../project/project.entity';
import type { Satang } from '../../core/money';
import { listProjects } from '../project/project.service';
import { COUNTED_STATUSES } from '../plan/project.enums';
import { roundStates } from '../reporting-window/reporting-window.service';
import { percentHundredths, reportingRate, score, toPercent, type Hundredths, type Score, type Thresholds } from './scoring';
import type { DashboardRound, DimensionSummary, LaoDashboard, LaoOverview, PlanResults } from './scoring.types';
import { baselineOf, DIMENSIONS, plannedTotal, thresholdsFor, totalOf, type RoundCell, type YearFigures } from './year-figures';
import { scoreFiguresOf, storedFigures, type ScoreFigures } from './figures.store';

/** The score of one round from an LAO's score figures, with the thresholds of the round applied now. */
export function roundScore(f: ScoreFigures, round: ReportRound, thresholds: Record<ReportRound, Thresholds>) {
  return {
    ...score(f.done, f.inProgress, f.denominator, thresholds[round], f.fromMinimum),
    denominator: f.denominator,
    fromMinimum: f.fromMinimum,
  };
}

/** One round of a year's figures: its score and what its reports add up to. */
const roundOf = (f: YearFigures, round: ReportRound, thresholds: Record<ReportRound, Thresholds>) => ({
  ...roundScore(scoreFiguresOf(f, round), round, thresholds),
  total: totalOf(f.rounds[round]),
});

async function figuresOf(ctx: AppContext, laoCode: string, fiscalYear: number) {
  const lao = await getReadableLao(ctx, laoCode);
  const [f, thresholds] = await Promise.all([storedFigures(ctx, laoCode, fiscalYear), thresholdsFor(ctx, fiscalYear)]);
  return { lao, f, thresholds };
}

/** หน้าหลัก: created, reported and waiting per round, the reporting rate and the score. */
export async function laoDashboard(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<LaoDashboard> {
  const { f, thresholds } = await figuresOf(ctx, laoCode, fiscalYear);
  const states = await roundStates(ctx, laoCode, fiscalYear);
  const counted = plannedTotal(f).projects;
  const rounds = [ReportRound.SIX_MONTHS, ReportRound.TWELVE_MONTHS].map((round): DashboardRound => {
    const s = roundOf(f, round, thresholds);
    const reported = f.reportedCreated[round];
    return {
      round,
      reported,
      waiting: f.created - reported,
      reportingRate: toPercent(reportingRate(reported, f.created)),
      score: toPercent(s.raw),
      cappedScore: toPercent(s.capped),
      level: s.level,
      explanation: s.explanation,
      denominator: s.denominator,
      fromMinimum: s.fromMinimum,
      done: s.total.done,
      inProgress: s.total.inProgress,
      cannotDo: s.total.cannotDo,
      notReported: counted - s.total.done - s.total.inProgress - s.total.cannotDo,
      open: states[round].open,
      opensAt: states[round].opensAt,
      closesAt: states[round].closesAt,
      reopenedUntil: states[round].reopenedUntil,
    };
  });
  return { fiscalYear, baselineCount: baselineOf(f), minimumCount: f.minimumCount, created: f.created, rounds };
}

/** One row of the per-dimension table (a dimension, or the total with `dimension` null), its percentages exact. */
export interface DimensionFigures {
  dimension: number | null;
  plannedProjects: number;
  doneProjects: number;
  plannedBudget: Satang;
  ordinanceBudget: Satang;
  disbursed: Satang;
  projectPercent: Hundredths;
  budgetPercent: Hundredths;
}

/** สถานะโครงการ/กิจกรรม/มาตรการ: counts that add up to the total (รอรายงาน included). */
export interface StatusFigures {
  minimumCount: number | null;
  total: number;
  inOrdinance: number;
  inProgress: number;
  done: number;
  cannotDo: number;
  waiting: number;
}

/** An LAO's figures for a year and round as the formulas give them: satang, counts, hundredths of a percent. */
export interface RoundFigures {
  lao: Lao;
  fiscalYear: number;
  round: ReportRound;
  dimensions: DimensionFigures[];
  total: DimensionFigures;
  status: StatusFigures;
  score: Score;
  denominator: number;
  fromMinimum: boolean;
}

/** One counted project in ผลการดำเนินงานตามแผน. */
export interface ResultRowFigures {
  no: number;
  project: Project;
  budget: Satang;
  disbursed: Satang;
  status: WorkStatus | null;
  note: string | null;
}

/** ผลการดำเนินงานตามแผน with the figures it summarises. */
export interface ResultFigures {
  overview: RoundFigures;
  rows: ResultRowFigures[];
  note: PlanResultNote | null;
}

function dimensionRow(dimension: number | null, planned: { projects: number; budget: number }, cell: RoundCell): DimensionFigures {
  return {
    dimension,
    plannedProjects: planned.projects,
    doneProjects: cell.done,
    plannedBudget: planned.budget,
    ordinanceBudget: cell.ordinanceBudget,
    disbursed: cell.disbursed,
    projectPercent: percentHundredths(cell.done, planned.projects),
    budgetPercent: percentHundredths(cell.disbursed, planned.budget),
  };
}

/**
 * ภาพรวมของการดำเนินงานตามแผนราย อปท. with exact values: the per-dimension table, budgets, status
 * table, score and level (the API's LaoOverview and the printed overview both come from it).
 */
export async function roundFigures(ctx: AppContext, laoCode: string, fiscalYear: number, round: ReportRound): Promise<RoundFigures> {
  const { lao, f, thresholds } = await figuresOf(ctx, laoCode, fiscalYear);
  const cells = f.rounds[round];
  const s = roundOf(f, round, thresholds);
  const planned = plannedTotal(f);
  return {
    lao,
    fiscalYear,
    round,
    dimensions: DIMENSIONS.map((d) => dimensionRow(d, f.planned[d], cells[d])),
    total: dimensionRow(null, planned, s.total),
    status: {
      minimumCount: f.minimumCount,
      total: planned.projects,
      inOrdinance: s.total.inOrdinance,
      inProgress: s.total.inProgress,
      done: s.total.done,
      cannotDo: s.total.cannotDo,
      waiting: planned.projects - s.total.done - s.total.inProgress - s.total.cannotDo,
    },
    score: { raw: s.raw, capped: s.capped, level: s.level, explanation: s.explanation },
    denominator: s.denominator,
    fromMinimum: s.fromMinimum,
  };
}

const dimensionSummary = (d: DimensionFigures): DimensionSummary => ({
  ...d,
  projectPercent: toPercent(d.projectPercent),
  budgetPercent: toPercent(d.budgetPercent),
});

/** ภาพรวมของการดำเนินงานตามแผนราย อปท. as the API sends it. */
export async function laoOverview(ctx: AppContext, laoCode: string, fiscalYear: number, round: ReportRound): Promise<LaoOverview> {
  const o = await roundFigures(ctx, laoCode, fiscalYear, round);
  return {
    ...o,
    dimensions: o.dimensions.map(dimensionSummary),
    total: dimensionSummary(o.total),
    score: toPercent(o.score.raw),
    cappedScore: toPercent(o.score.capped),
    level: o.score.level,
    explanation: o.score.explanation,
  };
}

/** ผลการดำเนินงานตามแผน as the API sends it. */
export async function planResults(ctx: AppContext, laoCode: string, fiscalYear: number, round: ReportRound): Promise<PlanResults> {
  const { overview: o, rows, note } = await resultFigures(ctx, laoCode, fiscalYear, round);
  return {
    lao: o.lao,
    fiscalYear,
    round,
    rows,
    note,
    waiting: o.status.waiting,
    inProgress: o.status.inProgress,
    done: o.status.done,
    cannotDo: o.status.cannotDo,
    disbursed: o.total.disbursed,
    disbursedPercent: toPercent(o.total.budgetPercent),
    score: toPercent(o.score.raw),
    cappedScore: toPercent(o.score.capped),
    level: o.score.level,
  };
}

/**
 * ผลการดำเนินงานตามแผน with exact values: every counted project with budget, disbursed, status and
 * note, the LAO's note of the round, and the overview they summarise, computed once (the memo prints both).
 */
export async function resultFigures(ctx: AppContext, laoCode: string, fiscalYear: number, round: ReportRound): Promise<ResultFigures> {
  const overview = await roundFigures(ctx, laoCode, fiscalYear, round);
  const projects = await listProjects(ctx, laoCode, fiscalYear);
  const [years, reports] = await Promise.all([
    ctx.loaders.yearsByProject.loadMany(projects.map((p) => p.id)),
    ctx.loaders.reportsByProject.loadMany(projects.map((p) => p.id)),
  ]);
  const rows = projects
    .map((project, i) => ({
      project,
      year: (years[i] as Awaited<ReturnType<typeof ctx.loaders.yearsByProject.load>>).find((y) => y.fiscalYear === fiscalYear)!,
      report:
        (reports[i] as Awaited<ReturnType<typeof ctx.loaders.reportsByProject.load>>).find(
          (r) => r.fiscalYear === fiscalYear && r.round === round,
        ) ?? null,
    }))
    .filter((r) => COUNTED_STATUSES.includes(r.year.planStatus))
    .map((r, i) => ({
      no: i + 1,
      project: r.project,
      budget: r.project.budget ?? 0,
      disbursed: r.report?.disbursed ?? 0,
      status: r.report?.status ?? null,
      note: r.report?.note ?? null,
    }));
  const note = await ctx.em.getRepository(PlanResultNote).findOneBy({ laoCode, fiscalYear, round });
  return { overview, rows, note };
}
