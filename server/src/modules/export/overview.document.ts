import type { AppContext } from '../../core/context';
import { roundFigures, type DimensionFigures, type RoundFigures, type StatusFigures } from '../scoring/lao-summary.service';
import type { Score } from '../scoring/scoring';
import type { ReportRound } from '../plan/report.enums';
import { pdfFile, xlsxFile } from './document-files';
import type { Place } from './document-parts';
import { laoRoundParams, loadPlace, type ExportFile } from './export.params';
import { buildOverviewPdf, buildOverviewXlsx } from './overview.export';

/** ภาพรวมของการดำเนินงานตามแผนราย อปท. as it is printed: satang, counts and hundredths of a percent. */
export interface OverviewModel {
  lao: { code: string; name: string };
  place: Place;
  fiscalYear: number;
  round: ReportRound;
  dimensions: DimensionFigures[];
  total: DimensionFigures;
  status: StatusFigures;
  score: Score;
  /** Whether the score's denominator is NACC's minimum count (else the baseline). */
  fromMinimum: boolean;
}

/** The model of the overview from the round's figures (the memo attaches the same). */
export async function overviewModel(ctx: AppContext, o: RoundFigures): Promise<OverviewModel> {
  return {
    lao: { code: o.lao.code, name: o.lao.name },
    place: await loadPlace(ctx, o.lao),
    fiscalYear: o.fiscalYear,
    round: o.round,
    dimensions: o.dimensions,
    total: o.total,
    status: o.status,
    score: o.score,
    fromMinimum: o.fromMinimum,
  };
}

export async function loadOverview(ctx: AppContext, laoCode: string, fiscalYear: number, round: ReportRound): Promise<OverviewModel> {
  return overviewModel(ctx, await roundFigures(ctx, laoCode, fiscalYear, round));
}

/** /export/overview.pdf?lao=&year=&round= — ภาพรวมของการดำเนินงานตามแผนราย อปท. (PRODUCT.md §6.2). */
export async function overviewPdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { laoCode, year, round } = laoRoundParams(ctx, query);
  return pdfFile(buildOverviewPdf(await loadOverview(ctx, laoCode, year, round)));
}

/** /export/overview.xlsx — the same figures as a workbook. */
export async function overviewXlsx(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { laoCode, year, round } = laoRoundParams(ctx, query);
  return xlsxFile(buildOverviewXlsx(await loadOverview(ctx, laoCode, year, round), { date: ctx.clock.now(), issuer: null }));
}
