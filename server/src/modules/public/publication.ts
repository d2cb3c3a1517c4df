import { registerEnumType } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { fiscalYearOf } from '../../core/fiscal-year';
import { recordAudit } from '../audit/audit.service';
import { ReportRound } from '../plan/report.enums';
import { ReportingReopening, ReportingWindow } from '../reporting-window/reporting-window.entity';
import { roundIsPast, roundStates } from '../reporting-window/reporting-window.service';
import { LaoYearFigures } from '../scoring/lao-year-figures.entity';
import { RoundPublication } from './round-publication.entity';

/**
 * What is published (issue #16), in one place: a round of a fiscal year is published once it is closed
 * for every LAO — NACC's window has closed, or with no window the round is past by the calendar — unless
 * ADMIN withdrew it. Every public page and the open data ask here, so a withdrawn round leaves all of
 * them at once, and comes back to all of them when ADMIN publishes it again.
 */

export enum PublicationState {
  PUBLISHED = 'PUBLISHED',
  NOT_CLOSED = 'NOT_CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PublicationState, {
  name: 'PublicationState',
  description: 'เผยแพร่แล้ว (closed and published) / ยังไม่ปิดรอบ (not closed yet) / ถอนการเผยแพร่ (ADMIN withdrew it)',
});

const ROUNDS = [ReportRound.SIX_MONTHS, ReportRound.TWELVE_MONTHS];

/** The longest reason for a withdrawal (its column). */
export const WITHDRAWAL_REASON_MAX = 500;

const NOT_CLOSED_MESSAGE = 'รอบการรายงานนี้ยังไม่ปิด จึงยังไม่เผยแพร่';
const WITHDRAWN_MESSAGE = 'สำนักงาน ป.ป.ช. ถอนการเผยแพร่รอบการรายงานนี้แล้ว';

/** Whether a round is closed for every LAO at `at`: its window has closed, or with no window it is past by the calendar. */
export function roundClosed(
  at: Date,
  fiscalYear: number,
  round: ReportRound,
  window: Pick<ReportingWindow, 'closesAt'> | null | undefined,
): boolean {
  return window ? !!window.closesAt && window.closesAt.getTime() <= at.getTime() : roundIsPast(fiscalYear, round, fiscalYearOf(at));
}

/** A round's publication as ADMIN's year settings show it. */
export interface RoundPublicationOf {
  fiscalYear: number;
  round: ReportRound;
  state: PublicationState;
  /** Why ADMIN withdrew it (WITHDRAWN only; the reason of publishing it again stays in the audit log). */
  reason: string | null;
  /** When ADMIN last withdrew or published it again (null: never). */
  changedAt: Date | null;
}

function stateOf(
  at: Date,
  fiscalYear: number,
  round: ReportRound,
  window: ReportingWindow | undefined,
  switched: RoundPublication | undefined,
): RoundPublicationOf {
  const withdrawn = switched?.published === false;
  const state = withdrawn
    ? PublicationState.WITHDRAWN
    : roundClosed(at, fiscalYear, round, window)
      ? PublicationState.PUBLISHED
      : PublicationState.NOT_CLOSED;
  return { fiscalYear, round, state, reason: withdrawn ? switched.reason : null, changedAt: switched?.changedAt ?? null };
}

/** Both rounds of these fiscal years with their publication: the years' windows and switches in two reads. */
async function publicationsOf(ctx: AppContext, fiscalYears: number[]): Promise<RoundPublicationOf[]> {
  if (fiscalYears.length === 0) return [];
  const where = fiscalYears.map((fiscalYear) => ({ fiscalYear }));
  const [windows, switches] = await Promise.all([
    ctx.em.getRepository(ReportingWindow).findBy(where),
    ctx.em.getRepository(RoundPublication).findBy(where),
  ]);
  const now = ctx.clock.now();
  const find = <T extends { fiscalYear: number; round: ReportRound }>(list: T[], y: number, r: ReportRound) =>
    list.find((x) => x.fiscalYear === y && x.round === r);
  return fiscalYears.flatMap((y) => ROUNDS.map((r) => stateOf(now, y, r, find(windows, y, r), find(switches, y, r))));
}

