import { In, MoreThan, type EntityManager } from 'typeorm';
import { systemContext, type ContextDeps } from '../../core/context';
import { inTransaction } from '../../core/db';
import { retryingRaces } from '../../core/transaction';
import { Role } from '../access/role';
import { daysUntil, laoCloseOf, thaiDayKey } from '../follow-up/follow-up.service';
import { ReportRound } from '../plan/report.enums';
import { PlanStatus } from '../plan/project.enums';
import { ReportingReopening, ReportingWindow } from '../reporting-window/reporting-window.entity';
import { storedReporting } from '../scoring/figures.store';
import { Notification } from '../notification/notification.entity';
import { ReminderSent } from './reminder.entity';
import { recipientsOf, writeNotices, type NoticeDraft } from '../notification/notification.service';
import { deadlineReminder, reviewDigest, roundOpened, type NoticeText } from '../notification/notification.templates';
import { reminderDays } from './reminder-schedule.service';

/** LAOs of one transaction of a wave: the national wave (~7,850 LAOs) is written in batches, each committed on its own. */
const LAO_BATCH = 500;
/** How long after a round opened its notice may still go (a window set long ago notifies no one on a first deploy). */
const OPENED_WITHIN_MS = 7 * 86_400_000;

/** One step of reminders for one LAO: which step, and the notice its officers get. */
interface StepOfLao {
  laoCode: string;
  step: string;
  waiting: number;
  text: NoticeText;
}

/**
 * Sends a step to each LAO that has not had it, in batches: per batch one transaction writes the
 * `reminder_sent` rows (the unique key that makes a step go once per LAO, whatever the instances and
 * restarts) with the notices of the LAOs' officers. A batch that loses a race to another runner fails on
 * that key and runs again, then skipping what the other sent. Answers the notices written.
 */
async function sendSteps(deps: ContextDeps, now: Date, fiscalYear: number, round: ReportRound, steps: StepOfLao[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < steps.length; i += LAO_BATCH) {
    const batch = steps.slice(i, i + LAO_BATCH);
    written += await retryingRaces(null, 'reminderBatch', () =>
      inTransaction(deps.db, async (em) => {
        const sent = await em.getRepository(ReminderSent).find({
          select: { laoCode: true, step: true },
          where: { fiscalYear, round, laoCode: In(batch.map((s) => s.laoCode)), step: In([...new Set(batch.map((s) => s.step))]) },
        });
        const done = new Set(sent.map((s) => `${s.laoCode}|${s.step}`));
        const todo = batch.filter((s) => !done.has(`${s.laoCode}|${s.step}`));
        if (!todo.length) return 0;
        await em
          .getRepository(ReminderSent)
          .insert(todo.map((s) => ({ laoCode: s.laoCode, fiscalYear, round, step: s.step, waiting: s.waiting, sentAt: now })));
        return noticesOf(em, now, fiscalYear, round, todo, deps);
      }),
    );
  }
  return written;
}

async function noticesOf(em: EntityManager, now: Date, fiscalYear: number, round: ReportRound, todo: StepOfLao[], deps: ContextDeps) {
  const byLao = new Map(todo.map((s) => [s.laoCode, s]));
  const recipients = await recipientsOf(em, { role: Role.LAO_OFFICER, laoCodes: [...byLao.keys()] });
  const drafts: NoticeDraft[] = recipients.map((recipient) => {
    const s = byLao.get(recipient.laoCode!)!;
    return { recipient, text: s.text, laoCode: s.laoCode, fiscalYear, round, dedupeKey: `${round}:${fiscalYear}:${s.step}` };
  });
  return writeNotices(em, now, drafts, deps.channels.values());
}

/** The rounds that may need reminders now: a close ahead (the round's, or an LAO's reopening), by fiscal year. */
async function roundsClosingAhead(em: EntityManager, now: Date) {
  const [windows, reopenings] = await Promise.all([
    em.getRepository(ReportingWindow).findBy({ closesAt: MoreThan(now) }),
    em.getRepository(ReportingReopening).findBy({ openUntil: MoreThan(now) }),
  ]);
  const rounds = new Map<string, { fiscalYear: number; round: ReportRound }>();
  for (const r of [...windows, ...reopenings]) rounds.set(`${r.fiscalYear}:${r.round}`, { fiscalYear: r.fiscalYear, round: r.round });
  return [...rounds.values()];
}

/**
 * Reminders before a round closes (the job `deadlineReminders`): to the officers of every LAO that still
 * has projects waiting for a report of the round, on each day of ADMIN's schedule before its close (the
 * round's, or its own reopening's when NACC reopened the round for it until later). The step due is the
 * nearest of the schedule at or above the days left, so a runner that was down on the day sends the
 * missed step late rather than never, and never two steps at once. Waiting counts come from the
 * maintained figures: one read for the whole country.
 */
