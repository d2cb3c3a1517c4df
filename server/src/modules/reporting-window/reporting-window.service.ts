import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { fiscalYearOf } from '../../core/fiscal-year';
import { recordAudit } from '../audit/audit.service';
import { getReadableLao } from '../lao/lao.service';
import { ReportRound } from '../plan/report.enums';
import { ReportingReopening, ReportingWindow } from './reporting-window.entity';

export interface RoundState {
  open: boolean;
  opensAt: Date | null;
  closesAt: Date | null;
  /** Set when NACC reopened the round for this LAO. */
  reopenedUntil: Date | null;
}

/**
 * Whether a round is over by the calendar, for a year NACC set no window for: the rounds of past fiscal
 * years are — but the twelve months of last year, reported after its year ended. So history stays as
 * it was reported (an LAO cannot rewrite 2563 in 2570) unless NACC sets a window or reopens it.
 */
export const roundIsPast = (fiscalYear: number, round: ReportRound, current: number): boolean =>
  fiscalYear < current - 1 || (fiscalYear === current - 1 && round === ReportRound.SIX_MONTHS);

/**
 * Whether an LAO may save reports of a round now: inside NACC's window for the year and round (no
 * window set: open, but for a round that is past, `roundIsPast`), or while NACC has reopened the round
 * for that LAO. The window lives in the database, so every server instance answers the same.
 */
export async function roundStates(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<Record<ReportRound, RoundState>> {
  const [windows, reopenings] = await Promise.all([
    ctx.em.getRepository(ReportingWindow).findBy({ fiscalYear }),
    ctx.em.getRepository(ReportingReopening).findBy({ laoCode, fiscalYear }),
  ]);
  const state = (round: ReportRound) =>
    roundStateOf(
      ctx.clock.now(),
      fiscalYear,
      round,
      windows.find((x) => x.round === round),
      reopenings.find((x) => x.round === round),
    );
  return { SIX_MONTHS: state(ReportRound.SIX_MONTHS), TWELVE_MONTHS: state(ReportRound.TWELVE_MONTHS) };
}

/** One round's state at `at` (roundStates' rule), from NACC's window of the round and its reopening for the LAO, if any. */
export function roundStateOf(
  at: Date,
  fiscalYear: number,
  round: ReportRound,
  w: Pick<ReportingWindow, 'opensAt' | 'closesAt'> | null | undefined,
  r: Pick<ReportingReopening, 'openUntil'> | null | undefined,
): RoundState {
  const now = at.getTime();
  const inWindow = w
    ? (!w.opensAt || w.opensAt.getTime() <= now) && (!w.closesAt || now < w.closesAt.getTime())
    : !roundIsPast(fiscalYear, round, fiscalYearOf(at));
  const reopened = !!r && now < r.openUntil.getTime();
  return {
    open: inWindow || reopened,
    opensAt: w?.opensAt ?? null,
    closesAt: w?.closesAt ?? null,
    reopenedUntil: reopened ? r.openUntil : null,
  };
}

/** ADMIN: when a round of a fiscal year opens and closes for every LAO (null = no limit on that side). */
export async function setReportingWindow(
  ctx: AppContext,
  fiscalYear: number,
  round: ReportRound,
  opensAt: Date | null,
  closesAt: Date | null,
): Promise<ReportingWindow> {
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) {
    const message = 'วันปิดรอบต้องอยู่หลังวันเปิดรอบ';
    throw badInput([{ field: 'closesAt', message }], message);
  }
  const repo = ctx.em.getRepository(ReportingWindow);
  const before = await repo.findOneBy({ fiscalYear, round });
  const window = await repo.save(repo.create({ fiscalYear, round, opensAt, closesAt }));
  await recordAudit(ctx, {
    action: 'setReportingWindow',
    targetType: 'ReportingWindow',
    targetId: `${fiscalYear}:${round}`,
    before,
    after: window,
  });
  return window;
}

/** ADMIN: reopens a round for one LAO until a time (e.g. after a late request). */
export async function reopenRound(
  ctx: AppContext,
  laoCode: string,
  fiscalYear: number,
  round: ReportRound,
  until: Date,
): Promise<ReportingReopening> {
  const lao = await getReadableLao(ctx, laoCode);
  if (until.getTime() <= ctx.clock.now().getTime()) {
    const message = 'วันที่เปิดให้รายงานถึงต้องเป็นเวลาในอนาคต';
    throw badInput([{ field: 'until', message }], message);
  }
  const repo = ctx.em.getRepository(ReportingReopening);
  const reopening = await repo.save(repo.create({ laoCode, fiscalYear, round, openUntil: until }));
  await recordAudit(ctx, {
    action: 'reopenRound',
    targetType: 'ReportingReopening',
    targetId: `${laoCode}:${fiscalYear}:${round}`,
    laoCode,
    provinceCode: lao.provinceCode,
    after: reopening,
  });
  return reopening;
}

/** ADMIN: the rounds reopened for one LAO that are still open now, latest fiscal year first (what endReopening can end). */
export async function openReopenings(ctx: AppContext, laoCode: string): Promise<ReportingReopening[]> {
  await getReadableLao(ctx, laoCode);
  const now = ctx.clock.now().getTime();
  const all = await ctx.em.getRepository(ReportingReopening).find({ where: { laoCode }, order: { fiscalYear: 'DESC', round: 'ASC' } });
  return all.filter((r) => r.openUntil.getTime() > now);
}

/** ADMIN: ends a reopening before its time (the LAO's round is as NACC's window says again). */
export async function endReopening(ctx: AppContext, laoCode: string, fiscalYear: number, round: ReportRound): Promise<boolean> {
  const lao = await getReadableLao(ctx, laoCode);
  const repo = ctx.em.getRepository(ReportingReopening);
  const before = await repo.findOneBy({ laoCode, fiscalYear, round });
  // Ended now rather than deleted: the reopening's end is what tells the published figures to be made again for the LAO (modules/public).
  const now = ctx.clock.now();
  if (before && before.openUntil.getTime() > now.getTime()) await repo.update({ laoCode, fiscalYear, round }, { openUntil: now });
  await recordAudit(ctx, {
    action: 'endReopening',
    targetType: 'ReportingReopening',
    targetId: `${laoCode}:${fiscalYear}:${round}`,
    laoCode,
    provinceCode: lao.provinceCode,
    before,
  });
  return before !== null;
}
