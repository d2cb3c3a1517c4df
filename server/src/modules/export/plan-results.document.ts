import type { AppContext } from '../../core/context';
import type { Satang } from '../../core/money';
import type { ReportRound, WorkStatus } from '../plan/report.enums';
import { resultFigures, type ResultFigures } from '../scoring/lao-summary.service';
import type { Hundredths, Score } from '../scoring/scoring';
import { pdfFile, xlsxFile } from './document-files';
import type { Place } from './document-parts';
import { laoRoundParams, loadPlace, type ExportFile } from './export.params';
import { buildPlanResultsPdf, buildPlanResultsXlsx } from './plan-results.export';

/** One counted project of ผลการดำเนินงานตามแผน. */
export interface PlanResultLine {
  no: number;
  name: string;
  dimension: number;
  budget: Satang;
  disbursed: Satang;
  /** Null: รอรายงาน. */
  status: WorkStatus | null;
  note: string | null;
}

/** What the LAO wrote under the round's results. */
export interface PlanResultNoteModel {
  reporterName: string | null;
  reporterPosition: string | null;
  problems: string | null;
  suggestions: string | null;
}

/** ผลการดำเนินงานตามแผน as it is printed: satang, counts and hundredths of a percent. */
export interface PlanResultsModel {
  lao: { code: string; name: string };
  place: Place;
  fiscalYear: number;
  round: ReportRound;
  rows: PlanResultLine[];
  note: PlanResultNoteModel | null;
  waiting: number;
  inProgress: number;
  done: number;
  cannotDo: number;
  disbursed: Satang;
  /** Disbursed ÷ planned budget × 100. */
  disbursedPercent: Hundredths;
  score: Score;
}

/** The model of plan results from their figures (the memo attaches the same). */
export async function planResultsModel(ctx: AppContext, { overview: o, rows, note }: ResultFigures): Promise<PlanResultsModel> {
  return {
    lao: { code: o.lao.code, name: o.lao.name },
    place: await loadPlace(ctx, o.lao),
    fiscalYear: o.fiscalYear,
    round: o.round,
    rows: rows.map((r) => ({
      no: r.no,
      name: r.project.name,
      dimension: r.project.dimension,
      budget: r.budget,
      disbursed: r.disbursed,
      status: r.status,
      note: r.note,
    })),
    note: note && {
      reporterName: note.reporterName,
      reporterPosition: note.reporterPosition,
      problems: note.problems,
      suggestions: note.suggestions,
    },
    waiting: o.status.waiting,
    inProgress: o.status.inProgress,
    done: o.status.done,
    cannotDo: o.status.cannotDo,
    disbursed: o.total.disbursed,
    disbursedPercent: o.total.budgetPercent,
    score: o.score,
  };
}

export async function loadPlanResults(ctx: AppContext, laoCode: string, fiscalYear: number, round: ReportRound): Promise<PlanResultsModel> {
  return planResultsModel(ctx, await resultFigures(ctx, laoCode, fiscalYear, round));
}

/** /export/plan-results.pdf?lao=&year=&round= — ผลการดำเนินงานตามแผน (PRODUCT.md §6.3). */
export async function planResultsPdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { laoCode, year, round } = laoRoundParams(ctx, query);
  return pdfFile(buildPlanResultsPdf(await loadPlanResults(ctx, laoCode, year, round)));
}

/** /export/plan-results.xlsx — the same list as a workbook. */
export async function planResultsXlsx(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { laoCode, year, round } = laoRoundParams(ctx, query);
  return xlsxFile(buildPlanResultsXlsx(await loadPlanResults(ctx, laoCode, year, round), { date: ctx.clock.now(), issuer: null }));
}
