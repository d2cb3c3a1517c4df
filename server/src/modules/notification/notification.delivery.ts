import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { retryDelayMs } from '../../core/backoff';
import type { AppConfig } from '../../core/config';
import { execute, inTransaction, toDbValue } from '../../core/db';
import { retryingRaces } from '../../core/transaction';
import { User } from '../account/user.entity';
import type { Channel, ChannelMessage, Recipient } from './notification.channel';
import { Notification, NotificationChannel, NotificationDelivery, NotificationSetting, NoticeDeliveryStatus } from './notification.entity';

/** Attempts before a delivery is FAILED (the in-app notice stays; ADMIN's delivery log can send it again). */
export const MAX_NOTICE_ATTEMPTS = 8;
/** Deliveries one pass takes. */
const BATCH = 100;
/** Sends of one pass at a time: a mail server or LINE's API is not flooded by a national wave. */
const PARALLEL = 8;
/** The longest one send may take (the SMTP time limit, core/mailer.ts; a channel keeps to it). */
const SEND_LIMIT_MS = 10_000;
/**
 * How long a pass holds the deliveries it took: longer than its worst case — every send of the batch
 * running into its time limit, PARALLEL at a time (≈ 130 s) — so that no other pass takes one while it
 * is still being sent.
 */
export const DELIVERY_LEASE_MS = 2 * Math.ceil(BATCH / PARALLEL) * SEND_LIMIT_MS + 60_000;

/** Takes up to BATCH due deliveries for this pass until its lease ends; another runner's live lease is left alone. */
async function claim(db: DataSource, now: Date): Promise<NotificationDelivery[]> {
  const free = '(lease_until IS NULL OR lease_until < ?)';
  const due: Array<{ id: number }> = await db.query(
    `SELECT id FROM notification_delivery WHERE status = ? AND next_attempt_at <= ? AND ${free} ORDER BY next_attempt_at, id LIMIT ${BATCH}`,
    [NoticeDeliveryStatus.PENDING, toDbValue(db, now), toDbValue(db, now)],
  );
  if (!due.length) return [];
  const lease = randomUUID();
  await retryingRaces(null, 'noticeClaim', () =>
    inTransaction(db, (em) =>
      execute(
        em,
        `UPDATE notification_delivery SET lease_owner = ?, lease_until = ? WHERE id IN (${due.map(() => '?').join(', ')}) AND status = ? AND ${free}`,
        [lease, new Date(now.getTime() + DELIVERY_LEASE_MS), ...due.map((d) => d.id), NoticeDeliveryStatus.PENDING, now],
      ),
    ),
  );
  return db.getRepository(NotificationDelivery).find({ where: { leaseOwner: lease }, order: { id: 'ASC' } });
}

/** Runs `work` over `items`, at most `parallel` at a time. */
async function inTurns<T>(items: T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * One pass of the notices' outbox: the due deliveries sent by their channels, each outcome recorded while
 * this pass still holds it — SENT, or PENDING again after a pause that grows with each failure (core/
 * backoff.ts), FAILED after MAX_NOTICE_ATTEMPTS. A channel this instance does not have (LINE without its
 * token) fails the attempt like a channel that is down. Answers how many were sent and how many failed.
 */
export async function deliverNotices(
  deps: { db: DataSource; config: Pick<AppConfig, 'publicUrl'>; channels: Map<NotificationChannel, Channel> },
  now: () => Date,
): Promise<{ sent: number; failed: number }> {
  const { db } = deps;
  const due = await claim(db, now());
  if (!due.length) return { sent: 0, failed: 0 };
  const notices = new Map(
    (await db.getRepository(Notification).findBy({ id: In([...new Set(due.map((d) => d.notificationId))]) })).map((n) => [n.id, n]),
  );
  const userIds = [...new Set([...notices.values()].map((n) => n.userId))];
  const users = new Map((await db.getRepository(User).findBy({ id: In(userIds) })).map((u) => [u.id, u]));
  const settings = new Map((await db.getRepository(NotificationSetting).findBy({ userId: In(userIds) })).map((s) => [s.userId, s]));
  let sent = 0;
  let failed = 0;
  await inTurns(due, PARALLEL, async (delivery) => {
    const notice = notices.get(delivery.notificationId)!;
    const user = users.get(notice.userId)!;
    const recipient: Recipient = {
      userId: user.id,
      displayName: user.displayName,
      email: user.email,
      lineUserId: settings.get(user.id)?.lineUserId ?? null,
    };
    const message: ChannelMessage = {
      title: notice.title,
      body: notice.body,
      url: notice.link ? new URL(notice.link, deps.config.publicUrl).toString() : null,
    };
    let error: string | null = null;
    try {
      const channel = deps.channels.get(delivery.channel);
      if (!channel) throw new Error(`ช่องทาง ${delivery.channel} ยังไม่ได้ตั้งค่าในระบบ`);
      await channel.send(recipient, message);
    } catch (err) {
      error = String((err as Error).message ?? err).slice(0, 300);
    }
    const attempts = delivery.attempts + 1;
    const at = now();
    if (error === null) sent += 1;
    else failed += 1;
    await retryingRaces(null, 'noticeOutcome', () =>
      db.getRepository(NotificationDelivery).update(
        { id: delivery.id, leaseOwner: delivery.leaseOwner! },
        {
          attempts,
          status:
            error === null
              ? NoticeDeliveryStatus.SENT
              : attempts >= MAX_NOTICE_ATTEMPTS
                ? NoticeDeliveryStatus.FAILED
                : NoticeDeliveryStatus.PENDING,
          lastError: error,
          sentAt: error === null ? at : null,
          nextAttemptAt: error === null ? at : new Date(at.getTime() + retryDelayMs(attempts)),
          leaseOwner: null,
          leaseUntil: null,
        },
      ),
    ).catch(() => undefined); // the lease runs out and the delivery is tried again (at least once)
  });
  return { sent, failed };
}
