import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { execute, inTransaction } from '../../core/db';
import type { AppContext } from '../../core/context';
import { lockedLaos } from '../lao/lao.service';
import { Lao } from '../lao/lao.entity';
import { District } from '../geography/district.entity';
import { Province } from '../geography/province.entity';
import { ReportRound } from '../plan/report.enums';
import { scoreDenominator } from './scoring';
import { LaoYearFigures } from './lao-year-figures.entity';
import { PublishedFigures } from './published-figures.entity';
import { baselineOf, computeFigures, countReport, emptyFigures, totalOf, type LaoYears, type YearFigures } from './year-figures';

/**
 * The maintained figures (lao_year_figures): one row per LAO and fiscal year, made from the source
 * rows by `computeFigures` — the one place §5's counts and sums are added up — and written again
 * whenever they may have changed, inside the transaction that changed them. Every write to an LAO's
 * data takes the LAO's write lock first (lao.service.ts `lockLao`); at the end of every mutation the
 * figures of the LAOs it locked are made again (`refreshLockedFigures`, run by core/transaction.ts
 * before the commit). So they commit or roll back with the write, and two writes of one LAO never
 * interleave their refreshes. `figureDifferences` checks them against a fresh computation
 * (`npm run figures:verify`, and after every integration suite).
 */

/**
 * Makes the figures of these LAOs again — in every fiscal year, or in the years named — from their rows as
 * this transaction sees them: a year left with no data loses its row.
 */
export async function refreshFigures(em: EntityManager, laos: LaoYears): Promise<void> {
  if (laos.length === 0) return;
  const computed = await computeFigures(em, laos);
  const whole = laos.filter((l) => !l.fiscalYears).map((l) => l.laoCode);
  const repo = em.getRepository(LaoYearFigures);
  if (whole.length) await repo.delete({ laoCode: In(whole) });
  for (const { laoCode, fiscalYears } of laos) if (fiscalYears) await repo.delete({ laoCode, fiscalYear: In(fiscalYears) });
  await insertChunked(em, rowsOf(computed));
}

/**
 * What core/transaction.ts runs before a mutation commits (given to the context by app.ts): the figures of
 * the LAO-years it locked made again, and those it changed by their difference (`ctx.figuresChanges`)
 * written from the stored row it read and the difference — one UPDATE instead of three grouped queries, a
 * DELETE and an INSERT. A year made again anyway, or one with no row yet, is made again instead.
 */
export async function refreshLockedFigures(ctx: AppContext): Promise<void> {
  const locked = lockedLaos(ctx);
  const remade = (laoCode: string, fiscalYear: number) =>
    locked.some((l) => l.laoCode === laoCode && (l.fiscalYears === null || l.fiscalYears.includes(fiscalYear)));
  const kept = new Map<string, { laoCode: string; fiscalYear: number; figures: YearFigures | null }>();
  for (const change of ctx.figuresChanges) {
    const { laoCode, fiscalYear } = change;
    if (remade(laoCode, fiscalYear)) continue;
    const key = `${laoCode}/${fiscalYear}`;
    // Every change of one year in this transaction was read from the same stored row: start from the first.
    const year =
      kept.get(key) ?? kept.set(key, { laoCode, fiscalYear, figures: change.stored === null ? null : JSON.parse(change.stored) }).get(key)!;
    if (!year.figures) continue;
    for (const report of change.removed) countReport(year.figures, change.dimension, report, -1);
    for (const report of change.added) countReport(year.figures, change.dimension, report, 1);
  }
  const missing = [...kept.values()].filter((y) => !y.figures).map((y) => ({ laoCode: y.laoCode, fiscalYears: [y.fiscalYear] }));
  await refreshFigures(ctx.em, [...locked, ...missing]);
  for (const { laoCode, fiscalYear, figures } of kept.values()) if (figures) await writeKeptFigures(ctx.em, laoCode, fiscalYear, figures);
}

/** Makes every LAO's figures again from scratch: after data was loaded around the mutations (generated data, a migration). */
export async function rebuildFigures(em: EntityManager): Promise<number> {
  const rows = rowsOf(await computeFigures(em, 'all'));
  await em.createQueryBuilder().delete().from(LaoYearFigures).execute();
  await insertChunked(em, rows);
  return rows.length;
}

/**
 * Every maintained row that differs from a fresh computation, missing or left over, in words (empty: all
 * equal). Read in one snapshot (REPEATABLE READ on MySQL/MariaDB; SQLite runs one transaction at a time),
 * so writes committing meanwhile — each with its own figures — never show as a difference.
 */