export async function sendDeadlineReminders(deps: ContextDeps, now: Date): Promise<string> {
  const ctx = systemContext(deps);
  let notices = 0;
  for (const { fiscalYear, round } of await roundsClosingAhead(ctx.em, now)) {
    const days = await reminderDays(ctx.em, round);
    if (!days.length) continue;
    const [window, reopenings, reporting] = await Promise.all([
      ctx.em.getRepository(ReportingWindow).findOneBy({ fiscalYear, round }),
      ctx.em.getRepository(ReportingReopening).findBy({ fiscalYear, round, openUntil: MoreThan(now) }),
      storedReporting(ctx, { all: true }, fiscalYear, round),
    ]);
    if (window?.opensAt && window.opensAt.getTime() > now.getTime()) continue;
    const reopened = new Map(reopenings.map((o) => [o.laoCode, o.openUntil]));
    const steps: StepOfLao[] = [];
    for (const lao of reporting) {
      const waiting = lao.created - lao.reported;
      if (waiting <= 0) continue;
      const closesAt = laoCloseOf(window?.closesAt ?? null, reopened.get(lao.laoCode) ?? null);
      if (!closesAt || closesAt.getTime() <= now.getTime()) continue;
      const daysLeft = daysUntil(now, closesAt);
      const step = days.filter((d) => d >= daysLeft).at(-1);
      if (step === undefined) continue;
      steps.push({
        laoCode: lao.laoCode,
        step: `${step}@${thaiDayKey(closesAt)}`,
        waiting,
        text: deadlineReminder({ fiscalYear, round, waiting, daysLeft, closesAt }),
      });
    }
    notices += await sendSteps(deps, now, fiscalYear, round, steps);
  }
  return notices ? `ส่งการเตือนก่อนปิดรอบ ${notices} รายการ` : 'ไม่มีการเตือนที่ถึงกำหนด';
}

/** Notices that a round opened (the job `roundOpenedNotices`): once to the officers of every LAO of the year's registry. */
export async function sendRoundOpenedNotices(deps: ContextDeps, now: Date): Promise<string> {
  const ctx = systemContext(deps);
  const windows = (await ctx.em.getRepository(ReportingWindow).find()).filter(
    (w) =>
      w.opensAt &&
      w.opensAt.getTime() <= now.getTime() &&
      now.getTime() - w.opensAt.getTime() < OPENED_WITHIN_MS &&
      (!w.closesAt || w.closesAt.getTime() > now.getTime()),
  );
  let notices = 0;
  for (const w of windows) {
    const reporting = await storedReporting(ctx, { all: true }, w.fiscalYear, w.round);
    const text = roundOpened({ fiscalYear: w.fiscalYear, round: w.round, closesAt: w.closesAt });
    const step = `open@${thaiDayKey(w.opensAt!)}`;
    notices += await sendSteps(
      deps,
      now,
      w.fiscalYear,
      w.round,
      reporting.map((lao) => ({ laoCode: lao.laoCode, step, waiting: Math.max(0, lao.created - lao.reported), text })),
    );
  }
  return notices ? `แจ้งเปิดรอบรายงานผล ${notices} รายการ` : 'ไม่มีรอบที่เพิ่งเปิด';
}

/**
 * One digest a day to every province officer whose province has requests waiting for review (the job
 * `reviewDigest`): counts of additions, reductions and baseline requests, two grouped reads for the country.
 */
export async function sendReviewDigest(deps: ContextDeps, now: Date): Promise<string> {
  const { db } = deps;
  const projects: Array<{ province: string; status: string; n: number | string }> = await db.query(
    `SELECT l.province_code AS province, y.plan_status AS status, COUNT(*) AS n
     FROM project_year y JOIN lao l ON l.code = y.lao_code
     WHERE y.plan_status IN (?, ?) GROUP BY l.province_code, y.plan_status`,
    [PlanStatus.ADD_PENDING, PlanStatus.REDUCE_PENDING],
  );
  const baselines: Array<{ province: string; n: number | string }> = await db.query(
    `SELECT l.province_code AS province, COUNT(*) AS n FROM baseline_request r JOIN lao l ON l.code = r.lao_code
     WHERE r.status = 'PENDING' GROUP BY l.province_code`,
  );
  const pending = new Map<string, { additions: number; reductions: number; baselines: number }>();
  const of = (p: string) => pending.get(p) ?? pending.set(p, { additions: 0, reductions: 0, baselines: 0 }).get(p)!;
  for (const r of projects) of(r.province)[r.status === PlanStatus.ADD_PENDING ? 'additions' : 'reductions'] += Number(r.n);
  for (const r of baselines) of(r.province).baselines += Number(r.n);
  if (!pending.size) return 'ไม่มีรายการรอพิจารณา';
  const key = `digest:${thaiDayKey(now)}`;
  const written = await retryingRaces(null, 'reviewDigest', () =>
    inTransaction(db, async (em) => {
      const recipients = await recipientsOf(em, { role: Role.PROVINCE_OFFICER, provinceCodes: [...pending.keys()] });
      const already = new Set(
        (
          await em
            .getRepository(Notification)
            .createQueryBuilder('n')
            .select('n.user_id', 'userId')
            .where('n.dedupe_key = :key', { key })
            .getRawMany<{ userId: number }>()
        ).map((r) => Number(r.userId)),
      );
      return writeNotices(
        em,
        now,
        recipients
          .filter((r) => !already.has(r.userId))
          .map((recipient) => ({ recipient, text: reviewDigest(pending.get(recipient.provinceCode!)!), dedupeKey: key })),
        deps.channels.values(),
      );
    }),
  );
  return written ? `ส่งสรุปรายการรอพิจารณา ${written} ราย` : 'ส่งสรุปของวันนี้แล้ว';
}
