import type { AppContext } from '../../core/context';
import { badInput, forbidden, notFound } from '../../core/errors';
import { allow, Permission, provinceWithin, scopeOf } from '../access/policy';
import { districtLabel } from '../geography/places';
import { Province } from '../geography/province.entity';
import { ReportRound } from '../plan/report.enums';
import { ProgressReport } from '../progress-report/progress-report.entity';
import { ReportingReopening, ReportingWindow } from '../reporting-window/reporting-window.entity';
import { storedReporting, type LaoScope, type StoredReporting } from '../scoring/figures.store';
import { percentHundredths, reportingRate, toPercent } from '../scoring/scoring';
import type { FollowUpRow, NationalFollowUpRow, ProvinceFollowUp, WorklistRow } from './follow-up.types';

const DAY_MS = 86_400_000;
/** Thailand keeps UTC+7 all year: its calendar day of an instant. */
const thaiDay = (at: Date) => Math.floor((at.getTime() + 7 * 3_600_000) / DAY_MS);

/** Days from `now` to `closesAt` in Thailand's calendar (0 = closes today; negative = closed). */
export const daysUntil = (now: Date, closesAt: Date) => thaiDay(closesAt) - thaiDay(now);

/** Thailand's calendar day of an instant as YYYY-MM-DD (Christian era: a key, not a label). */
export const thaiDayKey = (at: Date) => new Date(thaiDay(at) * DAY_MS).toISOString().slice(0, 10);

/**
 * When a round closes for one LAO: at the end of its reopening when NACC reopened the round for it until
 * later than the round's close, else at the round's close (null: no closing date).
 */
export const laoCloseOf = (closesAt: Date | null, reopenedUntil: Date | null): Date | null =>
  reopenedUntil && (!closesAt || reopenedUntil.getTime() > closesAt.getTime()) ? reopenedUntil : closesAt;
const thai = new Intl.Collator('th');

/** When the round closes for every LAO, and how many of Thailand's calendar days are left until that day. */
async function closingOf(ctx: AppContext, fiscalYear: number, round: ReportRound) {
  const window = await ctx.em.getRepository(ReportingWindow).findOneBy({ fiscalYear, round });
  const closesAt = window?.closesAt ?? null;
  return { closesAt, daysLeft: closesAt ? daysUntil(ctx.clock.now(), closesAt) : null };
}

/** When each LAO in scope last saved a report of the round: one grouped read over the reports' LAO index. */
async function lastReports(ctx: AppContext, scope: LaoScope, fiscalYear: number, round: ReportRound): Promise<Map<string, Date>> {
  const qb = ctx.em
    .getRepository(ProgressReport)
    .createQueryBuilder('r')
    .select('r.lao_code', 'laoCode')
    .addSelect('MAX(r.reported_at)', 'at')
    .where('r.fiscal_year = :fiscalYear AND r.round = :round', { fiscalYear, round })
    .groupBy('r.lao_code');
  if ('provinceCode' in scope) {
    qb.andWhere('r.lao_code IN (SELECT code FROM lao WHERE province_code = :provinceCode)', { provinceCode: scope.provinceCode });
  }
  const rows = await qb.getRawMany<{ laoCode: string; at: Date | string }>();
  // SQLite hands MAX() back as the stored text; MariaDB as a date.
  return new Map(rows.map((r) => [r.laoCode, r.at instanceof Date ? r.at : new Date(`${String(r.at).replace(' ', 'T')}Z`)]));
}

/** An LAO has finished a round when it created projects and reported every one: one with none has not begun. */
const isFinished = (lao: { created: number; reported: number }) => lao.created > 0 && lao.reported >= lao.created;

const rowOf = (
  lao: StoredReporting,
  districtName: string,
  provinceCode: string,
  last: Date | null,
  reopenedUntil: Date | null,
): FollowUpRow => ({
  laoCode: lao.laoCode,
  laoName: lao.laoName,
  districtCode: lao.districtCode,
  districtLabel: districtLabel(provinceCode, districtName),
  created: lao.created,
  reported: lao.reported,
  waiting: Math.max(0, lao.created - lao.reported),
  reportingRate: toPercent(reportingRate(lao.reported, lao.created)),
  lastReportedAt: last,
  reopenedUntil,
});

/**
 * ติดตามการรายงานผล of a province (READ_REVIEWS over it: its office, NACC central): every LAO of the year's
 * registry with what it created, reported and still owes in a round, when it last reported and whether
 * NACC reopened the round for it; optionally one district, or only the LAOs not finished.
 */