export async function figureDifferences(db: DataSource): Promise<string[]> {
  return inTransaction(
    db,
    async (em) => {
      const stored = await em.getRepository(LaoYearFigures).find();
      const fresh = new Map(rowsOf(await computeFigures(em, 'all')).map((r) => [`${r.laoCode}/${r.fiscalYear}`, r]));
      const kept = new Map(stored.map((r) => [`${r.laoCode}/${r.fiscalYear}`, r]));
      const differences: string[] = [];
      for (const [key, row] of fresh) {
        const k = kept.get(key);
        if (!k) differences.push(`${key}: missing`);
        else if (!sameRow(k, row)) differences.push(`${key}: ${describe(k, row)}`);
      }
      for (const key of kept.keys()) if (!fresh.has(key)) differences.push(`${key}: left over`);
      return differences;
    },
    { snapshot: true },
  );
}

/** One LAO's figures of a fiscal year (all zero when it has no data for that year). */
export async function storedFigures(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<YearFigures> {
  const row = await ctx.em.getRepository(LaoYearFigures).findOneBy({ laoCode, fiscalYear });
  return row ? (JSON.parse(row.detail) as YearFigures) : emptyFigures();
}

/** One LAO's published figures of a fiscal year (published-figures.entity.ts), by round: the rounds frozen with data. */
export async function publishedFiguresOfLao(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<Map<ReportRound, YearFigures>> {
  const rows = await ctx.em.getRepository(PublishedFigures).findBy({ laoCode, fiscalYear });
  return new Map(rows.map((row) => [row.round, JSON.parse(row.detail) as YearFigures]));
}

/** One LAO's figures of every fiscal year it has data for, by year. */
export async function allStoredFigures(ctx: AppContext, laoCode: string): Promise<Map<number, YearFigures>> {
  const rows = await ctx.em.getRepository(LaoYearFigures).findBy({ laoCode });
  return new Map(rows.map((row) => [row.fiscalYear, JSON.parse(row.detail) as YearFigures]));
}

/** What a score needs of one LAO in one round of a year. */
export interface ScoreFigures {
  done: number;
  inProgress: number;
  denominator: number;
  fromMinimum: boolean;
}

/** The score figures of one LAO's year for a round, from its whole figures. */
export function scoreFiguresOf(f: YearFigures, round: ReportRound): ScoreFigures {
  const total = totalOf(f.rounds[round]);
  return {
    done: total.done,
    inProgress: total.inProgress,
    denominator: scoreDenominator(f.minimumCount, baselineOf(f)),
    fromMinimum: f.minimumCount !== null,
  };
}

/** Which active LAOs to read: every LAO of a province (optionally one district), or the whole country. */
export type LaoScope = { provinceCode: string; districtCode?: string | null } | { all: true };

/**
 * The LAOs in scope that are in the registry in a fiscal year — added in it or before, retired in it or
 * after (the registry is dated: an LAO added in 2570 is not in 2563's table, one retired in 2570 still
 * is) — as a query of `Lao` aliased `l`.
 */
export function laosIn(ctx: AppContext, scope: LaoScope, fiscalYear: number): SelectQueryBuilder<Lao> {
  const qb = ctx.em
    .getRepository(Lao)
    .createQueryBuilder('l')
    .where('(l.first_fiscal_year IS NULL OR l.first_fiscal_year <= :fiscalYear)', { fiscalYear })
    .andWhere('(l.last_fiscal_year IS NULL OR l.last_fiscal_year >= :fiscalYear)');
  if ('provinceCode' in scope) {
    qb.andWhere('l.province_code = :provinceCode', { provinceCode: scope.provinceCode });
    if (scope.districtCode) qb.andWhere('l.district_code = :districtCode', { districtCode: scope.districtCode });
  }
  return qb;
}

/**
 * Which figures a table reads: the maintained ones as they are now (`live`), or those of the round as it
 * was when it closed (`published`: published_figures, what the public pages and open data show).
 */
export type FiguresAsOf = 'live' | 'published';

/** Adds to a query of LAOs (alias `l`) their score figures of a round of a year, as the raw columns `figures` reads. */
function withScoreFigures(qb: SelectQueryBuilder<Lao>, fiscalYear: number, round: ReportRound, asOf: FiguresAsOf): SelectQueryBuilder<Lao> {
  if (asOf === 'published') {
    return qb
      .leftJoin(PublishedFigures, 'f', 'f.lao_code = l.code AND f.fiscal_year = :fiscalYear AND f.round = :round', { fiscalYear, round })
      .addSelect('f.denominator', 'f_denominator')
      .addSelect('f.from_minimum', 'f_from_minimum')
      .addSelect('f.done', 'f_done')
      .addSelect('f.in_progress', 'f_in_progress');
  }
  const six = round === ReportRound.SIX_MONTHS;
  return qb
    .leftJoin(LaoYearFigures, 'f', 'f.lao_code = l.code AND f.fiscal_year = :fiscalYear', { fiscalYear })
    .addSelect('f.denominator', 'f_denominator')
    .addSelect('f.from_minimum', 'f_from_minimum')
    .addSelect(six ? 'f.done_six' : 'f.done_twelve', 'f_done')
    .addSelect(six ? 'f.in_progress_six' : 'f.in_progress_twelve', 'f_in_progress');
}

/** The score figures in a raw row of `withScoreFigures` (null: the LAO has no data that year). */
function figures(raw: Record<string, unknown>): ScoreFigures | null {
  if (raw.f_denominator === null || raw.f_denominator === undefined) return null;
  return {
    done: Number(raw.f_done),
    inProgress: Number(raw.f_in_progress),
    denominator: Number(raw.f_denominator),
    fromMinimum: Boolean(Number(raw.f_from_minimum)),
  };
}

/**
 * The LAOs in scope in the year's registry — their codes and provinces — each with its score figures for a round of a
 * year (null when it has no data for that year): one indexed read of one row per LAO, as plain rows
 * (the country's 7,500 are not made into entities), whatever the number of projects and reports.
 */
export async function storedScores(
  ctx: AppContext,
  scope: LaoScope,
  fiscalYear: number,
  round: ReportRound,
): Promise<Array<{ laoCode: string; provinceCode: string; figures: ScoreFigures | null }>> {
  const qb = withScoreFigures(
    laosIn(ctx, scope, fiscalYear).select('l.code', 'laoCode').addSelect('l.province_code', 'provinceCode'),
    fiscalYear,
    round,
    'live',
  );
  const rows = await qb.getRawMany<Record<string, unknown> & { laoCode: string; provinceCode: string }>();
  return rows.map((r) => ({ laoCode: r.laoCode, provinceCode: r.provinceCode, figures: figures(r) }));
}

/** The created projects an LAO reported in a round, taken out of the maintained figures' JSON by the database (null: no figures). */
const reportedColumn = (round: ReportRound) =>
  `JSON_EXTRACT(f.detail, '$.reportedCreated.${round === ReportRound.SIX_MONTHS ? 'SIX_MONTHS' : 'TWELVE_MONTHS'}')`;

/** One LAO in the year's registry with how far its reports of a round are (the maintained figures; 0 when it has none). */
export interface StoredReporting {
  laoCode: string;
  laoName: string;
  provinceCode: string;
  districtCode: string;
  created: number;
  reported: number;
}

/**
 * The LAOs in scope in the year's registry, each with its created projects and those reported in a round:
 * one indexed read of one row per LAO (the two counts taken out of the maintained figures' JSON by the
 * database, so the country's 7,500 rows are not parsed here).
 */
export async function storedReporting(
  ctx: AppContext,
  scope: LaoScope,
  fiscalYear: number,
  round: ReportRound,
): Promise<StoredReporting[]> {
  const rows = await laosIn(ctx, scope, fiscalYear)
    .select('l.code', 'laoCode')
    .addSelect('l.name', 'laoName')
    .addSelect('l.province_code', 'provinceCode')
    .addSelect('l.district_code', 'districtCode')
    .leftJoin(LaoYearFigures, 'f', 'f.lao_code = l.code AND f.fiscal_year = :fiscalYear', { fiscalYear })
    .addSelect("JSON_EXTRACT(f.detail, '$.created')", 'created')
    .addSelect(reportedColumn(round), 'reported')
    .getRawMany<Omit<StoredReporting, 'created' | 'reported'> & { created: unknown; reported: unknown }>();
  return rows.map((r) => ({ ...r, created: Number(r.created ?? 0), reported: Number(r.reported ?? 0) }));
}

/** One LAO in the year's registry with its place names, its score figures of a round and how many of its projects it reported. */
export interface StoredRoundRow {
  laoCode: string;
  laoName: string;
  provinceCode: string;
  provinceName: string;
  districtCode: string;
  districtName: string;
  /** Null: the LAO has no data that year. */
  figures: ScoreFigures | null;
  /** Created projects with a report of the round. */
  reported: number;
}

/**
 * The LAOs in scope in the year's registry, each with its province's and district's names, its score
 * figures of a round and its reports of it: one statement over the registry, its places and the
 * maintained figures (one row per LAO), as plain rows — how the whole country is read at once.
 */
export async function storedRoundRows(
  ctx: AppContext,
  scope: LaoScope,
  fiscalYear: number,
  round: ReportRound,
  asOf: FiguresAsOf = 'live',
): Promise<StoredRoundRow[]> {
  const qb = laosIn(ctx, scope, fiscalYear)
    .select('l.code', 'laoCode')
    .addSelect('l.name', 'laoName')
    .addSelect('l.province_code', 'provinceCode')
    .addSelect('l.district_code', 'districtCode')
    .leftJoin(Province, 'p', 'p.code = l.province_code')
    .addSelect('p.name', 'provinceName')
    .leftJoin(District, 'd', 'd.code = l.district_code')
    .addSelect('d.name', 'districtName');
  const rows = await withScoreFigures(qb, fiscalYear, round, asOf)
    .addSelect(reportedColumn(round), 'reported')
    .getRawMany<Record<string, unknown> & Omit<StoredRoundRow, 'figures' | 'reported'>>();
  return rows.map((r) => ({
    laoCode: r.laoCode,
    laoName: r.laoName,
    provinceCode: r.provinceCode,
    provinceName: r.provinceName ?? '',
    districtCode: r.districtCode,
    districtName: r.districtName ?? '',
    figures: figures(r),
    reported: Number(r.reported ?? 0),
  }));
}

/** The LAOs in scope in the year's registry as entities, each with its score figures for a round of a year: one statement. */
export async function laosWithScores(
  ctx: AppContext,
  scope: LaoScope,
  fiscalYear: number,
  round: ReportRound,
  asOf: FiguresAsOf = 'live',
): Promise<Array<{ lao: Lao; figures: ScoreFigures | null }>> {
  const { entities, raw } = await withScoreFigures(laosIn(ctx, scope, fiscalYear), fiscalYear, round, asOf).getRawAndEntities();
  const byCode = new Map(raw.map((r: Record<string, unknown>) => [String(r.l_code), figures(r)]));
  return entities.map((lao) => ({ lao, figures: byCode.get(lao.code) ?? null }));
}

function rowOf(laoCode: string, fiscalYear: number, f: YearFigures): LaoYearFigures {
  const six = scoreFiguresOf(f, ReportRound.SIX_MONTHS);
  const twelve = scoreFiguresOf(f, ReportRound.TWELVE_MONTHS);
  return Object.assign(new LaoYearFigures(), {
    laoCode,
    fiscalYear,
    denominator: six.denominator,
    fromMinimum: six.fromMinimum,
    doneSix: six.done,
    inProgressSix: six.inProgress,
    doneTwelve: twelve.done,
    inProgressTwelve: twelve.inProgress,
    detail: JSON.stringify(f),
  });
}

function rowsOf(computed: Map<string, Map<number, YearFigures>>): LaoYearFigures[] {
  return [...computed].flatMap(([laoCode, years]) => [...years].map(([fiscalYear, f]) => rowOf(laoCode, fiscalYear, f)));
}

/** Writes back the figures of one LAO-year changed by a difference (`figureDifferences` checks them like any others). */
async function writeKeptFigures(em: EntityManager, laoCode: string, fiscalYear: number, f: YearFigures): Promise<void> {
  const row = rowOf(laoCode, fiscalYear, f);
  await execute(
    em,
    `UPDATE lao_year_figures SET denominator = ?, from_minimum = ?, done_six = ?, in_progress_six = ?, done_twelve = ?,
       in_progress_twelve = ?, detail = ? WHERE lao_code = ? AND fiscal_year = ?`,
    [
      row.denominator,
      row.fromMinimum,
      row.doneSix,
      row.inProgressSix,
      row.doneTwelve,
      row.inProgressTwelve,
      row.detail,
      laoCode,
      fiscalYear,
    ],
  );
}

/**
 * SQLite takes at most 32,766 parameters a statement: 500 rows of nine columns stay well below. Every
 * column is given, so nothing is read back after the insert.
 */
async function insertChunked(em: EntityManager, rows: LaoYearFigures[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await em
      .createQueryBuilder()
      .insert()
      .into(LaoYearFigures)
      .values(rows.slice(i, i + 500))
      .updateEntity(false)
      .execute();
  }
}

const COLUMNS = ['denominator', 'fromMinimum', 'doneSix', 'inProgressSix', 'doneTwelve', 'inProgressTwelve'] as const;
const sameRow = (a: LaoYearFigures, b: LaoYearFigures) =>
  COLUMNS.every((c) => Number(a[c]) === Number(b[c])) && JSON.stringify(JSON.parse(a.detail)) === b.detail;

/** The figures that differ, as `name stored → computed` (nested ones by path, e.g. rounds.SIX_MONTHS.1.done). */
function describe(stored: LaoYearFigures, computed: LaoYearFigures): string {
  const flat = (value: unknown, prefix = ''): Array<[string, unknown]> =>
    value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k))
      : [[prefix, value]];
  const of = (r: LaoYearFigures) =>
    new Map([...COLUMNS.map((c): [string, unknown] => [c, Number(r[c])]), ...flat(JSON.parse(r.detail), 'detail')]);
  const [a, b] = [of(stored), of(computed)];
  return [...b]
    .filter(([k, v]) => a.get(k) !== v)
    .map(([k, v]) => `${k} ${String(a.get(k))} → ${String(v)}`)
    .join(', ');
}
