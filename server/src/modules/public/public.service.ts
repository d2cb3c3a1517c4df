import type { AppContext } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';
import type { Satang } from '../../core/money';
import { allow, Permission, placeOfLao } from '../access/policy';
import { Province } from '../geography/province.entity';
import { Award, AWARD_KIND_TH, AwardKind } from '../lao/award.entity';
import type { Lao } from '../lao/lao.entity';
import { COUNTED_STATUSES } from '../plan/project.enums';
import { ReportRound } from '../plan/report.enums';
import { Project } from '../project/project.entity';
import { ProjectYear } from '../project/project-year.entity';
import { publishedFiguresOfLao, scoreFiguresOf } from '../scoring/figures.store';
import { roundScore } from '../scoring/lao-summary.service';
import { nationalTable, provinceTable, type ProvinceFigures } from '../scoring/province-scores.service';
import { formatCapped, formatPercent, ImplementationLevel, type Score } from '../scoring/scoring';
import { emptyFigures, plannedTotal, thresholdsFor, totalOf } from '../scoring/year-figures';
import { freezeRound, publishedRound, publishedRoundsOfLao } from './publication';

/** One project of a published plan: what the LAO publishes of it (no note, no person). */
export interface PublicProject {
  no: number;
  name: string;
  dimension: number;
  budget: Satang | null;
  quarters: number[];
}

/** A closed round of an LAO's year as it is published: counts, score, level and its explanation. */
export interface PublicRound {
  round: ReportRound;
  closedAt: Date | null;
  planned: number;
  done: number;
  inProgress: number;
  cannotDo: number;
  waiting: number;
  disbursed: Satang;
  score: Score;
}

/** What /public/lao/<code>/<year> shows: no coordinator, no account, only rounds that are closed. */
export interface PublicLaoYear {
  lao: Pick<Lao, 'code' | 'name' | 'provinceCode' | 'districtCode'>;
  provinceName: string;
  districtName: string;
  fiscalYear: number;
  projects: PublicProject[];
  rounds: PublicRound[];
  /** รางวัลที่ได้รับ of the fiscal year, as the LAO recorded them: the kind in Thai, with the award's name for อื่น ๆ. */
  awards: string[];
}

