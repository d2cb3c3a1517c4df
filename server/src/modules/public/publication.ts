import { registerEnumType } from 'type-graphql';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AppContext } from '../../core/context';
import { execute, inTransaction, takeWriteLock } from '../../core/db';
import { retryingRaces } from '../../core/transaction';
import { badInput, notFound } from '../../core/errors';
import { fiscalYearOf } from '../../core/fiscal-year';
import { recordAudit } from '../audit/audit.service';
import { ReportRound } from '../plan/report.enums';
import { ReportingReopening, ReportingWindow } from '../reporting-window/reporting-window.entity';
import { roundIsPast, roundStates } from '../reporting-window/reporting-window.service';
import { LaoYearFigures } from '../scoring/lao-year-figures.entity';
import { PublishedFigures, PublishedRound } from '../scoring/published-figures.entity';
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
  const reopened = await freezeRound(ctx.db, now, fiscalYear, round);
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

/**
 * Published figures never move: once a round is closed, each LAO's figures of it are copied from the
 * maintained ones (published_figures), and every public page and the open data read the copy — a
 * reduction approved, a baseline or a minimum set later in the year changes the LAO's own pages, not what
 * was published. Frozen whole the first time the round is found closed (by the job each pass of the
 * runner, or by the first public read before it); whole again when NACC's window closes later than the
 * last freeze; an LAO NACC reopened the round for (withheld meanwhile) alone, when its reopening has
 * ended. Under the round's write lock, so instances never freeze one round at once. Gives the round's
 * reopenings (read anyway).
 */
export async function freezeRound(db: DataSource, at: Date, fiscalYear: number, round: ReportRound): Promise<ReportingReopening[]> {
  const read = (em: EntityManager) =>
    Promise.all([
      em.getRepository(PublishedRound).findOneBy({ fiscalYear, round }),
      em.getRepository(ReportingWindow).findOneBy({ fiscalYear, round }),
      em.getRepository(ReportingReopening).findBy({ fiscalYear, round }),
    ]);
  /** What is due: nothing (the round is open, or frozen and no reopening has ended since), the whole round, or these LAOs. */
  const due = ([frozen, window, reopenings]: Awaited<ReturnType<typeof read>>): 'whole' | string[] => {
    if (!roundClosed(at, fiscalYear, round, window)) return [];
    if (!frozen || (window?.closesAt && window.closesAt.getTime() > frozen.frozenAt.getTime())) return 'whole';
    const ended = reopenings.filter((r) => r.openUntil.getTime() <= at.getTime() && r.openUntil.getTime() > frozen.frozenAt.getTime());
    return ended.map((r) => r.laoCode);
  };
  const first = await read(db.manager);
  const reopenings = first[2];
  const nothing = (laos: 'whole' | string[]) => laos !== 'whole' && laos.length === 0;
  if (nothing(due(first))) return reopenings;
  // A lost race (a deadlock, a Galera certification failure) runs again, rereading under the lock.
  await retryingRaces(null, 'freezeRound', () =>
    inTransaction(db, async (em) => {
      await takeWriteLock({ em, writeLocks: new Map() }, `publish:${fiscalYear}:${round}`);
      // Again under the lock: another instance may have frozen it, NACC may have reopened it for an LAO meanwhile.
      const now = await read(em);
      const laos = due(now);
      if (nothing(laos)) return;
      const withheld = now[2].filter((r) => r.openUntil.getTime() > at.getTime()).map((r) => r.laoCode);
      await em.getRepository(PublishedFigures).delete(laos === 'whole' ? { fiscalYear, round } : { fiscalYear, round, laoCode: In(laos) });
      const six = round === ReportRound.SIX_MONTHS;
      const only = laos === 'whole' ? '' : ` AND lao_code IN (${laos.map(() => '?').join(', ')})`;
      const except = withheld.length ? ` AND lao_code NOT IN (${withheld.map(() => '?').join(', ')})` : '';
      await execute(
        em,
        `INSERT INTO published_figures (lao_code, fiscal_year, round, denominator, from_minimum, done, in_progress, detail, frozen_at)
         SELECT lao_code, fiscal_year, ?, denominator, from_minimum, ${six ? 'done_six, in_progress_six' : 'done_twelve, in_progress_twelve'}, detail, ?
         FROM lao_year_figures WHERE fiscal_year = ?${only}${except}`,
        [round, at, fiscalYear, ...(laos === 'whole' ? [] : laos), ...withheld],
      );
      await em.getRepository(PublishedRound).save({ fiscalYear, round, frozenAt: at });
    }),
  );
  return reopenings;
}

/** The job's pass (jobs.ts): every round whose window has closed frozen, or frozen again where due (freezeRound). */
export async function freezeClosedRounds(db: DataSource, at: Date): Promise<number> {
  const windows = await db.getRepository(ReportingWindow).find();
  let rounds = 0;
  for (const w of windows) {
    if (!roundClosed(at, w.fiscalYear, w.round, w)) continue;
    await freezeRound(db, at, w.fiscalYear, w.round);
    rounds++;
  }
  return rounds;
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
