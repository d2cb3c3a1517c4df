import type { AppContext } from '../../core/context';
import type { ReportRound } from '../plan/report.enums';
import { nationalScores } from '../scoring/province-scores.service';
import { pdfFile, xlsxFile } from './document-files';
import { roundParam, yearParam, type ExportFile } from './export.params';
import { buildNationalPdf, buildNationalXlsx } from './national.export';

/** One province of the national table: its LAOs counted by level. */
export interface NationalRow {
  provinceCode: string;
  provinceName: string;
  laos: number;
  high: number;
  medium: number;
  low: number;
}

/** ผลการนำแผนฯ ไปปฏิบัติ รายจังหวัด as it is printed: the provinces in Thai order, the country's totals. */
export interface NationalModel {
  fiscalYear: number;
  round: ReportRound;
  rows: NationalRow[];
}

/** The national table (READ_NATIONAL_SCORES, as the `nationalScores` query). */
export async function loadNational(ctx: AppContext, fiscalYear: number, round: ReportRound): Promise<NationalModel> {
  const rows = await nationalScores(ctx, fiscalYear, round);
  return {
    fiscalYear,
    round,
    rows: rows.map((r) => ({
      provinceCode: r.province.code,
      provinceName: r.province.name,
      laos: r.laos,
      high: r.high,
      medium: r.medium,
      low: r.low,
    })),
  };
}

/** /export/national-scores.pdf?year=&round= — every province with its LAOs counted by level. */
export async function nationalPdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  return pdfFile(buildNationalPdf(await loadNational(ctx, yearParam(ctx, query), roundParam(query))));
}

/** /export/national-scores.xlsx — the same table as a workbook. */
export async function nationalXlsx(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const model = await loadNational(ctx, yearParam(ctx, query), roundParam(query));
  return xlsxFile(buildNationalXlsx(model, { date: ctx.clock.now(), issuer: null }));
}
