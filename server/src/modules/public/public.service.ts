import type { AppContext } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';
import { fiscalYearOf } from '../../core/fiscal-year';
import type { Satang } from '../../core/money';
import { allow, Permission, placeOfLao } from '../access/policy';
import type { Lao } from '../lao/lao.entity';
import { COUNTED_STATUSES } from '../plan/project.enums';
import { ReportRound } from '../plan/report.enums';
import { Project } from '../project/project.entity';
import { ProjectYear } from '../project/project-year.entity';
import { roundIsPast, roundStates } from '../reporting-window/reporting-window.service';
import { laosWithScores, scoreFiguresOf, storedFigures } from '../scoring/figures.store';
import { roundScore } from '../scoring/lao-summary.service';
import { formatCapped, formatPercent, ImplementationLevel, type Score } from '../scoring/scoring';
import { Province } from '../geography/province.entity';
import { provinceTable, type ProvinceFigures } from '../scoring/province-scores.service';
import { ReportingReopening, ReportingWindow } from '../reporting-window/reporting-window.entity';
import { plannedTotal, thresholdsFor, totalOf } from '../scoring/year-figures';

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
}

/**
 * Whether a round of an LAO's year is published: closed for that LAO — its window has closed (or, with
 * no window, the round is past by the calendar) and NACC has not reopened it for the LAO. A round that
 * is open, not yet open, or reopened is not shown, so published figures do not move.
 */
export async function publishedRounds(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<Map<ReportRound, Date | null>> {
  const states = await roundStates(ctx, laoCode, fiscalYear);
  const now = ctx.clock.now();
  const current = fiscalYearOf(now);
  const out = new Map<ReportRound, Date | null>();
  for (const round of [ReportRound.SIX_MONTHS, ReportRound.TWELVE_MONTHS]) {
    const s = states[round];
    const closed = s.closesAt ? s.closesAt.getTime() <= now.getTime() : roundIsPast(fiscalYear, round, current);
    if (!s.open && closed) out.set(round, s.closesAt);
  }
  return out;
}

/** An LAO's published year, read within READ_PUBLISHED (everyone's, with or without a session). */
export async function publicLaoYear(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<PublicLaoYear> {
  const lao = await ctx.loaders.laoByCode.load(laoCode);
  if (!lao) throw notFound('ไม่พบ อปท. รหัสนี้');
  if (!allow(ctx.user, Permission.READ_PUBLISHED, placeOfLao(lao))) throw forbidden('ข้อมูลนี้ไม่ได้เผยแพร่');
  const [f, thresholds, published, province, district] = await Promise.all([
    storedFigures(ctx, laoCode, fiscalYear),
    thresholdsFor(ctx, fiscalYear),
    publishedRounds(ctx, laoCode, fiscalYear),
    ctx.loaders.provinceByCode.load(lao.provinceCode),
    ctx.loaders.districtByCode.load(lao.districtCode),
  ]);
  const projects = await ctx.em
    .getRepository(Project)
    .createQueryBuilder('p')
    .innerJoin(ProjectYear, 'y', 'y.project_id = p.id AND y.fiscal_year = :fiscalYear', { fiscalYear })
    .where('p.lao_code = :laoCode', { laoCode })
    .andWhere('y.plan_status IN (:...counted)', { counted: COUNTED_STATUSES })
    .orderBy('p.seq', 'ASC')
    .getMany();
  const planned = plannedTotal(f).projects;
  const rounds = [...published].map(([round, closedAt]): PublicRound => {
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
  };
}

/**
 * Refuses a round that is not closed for every LAO (its window has closed, or with no window it is past);
 * gives the LAOs NACC has reopened it for, whose scores are withheld until it closes again.
 */
export async function publishedRound(ctx: AppContext, fiscalYear: number, round: ReportRound): Promise<Set<string>> {
  const now = ctx.clock.now();
  const window = await ctx.em.getRepository(ReportingWindow).findOneBy({ fiscalYear, round });
  const closed = window
    ? !!window.closesAt && window.closesAt.getTime() <= now.getTime()
    : roundIsPast(fiscalYear, round, fiscalYearOf(now));
  if (!closed) throw notFound('รอบการรายงานนี้ยังไม่ปิด จึงยังไม่เผยแพร่');
  const reopened = await ctx.em.getRepository(ReportingReopening).findBy({ fiscalYear, round });
  return new Set(reopened.filter((r) => r.openUntil.getTime() > now.getTime()).map((r) => r.laoCode));
}

/** A province's table of a round as it is published; `withheld`: LAOs NACC reopened the round for (no score shown yet). */
export interface PublicProvinceRound extends ProvinceFigures {
  withheld: Set<string>;
}

/**
 * /public/province/<code>/<year>/<round>: the province table of a round that is closed (its window has
 * closed, or with no window it is past), within READ_PUBLISHED. An LAO the round is reopened for is
 * listed without a score until it closes again, and is not counted by level.
 */
export async function publicProvinceRound(
  ctx: AppContext,
  provinceCode: string,
  fiscalYear: number,
  round: ReportRound,
): Promise<PublicProvinceRound> {
  if (!allow(ctx.user, Permission.READ_PUBLISHED, { provinceCode })) throw forbidden('ข้อมูลนี้ไม่ได้เผยแพร่');
  const withheld = await publishedRound(ctx, fiscalYear, round);
  const table = await provinceTable(ctx, provinceCode, fiscalYear, round);
  const shown = table.rows.filter((r) => !withheld.has(r.lao.code));
  const count = (level: ImplementationLevel) => shown.filter((r) => r.score.level === level).length;
  return {
    ...table,
    high: count(ImplementationLevel.HIGH),
    medium: count(ImplementationLevel.MEDIUM),
    low: count(ImplementationLevel.LOW),
    withheld,
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
 * Every LAO's figures of a closed round, province by province, each province's rows those of its
 * published table (publicProvinceRound), a withheld LAO with no figures.
 */
export async function openDataRows(ctx: AppContext, fiscalYear: number, round: ReportRound): Promise<OpenDataRow[]> {
  if (!allow(ctx.user, Permission.READ_PUBLISHED)) throw forbidden('ข้อมูลนี้ไม่ได้เผยแพร่');
  await publishedRound(ctx, fiscalYear, round);
  const provinces = (await ctx.em.getRepository(Province).find()).sort((a, b) => a.code.localeCompare(b.code));
  const out: OpenDataRow[] = [];
  for (const province of provinces) {
    const table = await publicProvinceRound(ctx, province.code, fiscalYear, round);
    const figures = new Map(
      (await laosWithScores(ctx, { provinceCode: province.code }, fiscalYear, round)).map((x) => [x.lao.code, x.figures]),
    );
    for (const r of table.rows) {
      const f = figures.get(r.lao.code);
      const shown = !table.withheld.has(r.lao.code);
      out.push({
        lao_code: r.lao.code,
        lao_name: r.lao.name,
        province_code: province.code,
        province_name: province.name,
        district_code: r.lao.districtCode,
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
      });
    }
  }
  return out;
}
