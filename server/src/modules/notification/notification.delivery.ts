import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { retryDelayMs } from '../../core/backoff';
import type { AppConfig } from '../../core/config';
import { execute, inTransaction, toDbValue } from '../../core/db';
import { executeAlone, retryingRaces } from '../../core/transaction';
import { User } from '../account/user.entity';
import { ChannelError } from './channel-error';
import type { Channel, ChannelMessage, Recipient } from './notification.channel';
import { Notification, NotificationChannel, NotificationDelivery, NotificationSetting, NoticeDeliveryStatus } from './notification.entity';

/** Attempts before a delivery is FAILED (the in-app notice stays; ADMIN's delivery log can send it again). */
export const MAX_NOTICE_ATTEMPTS = 8;
/** How long a runner holds the deliveries it took: longer than one send may take (the SMTP time limit is 10 s). */
const LEASE_MS = 60_000;
/** Deliveries one pass takes. */
const BATCH = 100;
/** Sends of one pass at a time: a mail server is not flooded by a national wave (LINE's pace is LINE_PUSH_RATE). */
const PARALLEL = 8;
/** How long one run of the delivery job goes on taking batches while deliveries are due (its lease is 2 minutes). */
const RUN_BUDGET_MS = 60_000;

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
        [lease, new Date(now.getTime() + LEASE_MS), ...due.map((d) => d.id), NoticeDeliveryStatus.PENDING, now],
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
 * One run of the notices' outbox: batches of due deliveries (deliverBatch) while a batch was full and
 * RUN_BUDGET_MS lasts — a national wave goes out at the pace of its channels, not one batch per pass of
 * the job runner. Answers how many were sent, failed, and held (quiet hours, a daily cap).
 */
export async function deliverNotices(
  deps: { db: DataSource; config: Pick<AppConfig, 'publicUrl'>; channels: Map<NotificationChannel, Channel> },
  now: () => Date,
): Promise<{ sent: number; failed: number; held: number }> {
  const total = { sent: 0, failed: 0, held: 0 };
  const started = Date.now();
  for (;;) {
    const pass = await deliverBatch(deps, now);
    total.sent += pass.sent;
    total.failed += pass.failed;
    total.held += pass.held;
    if (pass.claimed < BATCH || Date.now() - started > RUN_BUDGET_MS) return total;
  }
}

/**
 * One batch of the notices' outbox: the due deliveries sent by their channels, each outcome recorded while
 * this pass still holds it — SENT; held for later when the channel says so (quiet hours, a daily cap: no
 * attempt spent); PENDING again after a pause that grows with each failure (core/backoff.ts, and not
 * before the channel's Retry-After); FAILED after MAX_NOTICE_ATTEMPTS, or at once when the channel refused
 * the message itself (ChannelError `permanent`). A channel this instance does not have (LINE without its
 * token) fails the attempt like a channel that is down.
 */
async function deliverBatch(
  deps: { db: DataSource; config: Pick<AppConfig, 'publicUrl'>; channels: Map<NotificationChannel, Channel> },
  now: () => Date,
): Promise<{ claimed: number; sent: number; failed: number; held: number }> {
  const { db } = deps;
  const due = await claim(db, now());
  if (!due.length) return { claimed: 0, sent: 0, failed: 0, held: 0 };
  const notices = new Map(
    (await db.getRepository(Notification).findBy({ id: In([...new Set(due.map((d) => d.notificationId))]) })).map((n) => [n.id, n]),
  );
  const userIds = [...new Set([...notices.values()].map((n) => n.userId))];
  const users = new Map((await db.getRepository(User).findBy({ id: In(userIds) })).map((u) => [u.id, u]));
  const settings = new Map((await db.getRepository(NotificationSetting).findBy({ userId: In(userIds) })).map((s) => [s.userId, s]));
  let sent = 0;
  let failed = 0;
  let held = 0;
  const record = (delivery: NotificationDelivery, values: Partial<NotificationDelivery>) =>
    retryingRaces(null, 'noticeOutcome', () =>
      db.getRepository(NotificationDelivery).update({ id: delivery.id, leaseOwner: delivery.leaseOwner! }, { ...values, leaseOwner: null, leaseUntil: null }),
    ).catch(() => undefined); // the lease runs out and the delivery is tried again (at least once)
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
    let permanent = false;
    let notBefore = 0;
    try {
      const channel = deps.channels.get(delivery.channel);
      if (!channel) throw new Error(`ช่องทาง ${delivery.channel} ยังไม่ได้ตั้งค่าในระบบ`);
      const until = channel.holdUntil ? await channel.holdUntil(recipient, now()) : null;
      if (until) {
        held += 1;
        await record(delivery, { nextAttemptAt: until });
        return;
      }
      await channel.send(recipient, message, { id: delivery.id, retryKey: delivery.retryKey ?? (await keepRetryKey(db, delivery)) });
    } catch (err) {
      error = String((err as Error).message ?? err).slice(0, 300);
      if (err instanceof ChannelError) {
        permanent = !!err.options.permanent;
        notBefore = err.options.retryAfterMs ?? 0;
      }
    }
    const attempts = delivery.attempts + 1;
    const at = now();
    if (error === null) sent += 1;
    else failed += 1;
    await record(delivery, {
      attempts,
      status:
        error === null
          ? NoticeDeliveryStatus.SENT
          : permanent || attempts >= MAX_NOTICE_ATTEMPTS
            ? NoticeDeliveryStatus.FAILED
            : NoticeDeliveryStatus.PENDING,
      lastError: error,
      sentAt: error === null ? at : null,
      nextAttemptAt: error === null ? at : new Date(at.getTime() + Math.max(retryDelayMs(attempts), notBefore)),
    });
  });
  return { claimed: due.length, sent, failed, held };
}

/** The retry key of a delivery written without one: made once, kept with it (whoever stores it first wins). */
async function keepRetryKey(db: DataSource, delivery: NotificationDelivery): Promise<string> {
  await executeAlone(db, 'UPDATE notification_delivery SET retry_key = ? WHERE id = ? AND retry_key IS NULL', [randomUUID(), delivery.id]);
  const row = await db.getRepository(NotificationDelivery).findOne({ select: { id: true, retryKey: true }, where: { id: delivery.id } });
  return row!.retryKey!;
}
