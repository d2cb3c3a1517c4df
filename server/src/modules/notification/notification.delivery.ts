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
/** Deliveries one pass takes. */
const BATCH = 100;
/** Sends of one channel at a time in a pass, unless the channel says otherwise: a mail server is not flooded by a national wave. */
const PARALLEL = 8;
/** How long one run of the delivery job goes on taking batches while deliveries are due (well within the job's lease). */
const RUN_BUDGET_MS = 60_000;
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
  return db.getRepository(NotificationDelivery).find({ where: { id: In(due.map((d) => d.id)), leaseOwner: lease }, order: { id: 'ASC' } });
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
export async function deliverNotices(deps: DeliveryDeps, now: () => Date): Promise<{ sent: number; failed: number; held: number }> {
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

type DeliveryDeps = { db: DataSource; config: Pick<AppConfig, 'publicUrl'>; channels: Map<NotificationChannel, Channel> };

interface Item {
  delivery: NotificationDelivery;
  recipient: Recipient;
  message: ChannelMessage;
}

/**
 * One batch of the notices' outbox, each channel's deliveries sent by it (at most its `parallel`, else
 * PARALLEL, at a time), every outcome recorded while this pass still holds them: SENT (one statement for
 * the batch); held for later when the channel says so (quiet hours, a daily cap: no attempt spent); PENDING
 * again after a pause that grows with each failure (core/backoff.ts, and not before the channel's
 * Retry-After); FAILED after MAX_NOTICE_ATTEMPTS, or at once when the channel refused the message itself
 * (ChannelError `permanent`). A channel this instance does not have (LINE without its token) fails the
 * attempt like a channel that is down.
 */
async function deliverBatch(deps: DeliveryDeps, now: () => Date): Promise<{ claimed: number; sent: number; failed: number; held: number }> {
  const { db } = deps;
  const due = await claim(db, now());
  if (!due.length) return { claimed: 0, sent: 0, failed: 0, held: 0 };
  const lease = due[0].leaseOwner!;
  const notices = new Map(
    (await db.getRepository(Notification).findBy({ id: In([...new Set(due.map((d) => d.notificationId))]) })).map((n) => [n.id, n]),
  );
  const userIds = [...new Set([...notices.values()].map((n) => n.userId))];
  const users = new Map((await db.getRepository(User).findBy({ id: In(userIds) })).map((u) => [u.id, u]));
  const settings = new Map((await db.getRepository(NotificationSetting).findBy({ userId: In(userIds) })).map((s) => [s.userId, s]));
  const byChannel = new Map<NotificationChannel, Item[]>();
  for (const delivery of due) {
    const notice = notices.get(delivery.notificationId)!;
    const user = users.get(notice.userId)!;
    const item: Item = {
      delivery,
      recipient: {
        userId: user.id,
        displayName: user.displayName,
        email: user.email,
        lineUserId: settings.get(user.id)?.lineUserId ?? null,
      },
      message: {
        title: notice.title,
        body: notice.body,
        url: notice.link ? new URL(notice.link, deps.config.publicUrl).toString() : null,
      },
    };
    byChannel.set(delivery.channel, [...(byChannel.get(delivery.channel) ?? []), item]);
  }

  const sent: number[] = [];
  const held = new Map<number, number[]>();
  let failed = 0;
  const fail = async (delivery: NotificationDelivery, err: unknown) => {
    failed += 1;
    const attempts = delivery.attempts + 1;
    const at = now();
    const permanent = err instanceof ChannelError && !!err.options.permanent;
    const notBefore = err instanceof ChannelError ? (err.options.retryAfterMs ?? 0) : 0;
    await retryingRaces(null, 'noticeOutcome', () =>
      db.getRepository(NotificationDelivery).update(
        { id: delivery.id, leaseOwner: lease },
        {
          attempts,
          status: permanent || attempts >= MAX_NOTICE_ATTEMPTS ? NoticeDeliveryStatus.FAILED : NoticeDeliveryStatus.PENDING,
          lastError: String((err as Error).message ?? err).slice(0, 300),
          sentAt: null,
          nextAttemptAt: new Date(at.getTime() + Math.max(retryDelayMs(attempts), notBefore)),
          leaseOwner: null,
          leaseUntil: null,
        },
      ),
    ).catch(() => undefined); // the lease runs out and the delivery is tried again (at least once)
  };

  await Promise.all(
    [...byChannel].map(async ([name, items]) => {
      const channel = deps.channels.get(name);
      if (!channel) {
        for (const { delivery } of items) await fail(delivery, new Error(`ช่องทาง ${name} ยังไม่ได้ตั้งค่าในระบบ`));
        return;
      }
      let holds: Array<Date | null>;
      try {
        holds = channel.hold
          ? await channel.hold(
              items.map((i) => i.recipient),
              now(),
            )
          : items.map(() => null);
      } catch (err) {
        for (const { delivery } of items) await fail(delivery, err);
        return;
      }
      const go: Item[] = [];
      items.forEach((item, i) => {
        const until = holds[i];
        if (!until) return go.push(item);
        held.set(until.getTime(), [...(held.get(until.getTime()) ?? []), item.delivery.id]);
      });
      await inTurns(go, channel.parallel ?? PARALLEL, async ({ delivery, recipient, message }) => {
        try {
          await channel.send(recipient, message, { id: delivery.id, retryKey: delivery.retryKey ?? (await keepRetryKey(db, delivery)) });
          sent.push(delivery.id);
        } catch (err) {
          await fail(delivery, err);
        }
      });
    }),
  );

  const at = now();
  const release = (set: string, params: unknown[], ids: number[]) =>
    executeAlone(
      db,
      `UPDATE notification_delivery SET ${set}, lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND id IN (${ids.map(() => '?').join(', ')})`,
      [...params, lease, ...ids],
    ).catch(() => undefined); // the lease runs out and they are tried again: a channel with retry keys (LINE) shows them once
  if (sent.length) {
    await release(
      'status = ?, attempts = attempts + 1, last_error = NULL, sent_at = ?, next_attempt_at = ?',
      [NoticeDeliveryStatus.SENT, at, at],
      sent,
    );
  }
  for (const [until, ids] of held) await release('next_attempt_at = ?', [new Date(until)], ids);
  return { claimed: due.length, sent: sent.length, failed, held: [...held.values()].reduce((n, ids) => n + ids.length, 0) };
}

/** The retry key of a delivery written without one: made once, kept with it (whoever stores it first wins). */
async function keepRetryKey(db: DataSource, delivery: NotificationDelivery): Promise<string> {
  await executeAlone(db, 'UPDATE notification_delivery SET retry_key = ? WHERE id = ? AND retry_key IS NULL', [randomUUID(), delivery.id]);
  const row = await db.getRepository(NotificationDelivery).findOne({ select: { id: true, retryKey: true }, where: { id: delivery.id } });
  return row!.retryKey!;
}