/** An LAO's published year, read within READ_PUBLISHED (everyone's, with or without a session). */
export async function publicLaoYear(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<PublicLaoYear> {
  const lao = await ctx.loaders.laoByCode.load(laoCode);
  if (!lao) throw notFound('ไม่พบ อปท. รหัสนี้');
  if (!allow(ctx.user, Permission.READ_PUBLISHED, placeOfLao(lao))) throw forbidden('ข้อมูลนี้ไม่ได้เผยแพร่');
  // The rounds published for it, frozen by then (publication.ts), and their figures as they were when each closed.
  const published = await publishedRoundsOfLao(ctx, laoCode, fiscalYear);
  for (const round of published.keys()) await freezeRound(ctx.db, ctx.clock.now(), fiscalYear, round);
  const [frozen, thresholds, province, district, awards] = await Promise.all([
    publishedFiguresOfLao(ctx, laoCode, fiscalYear),
    thresholdsFor(ctx, fiscalYear),
    ctx.loaders.provinceByCode.load(lao.provinceCode),
    ctx.loaders.districtByCode.load(lao.districtCode),
    ctx.em.getRepository(Award).findBy({ laoCode, fiscalYear }),
  ]);
  const projects = await ctx.em
    .getRepository(Project)
    .createQueryBuilder('p')
    .innerJoin(ProjectYear, 'y', 'y.project_id = p.id AND y.fiscal_year = :fiscalYear', { fiscalYear })
    .where('p.lao_code = :laoCode', { laoCode })
    .andWhere('y.plan_status IN (:...counted)', { counted: COUNTED_STATUSES })
    .orderBy('p.seq', 'ASC')
    .getMany();
  const rounds = [...published].map(([round, closedAt]): PublicRound => {
    const f = frozen.get(round) ?? emptyFigures();
    const planned = plannedTotal(f).projects;
    const total = totalOf(f.rounds[round]);
    const s = roundScore(scoreFiguresOf(f, round), round, thresholds);
    return {
      round,
      closedAt,
      planned,
      done: total.done,
      inProgress: total.inProgress,
      cannotDo: total.cannotDo,
      waiting: planned - total.done - total.inProgress - total.cannotDo,
      disbursed: total.disbursed,
      score: { raw: s.raw, capped: s.capped, level: s.level, explanation: s.explanation },
    };
  });
  return {
    lao: { code: lao.code, name: lao.name, provinceCode: lao.provinceCode, districtCode: lao.districtCode },
    provinceName: province?.name ?? '',
    districtName: district?.name ?? '',
    fiscalYear,
    projects: projects.map((p, i) => ({ no: i + 1, name: p.name, dimension: p.dimension, budget: p.budget, quarters: p.quarters })),
    rounds,
    awards: awardsInOrder(awards).map((a) =>
      a.kind === AwardKind.OTHER && a.text ? `${AWARD_KIND_TH.OTHER}: ${a.text}` : AWARD_KIND_TH[a.kind],
    ),
  };
}

const AWARD_ORDER = Object.values(AwardKind);
const awardsInOrder = (awards: Award[]) => [...awards].sort((a, b) => AWARD_ORDER.indexOf(a.kind) - AWARD_ORDER.indexOf(b.kind));

/** A province's table of a round as it is published, or one district's part of it. */
export interface PublicProvinceRound extends ProvinceFigures {
  /** The district the table is of (/public/district/…), null for the whole province. */
  district: { code: string; name: string } | null;
  /** LAOs NACC reopened the round for: listed with no score until it closes again. */
  withheld: Set<string>;
}

/**
 * /public/province/<code>/<year>/<round>: the province table of a published round (closed and not
 * withdrawn), within READ_PUBLISHED; with a district, that district's rows of it and their counts
 * (/public/district/…: the same table, filtered). An LAO the round is reopened for is listed without a
 * score until it closes again, and is not counted by level.
 */
export async function publicProvinceRound(
  ctx: AppContext,
  provinceCode: string,
  fiscalYear: number,
  round: ReportRound,
  district: { code: string; name: string } | null = null,
): Promise<PublicProvinceRound> {
  if (!allow(ctx.user, Permission.READ_PUBLISHED, { provinceCode })) throw forbidden('ข้อมูลนี้ไม่ได้เผยแพร่');
  const withheld = await publishedRound(ctx, fiscalYear, round);
  const table = await provinceTable(ctx, provinceCode, fiscalYear, round, district?.code, 'published');
  const shown = table.rows.filter((r) => !withheld.has(r.lao.code));
  const count = (level: ImplementationLevel) => shown.filter((r) => r.score.level === level).length;
  return {
    ...table,
    high: count(ImplementationLevel.HIGH),
    medium: count(ImplementationLevel.MEDIUM),
    low: count(ImplementationLevel.LOW),
    district,
    withheld,
  };
}

/** /public/district/<code>/<year>/<round>: the district's rows of its province's published table. */
export async function publicDistrictRound(
  ctx: AppContext,
  districtCode: string,
  fiscalYear: number,
  round: ReportRound,
): Promise<PublicProvinceRound> {
  const district = await ctx.loaders.districtByCode.load(districtCode);
  if (!district) throw notFound('ไม่พบอำเภอรหัสนี้');
  return publicProvinceRound(ctx, district.provinceCode, fiscalYear, round, { code: district.code, name: district.name });
}

/** A province's line of the national table: its LAOs, those that reported, and the LAOs by level. */
export interface PublicCounts {
  laos: number;
  /** LAOs with at least one project reported in the round. */
  reporting: number;
  high: number;
  medium: number;
  low: number;
  /** LAOs the round is reopened for: not counted as reporting or by level until it closes again. */
  withheld: number;
}

/** /public/national/<year>/<round>: every province's counts of a published round, and the country's. */
export interface PublicNationalRound {
  fiscalYear: number;
  round: ReportRound;
  provinces: Array<PublicCounts & { province: Province }>;
  total: PublicCounts;
}

const noCounts = (): PublicCounts => ({ laos: 0, reporting: 0, high: 0, medium: 0, low: 0, withheld: 0 });
const thai = new Intl.Collator('th');

/**
 * The national table of a published round: each province's counts as its public table counts them
 * (withheld LAOs apart), and their sum — from one read of the whole country (nationalTable), not a
 * read per province.
 */
export async function publicNationalRound(ctx: AppContext, fiscalYear: number, round: ReportRound): Promise<PublicNationalRound> {
  if (!allow(ctx.user, Permission.READ_PUBLISHED)) throw forbidden('ข้อมูลนี้ไม่ได้เผยแพร่');
  const withheld = await publishedRound(ctx, fiscalYear, round);
  const [rows, provinces] = await Promise.all([nationalTable(ctx, fiscalYear, round, 'published'), ctx.em.getRepository(Province).find()]);
  const byProvince = new Map(provinces.map((province) => [province.code, { province, ...noCounts() }]));
  const total = noCounts();
  for (const row of rows) {
    for (const counts of [byProvince.get(row.provinceCode)!, total]) {
      counts.laos += 1;
      if (withheld.has(row.laoCode)) {
        counts.withheld += 1;
        continue;
      }
      if (row.reported > 0) counts.reporting += 1;
      if (row.score.level === ImplementationLevel.HIGH) counts.high += 1;
      else if (row.score.level === ImplementationLevel.MEDIUM) counts.medium += 1;
      else counts.low += 1;
    }
  }
  return {
    fiscalYear,
    round,
    provinces: [...byProvince.values()].sort((a, b) => thai.compare(a.province.name, b.province.name)),
    total,
  };
}

/** One LAO in the open data of a round: the figures of the province table, and how they were reached. */
export interface OpenDataRow {
  lao_code: string;
  lao_name: string;
  province_code: string;
  province_name: string;
  district_code: string;
  district_name: string;
  fiscal_year: number;
  round: ReportRound;
  done: number | null;
  in_progress: number | null;
  denominator: number | null;
  denominator_kind: 'minimum' | 'baseline' | null;
  score: string | null;
  shown_score: string | null;
  level: ImplementationLevel | null;
  explanation: string | null;
}

/**
 * Every LAO's figures of a published round, province by province (by code), each province's rows those
 * of its published table (publicProvinceRound: the same LAOs, order and scores, nationalTable), a
 * withheld LAO with no figures: one read of the whole country.
 */
export async function openDataRows(ctx: AppContext, fiscalYear: number, round: ReportRound): Promise<OpenDataRow[]> {
  if (!allow(ctx.user, Permission.READ_PUBLISHED)) throw forbidden('ข้อมูลนี้ไม่ได้เผยแพร่');
  const withheld = await publishedRound(ctx, fiscalYear, round);
  return (await nationalTable(ctx, fiscalYear, round, 'published')).map((r) => {
    const shown = !withheld.has(r.laoCode);
    const f = r.figures;
    return {
      lao_code: r.laoCode,
      lao_name: r.laoName,
      province_code: r.provinceCode,
      province_name: r.provinceName,
      district_code: r.districtCode,
      district_name: r.districtName,
      fiscal_year: fiscalYear,
      round,
      done: shown ? (f?.done ?? 0) : null,
      in_progress: shown ? (f?.inProgress ?? 0) : null,
      denominator: shown ? (f?.denominator ?? 0) : null,
      denominator_kind: shown ? (f?.fromMinimum ? 'minimum' : 'baseline') : null,
      score: shown ? formatPercent(r.score.raw) : null,
      shown_score: shown ? formatCapped(r.score) : null,
      level: shown ? r.score.level : null,
      explanation: shown ? r.score.explanation : null,
    };
  });
}
