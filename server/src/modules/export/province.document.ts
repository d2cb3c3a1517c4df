import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import type { ReportRound } from '../plan/report.enums';
import { provinceFigures } from '../scoring/province-scores.service';
import type { Score } from '../scoring/scoring';
import { pdfFile, xlsxFile } from './document-files';
import { roundParam, stringParam, yearParam, type ExportFile } from './export.params';
import { buildProvincePdf, buildProvinceXlsx } from './province.export';

/** One LAO of the province table. */
export interface ProvinceRow {
  laoName: string;
  districtName: string;
  score: Score;
}

/** ผลการนำแผนฯ ไปปฏิบัติระดับจังหวัด as it is printed: the LAOs in order, their exact scores, the counts by level. */
export interface ProvinceModel {
  province: { code: string; name: string };
  /** The district asked for, if any. */
  districtName: string | null;
  fiscalYear: number;
  round: ReportRound;
  rows: ProvinceRow[];
  high: number;
  medium: number;
  low: number;
}

export async function loadProvince(
  ctx: AppContext,
  provinceCode: string,
  fiscalYear: number,
  round: ReportRound,
  districtCode: string | null,
): Promise<ProvinceModel> {
  const r = await provinceFigures(ctx, provinceCode, fiscalYear, round, districtCode);
  const asked = districtCode === null ? null : await ctx.loaders.districtByCode.load(districtCode);
  return {
    province: { code: r.province.code, name: r.province.name },
    districtName: asked?.name ?? null,
    fiscalYear,
    round,
    rows: r.rows.map((row) => ({ laoName: row.lao.name, districtName: row.districtName, score: row.score })),
    high: r.high,
    medium: r.medium,
    low: r.low,
  };
}

/** `province`, `year`, `round` and an optional `district` of a province's table, checked. */
export function provinceParams(ctx: AppContext, query: Record<string, string | undefined>) {
  const district = query.district?.trim() || null;
  if (district !== null && !/^\d{4}$/.test(district))
    throw badInput([{ field: 'district', message: 'รหัสอำเภอไม่ถูกต้อง' }], 'รหัสอำเภอไม่ถูกต้อง');
  return { provinceCode: stringParam(query, 'province', 'จังหวัด', 2), year: yearParam(ctx, query), round: roundParam(query), district };
}

/** /export/province.pdf?province=&year=&round=[&district=] — the province table with raw scores. */
export async function provincePdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { provinceCode, year, round, district } = provinceParams(ctx, query);
  return pdfFile(buildProvincePdf(await loadProvince(ctx, provinceCode, year, round, district)));
}

/** /export/province.xlsx — the same table as a workbook. */
export async function provinceXlsx(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { provinceCode, year, round, district } = provinceParams(ctx, query);
  return xlsxFile(buildProvinceXlsx(await loadProvince(ctx, provinceCode, year, round, district), { date: ctx.clock.now(), issuer: null }));
}