export async function provinceFollowUp(
  ctx: AppContext,
  provinceCode: string,
  fiscalYear: number,
  round: ReportRound,
  filter: { districtCode?: string | null; unfinishedOnly?: boolean | null },
): Promise<ProvinceFollowUp> {
  if (!allow(ctx.user, Permission.READ_REVIEWS, { provinceCode })) throw forbidden('ท่านติดตามการรายงานผลได้เฉพาะจังหวัดของท่าน');
  const province = await ctx.loaders.provinceByCode.load(provinceCode);
  if (!province) throw notFound('ไม่พบจังหวัดนี้');
  const scope: LaoScope = { provinceCode, districtCode: filter.districtCode };
  const now = ctx.clock.now();
  const [laos, last, reopenings, closing] = await Promise.all([
    storedReporting(ctx, scope, fiscalYear, round),
    lastReports(ctx, scope, fiscalYear, round),
    ctx.em
      .getRepository(ReportingReopening)
      .createQueryBuilder('o')
      .where('o.fiscal_year = :fiscalYear AND o.round = :round AND o.open_until > :now', { fiscalYear, round, now })
      .andWhere('o.lao_code IN (SELECT code FROM lao WHERE province_code = :provinceCode)', { provinceCode })
      .getMany(),
    closingOf(ctx, fiscalYear, round),
  ]);
  const reopened = new Map(reopenings.map((o) => [o.laoCode, o.openUntil]));
  const districts = await ctx.loaders.districtByCode.loadMany([...new Set(laos.map((l) => l.districtCode))]);
  const districtName = new Map(districts.flatMap((d) => (d && !(d instanceof Error) ? [[d.code, d.name] as const] : [])));
  const all = laos
    .map((lao) =>
      rowOf(lao, districtName.get(lao.districtCode) ?? '', provinceCode, last.get(lao.laoCode) ?? null, reopened.get(lao.laoCode) ?? null),
    )
    .sort((a, b) => thai.compare(a.districtLabel, b.districtLabel) || thai.compare(a.laoName, b.laoName));
  return {
    province,
    fiscalYear,
    round,
    ...closing,
    rows: filter.unfinishedOnly ? all.filter((r) => !isFinished(r)) : all,
    laos: all.length,
    finished: all.filter(isFinished).length,
  };
}

/**
 * The national roll-up of ติดตามการรายงานผล (READ_NATIONAL_SCORES): per province, its LAOs finished and
 * finished on time (last report no later than the round's close), and the reporting rate over its projects.
 */
export async function nationalFollowUp(ctx: AppContext, fiscalYear: number, round: ReportRound): Promise<NationalFollowUpRow[]> {
  if (!allow(ctx.user, Permission.READ_NATIONAL_SCORES)) throw forbidden('ท่านไม่มีสิทธิ์ดูการติดตามการรายงานผลทั้งประเทศ');
  const scope: LaoScope = { all: true };
  const [laos, last, { closesAt }, provinces] = await Promise.all([
    storedReporting(ctx, scope, fiscalYear, round),
    lastReports(ctx, scope, fiscalYear, round),
    closingOf(ctx, fiscalYear, round),
    ctx.em.getRepository(Province).find(),
  ]);
  const totals = new Map(provinces.map((p) => [p.code, { laos: 0, withProjects: 0, finished: 0, onTime: 0, created: 0, reported: 0 }]));
  for (const lao of laos) {
    const t = totals.get(lao.provinceCode);
    if (!t) continue;
    const finished = isFinished(lao);
    const at = last.get(lao.laoCode);
    t.laos += 1;
    t.withProjects += lao.created > 0 ? 1 : 0;
    t.finished += finished ? 1 : 0;
    t.onTime += finished && (!closesAt || (at !== undefined && at.getTime() <= closesAt.getTime())) ? 1 : 0;
    t.created += lao.created;
    t.reported += lao.reported;
  }
  return provinces
    .sort((a, b) => thai.compare(a.name, b.name))
    .map((province) => {
      const t = totals.get(province.code)!;
      return {
        province,
        laos: t.laos,
        finished: t.finished,
        onTime: t.onTime,
        created: t.created,
        reported: t.reported,
        reportingRate: toPercent(reportingRate(t.reported, t.created)),
        onTimeRate: toPercent(percentHundredths(t.onTime, t.withProjects)),
      };
    });
}

/**
 * The worklist of a round (ติดตามการรายงานผล as rows for action): the province table's rows, each with the
 * days left until the round closes for that LAO (its reopening's end when NACC reopened it until later).
 * The province is the caller's own office's when none is named; NACC central names one.
 */
export async function reportingWorklist(
  ctx: AppContext,
  fiscalYear: number,
  round: ReportRound,
  provinceCode: string | null | undefined,
  districtCode: string | null | undefined,
): Promise<WorklistRow[]> {
  const scope = scopeOf(ctx.user, Permission.READ_REVIEWS);
  const province = scope && provinceWithin(scope, provinceCode, () => forbidden('ท่านติดตามการรายงานผลได้เฉพาะจังหวัดของท่าน'));
  if (!province) {
    const message = 'กรุณาเลือกจังหวัด';
    throw badInput([{ field: 'provinceCode', message }], message);
  }
  const table = await provinceFollowUp(ctx, province, fiscalYear, round, { districtCode });
  const now = ctx.clock.now();
  return table.rows.map((row) => {
    const closesAt = laoCloseOf(table.closesAt, row.reopenedUntil);
    return { ...row, daysToClose: closesAt ? daysUntil(now, closesAt) : null };
  });
}
