import type { EntityManager } from 'typeorm';
import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { recordAudit } from '../audit/audit.service';
import { ReportRound } from '../plan/report.enums';
import { ReminderSchedule } from './reminder.entity';

export const DEFAULT_REMINDER_DAYS = [21, 14, 7, 1];
/** The most steps a schedule may have, and the furthest a step may be from the close. */
export const MAX_REMINDER_STEPS = 6;
export const MAX_REMINDER_DAYS = 60;

const parse = (days: string) =>
  days
    .split(',')
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => b - a);

/** The days before a round's close on which LAOs are reminded, largest first (the default while ADMIN set none). */
export async function reminderDays(em: EntityManager, round: ReportRound): Promise<number[]> {
  const row = await em.getRepository(ReminderSchedule).findOneBy({ round });
  return row ? parse(row.days) : DEFAULT_REMINDER_DAYS;
}

/** Both rounds' schedules, as ADMIN reads them. */
export async function reminderSchedules(ctx: AppContext): Promise<Array<{ round: ReportRound; days: number[] }>> {
  return Promise.all(Object.values(ReportRound).map(async (round) => ({ round, days: await reminderDays(ctx.em, round) })));
}

/**
 * ADMIN: the days before the close of a round on which LAOs with waiting projects are reminded (an empty
 * list: no reminders for that round). Whole days 0–60, no repeats, at most six; 0 = on the closing day.
 */
export async function updateReminderSchedule(
  ctx: AppContext,
  round: ReportRound,
  days: number[],
): Promise<{ round: ReportRound; days: number[] }> {
  const refuse = (message: string) => badInput([{ field: 'days', message }], message);
  if (days.length > MAX_REMINDER_STEPS) throw refuse(`กำหนดวันเตือนได้ไม่เกิน ${MAX_REMINDER_STEPS} ครั้งต่อรอบ`);
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > MAX_REMINDER_DAYS)) {
    throw refuse(`จำนวนวันก่อนปิดรอบต้องเป็นจำนวนเต็ม 0–${MAX_REMINDER_DAYS} วัน`);
  }
  if (new Set(days).size !== days.length) throw refuse('จำนวนวันก่อนปิดรอบซ้ำกัน');
  const repo = ctx.em.getRepository(ReminderSchedule);
  const before = await repo.findOneBy({ round });
  const sorted = [...days].sort((a, b) => b - a);
  const after = await repo.save(repo.create({ round, days: sorted.join(','), updatedAt: ctx.clock.now() }));
  await recordAudit(ctx, { action: 'updateReminderSchedule', targetType: 'ReminderSchedule', targetId: round, before, after });
  return { round, days: sorted };
}
