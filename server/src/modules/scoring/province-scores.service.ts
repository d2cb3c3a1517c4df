import type { AppContext } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';
import { Lao } from '../lao/lao.entity';
import { districtLabel } from '../geography/places';
import { Province } from '../geography/province.entity';
import { ReportRound } from '../plan/report.enums';
import { roundScore } from './lao-summary.service';
import { allow, Permission } from '../access/policy';
import { ImplementationLevel, toPercent, type Score } from './scoring';
import type { NationalScoreRow, ProvinceScoreReport } from './scoring.types';
import { thresholdsFor } from './year-figures';
import { laosWithScores, storedRoundRows, storedScores, type FiguresAsOf, type ScoreFigures, type StoredRoundRow } from './figures.store';
import type { Thresholds } from './scoring';

const NO_FIGURES: ScoreFigures = { done: 0, inProgress: 0, denominator: 0, fromMinimum: false };

/** A row of a table of LAOs: its score of a round (an LAO with no figures of the year scores as one with nothing planned: 0.00, with its explanation). */
function tableScore(figures: ScoreFigures | null | undefined, round: ReportRound, thresholds: Record<ReportRound, Thresholds>): Score {
  const s = roundScore(figures ?? NO_FIGURES, round, thresholds);
  return { raw: s.raw, capped: s.capped, level: s.level, explanation: s.explanation };
}

const thai = new Intl.Collator('th');

/** The order of a province's table: by district, then LAO, in Thai dictionary order (เกาะลันตา, เขาพนม, คลองท่อม … as the manual lists them). */
const tableOrder = (a: { districtName: string; laoName: string }, b: { districtName: string; laoName: string }): number =>
  thai.compare(a.districtName, b.districtName) || thai.compare(a.laoName, b.laoName);

/**
 * The table of a province is read within READ_PROVINCE_SCORES; an LAO officer's own province is its
 * LAO's as the registry has it now (the registry may have moved the LAO since the account was made).
 */
async function assertProvinceReadable(ctx: AppContext, provinceCode: string): Promise<void> {
  const user = ctx.user!;
  const ownLao = user.laoCode ? await ctx.loaders.laoByCode.load(user.laoCode) : null;
  const actor = user.laoCode ? { ...user, provinceCode: ownLao?.provinceCode ?? null } : user;
  if (!allow(actor, Permission.READ_PROVINCE_SCORES, { provinceCode })) throw forbidden('ท่านดูผลระดับจังหวัดได้เฉพาะจังหวัดของท่าน');
}

/** One LAO of the province table, its score exact. */
export interface ProvinceScoreFigures {
  lao: Lao;
  districtName: string;
  districtLabel: string;
  score: Score;
}

/** The province table with exact scores (the API's ProvinceScoreReport and the printed table both come from it). */
export interface ProvinceFigures {
  province: Province;
  fiscalYear: number;
  round: ReportRound;
  rows: ProvinceScoreFigures[];
  high: number;
  medium: number;
  low: number;
}

/** ผลการนำแผนฯ ไปปฏิบัติระดับจังหวัด as the API sends it. */
export async function provinceScores(
  ctx: AppContext,
  provinceCode: string,
  fiscalYear: number,
  round: ReportRound,
  districtCode?: string | null,
): Promise<ProvinceScoreReport> {
  const report = await provinceFigures(ctx, provinceCode, fiscalYear, round, districtCode);
  return {
    ...report,
    rows: report.rows.map(({ score, ...row }) => ({
      ...row,
      score: toPercent(score.raw),
      cappedScore: toPercent(score.capped),
      level: score.level,
      explanation: score.explanation,
    })),
  };
}

/**
 * ผลการนำแผนฯ ไปปฏิบัติระดับจังหวัด: every LAO of a province (optionally one district), by district then
 * name, with score and level, and the counts by level: one read of the maintained figures (one row per
 * LAO, figures.store.ts), whatever the number of projects and reports.
 */
export async function provinceFigures(
  ctx: AppContext,
  provinceCode: string,
  fiscalYear: number,
  round: ReportRound,
  districtCode?: string | null,
): Promise<ProvinceFigures> {
  await assertProvinceReadable(ctx, provinceCode);
  return provinceTable(ctx, provinceCode, fiscalYear, round, districtCode);
}

/**
 * The province table itself, for a caller whose right to it is checked: the officers' above, the public
 * page's for a published round (modules/public).
 */
