import type { ContextDeps } from './core/context';
import type { JobDefinition } from './modules/job/job.runner';
import { DELIVERY_LEASE_MS, deliverNotices } from './modules/notification/notification.delivery';
import { freezeClosedRounds } from './modules/public/publication';
import { sendDeadlineReminders, sendReviewDigest, sendRoundOpenedNotices } from './modules/reminder/reminder.jobs';

const HOUR_MS = 3_600_000;
/** The digest goes at 08:00 in Thailand (01:00 UTC), when offices open. */
const DIGEST_HOUR_UTC = 1;

/** The next 08:00 in Thailand after `now`. */
export function nextDigestTime(now: Date): Date {
  const next = new Date(now);
  next.setUTCHours(DIGEST_HOUR_UTC, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * Every scheduled job of the application (run by modules/job in every instance): the notices' outbox and
 * the freezing of closed rounds' published figures at every pass of the runner, reminders and round-opening notices every hour (each step goes once whenever
 * it runs), the review digest daily.
 */
export function applicationJobs(deps: ContextDeps): JobDefinition[] {
  return [
    {
      name: 'deliverNotices',
      nextRun: (now) => now,
      leaseMs: DELIVERY_LEASE_MS,
      run: async () => {
        const { sent, failed, held } = await deliverNotices(deps, () => deps.clock.now());
        return `ส่งสำเร็จ ${sent} รายการ ส่งไม่สำเร็จ ${failed} รายการ${held ? ` เลื่อนไปส่งภายหลัง ${held} รายการ` : ''}`;
      },
    },
    {
      name: 'freezeClosedRounds',
      nextRun: (now) => now,
      leaseMs: 15 * 60_000,
      run: async (now) => `รอบที่ปิดแล้ว ${await freezeClosedRounds(deps.db, now)} รอบ ตัวเลขที่เผยแพร่คงตามวันปิดรอบ`,
    },
    {
      name: 'deadlineReminders',
      nextRun: (now) => new Date(now.getTime() + HOUR_MS),
      leaseMs: 15 * 60_000,
      run: (now) => sendDeadlineReminders(deps, now),
    },
    {
      name: 'roundOpenedNotices',
      nextRun: (now) => new Date(now.getTime() + HOUR_MS),
      leaseMs: 15 * 60_000,
      run: (now) => sendRoundOpenedNotices(deps, now),
    },
    {
      name: 'reviewDigest',
      nextRun: nextDigestTime,
      firstRun: nextDigestTime,
      leaseMs: 15 * 60_000,
      run: (now) => sendReviewDigest(deps, now),
    },
  ];
}