/** Both rounds of a fiscal year with their publication (the year settings screen). */
export const roundPublications = (ctx: AppContext, fiscalYear: number): Promise<RoundPublicationOf[]> => publicationsOf(ctx, [fiscalYear]);

/**
 * Refuses (NOT_FOUND, in Thai) a round that is not published — not closed yet, or withdrawn; gives the
 * LAOs NACC has reopened it for, whose scores are withheld until it closes again.
 */
export async function publishedRound(ctx: AppContext, fiscalYear: number, round: ReportRound): Promise<Set<string>> {
  const [publication] = (await roundPublications(ctx, fiscalYear)).filter((p) => p.round === round);
  if (publication.state === PublicationState.WITHDRAWN) throw notFound(WITHDRAWN_MESSAGE);
  if (publication.state === PublicationState.NOT_CLOSED) throw notFound(NOT_CLOSED_MESSAGE);
  const now = ctx.clock.now();
  const reopened = await ctx.em.getRepository(ReportingReopening).findBy({ fiscalYear, round });
  return new Set(reopened.filter((r) => r.openUntil.getTime() > now.getTime()).map((r) => r.laoCode));
}

/**
 * The rounds of an LAO's year that are published for it, with when each closed: closed for that LAO — its
 * window has closed (or, with no window, the round is past by the calendar) and NACC has not reopened it
 * for the LAO — and not withdrawn. A round that is open, not yet open, reopened or withdrawn is not
 * shown, so published figures do not move.
 */
export async function publishedRoundsOfLao(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<Map<ReportRound, Date | null>> {
  const [states, switches] = await Promise.all([
    roundStates(ctx, laoCode, fiscalYear),
    ctx.em.getRepository(RoundPublication).findBy({ fiscalYear, published: false }),
  ]);
  const now = ctx.clock.now();
  const out = new Map<ReportRound, Date | null>();
  for (const round of ROUNDS) {
    const s = states[round];
    const withdrawn = switches.some((x) => x.round === round);
    // A window without an end keeps the round open, which `s.open` says already: only its closing time matters here.
    if (!s.open && !withdrawn && roundClosed(now, fiscalYear, round, s.closesAt ? s : null)) out.set(round, s.closesAt);
  }
  return out;
}

/** The published rounds of the fiscal years any LAO has figures for, latest year first: what /public lists. */
export async function publishedYears(ctx: AppContext): Promise<Array<{ fiscalYear: number; rounds: ReportRound[] }>> {
  const rows = await ctx.em
    .getRepository(LaoYearFigures)
    .createQueryBuilder('f')
    .select('DISTINCT f.fiscal_year', 'fiscalYear')
    .getRawMany<{ fiscalYear: number | string }>();
  const years = rows.map((r) => Number(r.fiscalYear)).sort((a, b) => b - a);
  const published = (await publicationsOf(ctx, years)).filter((p) => p.state === PublicationState.PUBLISHED);
  return years
    .map((fiscalYear) => ({ fiscalYear, rounds: published.filter((p) => p.fiscalYear === fiscalYear).map((p) => p.round) }))
    .filter((y) => y.rounds.length > 0);
}

/**
 * ADMIN: withdraws a round of a fiscal year from publication (a Thai reason required) or publishes it
 * again. Withdrawn, it leaves every public page and the open data at once; published again, it is back on
 * them as soon as it is closed.
 */
export async function setRoundPublication(
  ctx: AppContext,
  fiscalYear: number,
  round: ReportRound,
  published: boolean,
  reason: string | null,
): Promise<RoundPublicationOf> {
  if (!published && !reason) {
    const message = 'กรุณาระบุเหตุผลที่ถอนการเผยแพร่';
    throw badInput([{ field: 'reason', message }], message);
  }
  const repo = ctx.em.getRepository(RoundPublication);
  const before = await repo.findOneBy({ fiscalYear, round });
  const after = await repo.save(repo.create({ fiscalYear, round, published, reason, changedAt: ctx.clock.now() }));
  await recordAudit(ctx, {
    action: published ? 'publishRound' : 'withdrawRound',
    targetType: 'RoundPublication',
    targetId: `${fiscalYear}:${round}`,
    before,
    after,
  });
  const [publication] = (await roundPublications(ctx, fiscalYear)).filter((p) => p.round === round);
  return publication;
}