export async function provinceTable(
  ctx: AppContext,
  provinceCode: string,
  fiscalYear: number,
  round: ReportRound,
  districtCode?: string | null,
  asOf: FiguresAsOf = 'live',
): Promise<ProvinceFigures> {
  const province = await ctx.loaders.provinceByCode.load(provinceCode);
  if (!province) throw notFound('ไม่พบจังหวัดนี้');
  const [scored, thresholds] = await Promise.all([
    laosWithScores(ctx, { provinceCode, districtCode }, fiscalYear, round, asOf),
    thresholdsFor(ctx, fiscalYear),
  ]);
  const laos = scored.map((s) => s.lao);
  const figuresOf = new Map(scored.map((s) => [s.lao.code, s.figures]));
  const districts = await ctx.loaders.districtByCode.loadMany([...new Set(laos.map((l) => l.districtCode))]);
  const districtName = new Map(
    districts
      .filter((d): d is NonNullable<typeof d> & { code: string; name: string } => !!d && !(d instanceof Error))
      .map((d) => [d.code, d.name]),
  );
  const rows = laos.map((lao): ProvinceScoreFigures => ({
    lao,
    districtName: districtName.get(lao.districtCode) ?? '',
    districtLabel: districtLabel(provinceCode, districtName.get(lao.districtCode) ?? ''),
    score: tableScore(figuresOf.get(lao.code), round, thresholds),
  }));
  rows.sort((a, b) =>
    tableOrder({ districtName: a.districtName, laoName: a.lao.name }, { districtName: b.districtName, laoName: b.lao.name }),
  );
  const count = (level: ImplementationLevel) => rows.filter((r) => r.score.level === level).length;
  return {
    province,
    fiscalYear,
    round,
    rows,
    high: count(ImplementationLevel.HIGH),
    medium: count(ImplementationLevel.MEDIUM),
    low: count(ImplementationLevel.LOW),
  };
}

/** One LAO of the country's table: where it is, its score of a round and how many projects it reported. */
export interface NationalTableRow extends StoredRoundRow {
  score: Score;
}

/**
 * Every LAO of the country in the year's registry with its score of a round, province by province (by
 * code), each province's LAOs in the order of its table and scored as there (provinceTable): one read of
 * the registry and the maintained figures, whatever the number of provinces. For a caller whose right to
 * it is checked (the public pages and open data of a published round, modules/public).
 */
export async function nationalTable(
  ctx: AppContext,
  fiscalYear: number,
  round: ReportRound,
  asOf: FiguresAsOf = 'live',
): Promise<NationalTableRow[]> {
  const [rows, thresholds] = await Promise.all([
    storedRoundRows(ctx, { all: true }, fiscalYear, round, asOf),
    thresholdsFor(ctx, fiscalYear),
  ]);
  return rows
    .map((r) => ({ ...r, score: tableScore(r.figures, round, thresholds) }))
    .sort((a, b) => a.provinceCode.localeCompare(b.provinceCode) || tableOrder(a, b));
}

/** ADMIN: every province with its LAOs counted by level (the whole country: one row per LAO). */

export async function nationalScores(ctx: AppContext, fiscalYear: number, round: ReportRound): Promise<NationalScoreRow[]> {
  if (!allow(ctx.user, Permission.READ_NATIONAL_SCORES)) throw forbidden('ท่านไม่มีสิทธิ์ดูผลการนำแผนไปปฏิบัติทั้งประเทศ');
  const [provinces, scores, thresholds] = await Promise.all([
    ctx.em.getRepository(Province).find(),
    storedScores(ctx, { all: true }, fiscalYear, round),
    thresholdsFor(ctx, fiscalYear),
  ]);
  const byProvince = new Map(provinces.map((p) => [p.code, { province: p, laos: 0, high: 0, medium: 0, low: 0 }]));
  for (const { provinceCode, figures } of scores) {
    const row = byProvince.get(provinceCode)!;
    const level = figures ? roundScore(figures, round, thresholds).level : ImplementationLevel.LOW;
    row.laos += 1;
    if (level === ImplementationLevel.HIGH) row.high += 1;
    else if (level === ImplementationLevel.MEDIUM) row.medium += 1;
    else row.low += 1;
  }
  return [...byProvince.values()].sort((a, b) => thai.compare(a.province.name, b.province.name));
}
