import { createHmac, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { In, LessThan, type DataSource } from 'typeorm';
import { retryDelayMs } from '../../core/backoff';
import type { Clock } from '../../core/clock';
import { execute, inTransaction, isMysql, toDbValue } from '../../core/db';
import { DomainError } from '../../core/errors';
import { retryingRaces } from '../../core/transaction';
import { Permission, scopeOf } from '../access/policy';
import { User } from '../account/user.entity';
import { ChangeEvent } from '../audit/change-event.entity';
import { changeNodeOf } from '../change-feed/change-feed.service';
import { sequenceChanges } from '../change-feed/sequencer';
import { DeliveryStatus, Webhook, WebhookDelivery } from './webhook.entity';

/** Attempts before a delivery is marked FAILED (it can still be replayed). */
export const MAX_DELIVERY_ATTEMPTS = 8;
/** How long a worker holds the deliveries it took: longer than one send may take. */
const LEASE_MS = 60_000;
const SEND_TIMEOUT_MS = 10_000;
/** How long one pass waits for its sends before the next pass may start. */
const PASS_WAIT_MS = 2_000;
/** Deliveries one worker takes at a time, and events one webhook fans out per pass. */
const BATCH = 50;
const FAN_OUT = 500;

/**
 * The signature a receiver checks: HMAC-SHA256 with the webhook's secret over `<timestamp>.<body>`, hex,
 * sent as `X-EPlan-Signature: sha256=<hex>` with `X-EPlan-Timestamp` (Unix seconds), so a replayed old
 * body fails a receiver that refuses stale timestamps.
 */
export const signatureOf = (secret: string, timestamp: number, body: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * Turns the change feed into deliveries for one webhook: the events after its cursor, up to `last` (the
 * feed's end when the pass began: every number up to it is given and visible), that it subscribed to and
 * that its owner may read — chosen by the database, so other systems' and other provinces' events cost a
 * webhook nothing however many there are — then the cursor moved on, in one transaction that writes the
 * webhook's row first, so two instances doing it at once run one after the other (on a Galera cluster the
 * second loses at commit and runs again), and a delivery is never made twice (unique per webhook and event).
 */
async function fanOut(db: DataSource, webhookId: number, last: number, now: Date): Promise<number> {
  return retryingRaces(null, 'webhookFanOut', () =>
    inTransaction(db, async (em) => {
      const [row]: Array<{ position: number | string }> = await em.query(
        `SELECT cursor_seq AS position FROM webhook WHERE id = ?${isMysql(db) ? ' FOR UPDATE' : ''}`,
        [webhookId],
      );
      if (!row || Number(row.position) >= last) return 0;
      const webhook = await em.getRepository(Webhook).findOneByOrFail({ id: webhookId });
      const owner = await em.getRepository(User).findOneBy({ id: webhook.ownerId });
      const scope = owner && !owner.disabled ? scopeOf(owner, Permission.READ_LAO) : null;
      let changes: ChangeEvent[] = [];
      if (scope) {
        const query = em
          .getRepository(ChangeEvent)
          .createQueryBuilder('c')
          .where('c.seq > :from AND c.seq <= :last', { from: Number(row.position), last })
          .andWhere('c.event IN (:...events)', { events: webhook.events.split(',') });
        const readable = ['c.provinceCode IS NULL'];
        if (scope.laoCode) readable.push('(c.laoCode = :lao AND c.provinceCode = :province)');
        else if (scope.provinceCode) readable.push('c.provinceCode = :province');
        else readable.push('1 = 1');
        changes = await query
          .andWhere(`(${readable.join(' OR ')})`, { lao: scope.laoCode, province: scope.provinceCode })
          .orderBy('c.seq', 'ASC')
          .limit(FAN_OUT)
          .getMany();
      }
      // An event that already has its delivery (a replayed or hand-made one) keeps it: the fan-out goes on past it.
      const made = changes.length
        ? new Set(
            (
              await em
                .getRepository(WebhookDelivery)
                .find({ select: { seq: true }, where: { webhookId, seq: In(changes.map((c) => c.seq!)) } })
            ).map((d) => d.seq),
          )
        : new Set<number>();
      const fresh = changes.filter((c) => !made.has(c.seq!));
      if (fresh.length) {
        await em.getRepository(WebhookDelivery).insert(
          fresh.map((c) => ({
            webhookId,
            seq: c.seq!,
            event: c.event,
            status: DeliveryStatus.PENDING,
            attempts: 0,
            nextAttemptAt: now,
            createdAt: now,
          })),
        );
      }
      // A full batch may leave more of its events for the next pass; otherwise nothing up to `last` is for it.
      const cursor = changes.length === FAN_OUT ? changes.at(-1)!.seq! : last;
      await execute(em, 'UPDATE webhook SET cursor_seq = ? WHERE id = ?', [cursor, webhookId]);
      return fresh.length;
    }),
  );
}

/**
 * Takes up to BATCH due deliveries for this worker until its lease ends, taking turns between webhooks
 * (each one's oldest, then each one's second…, the webhooks of one turn in random order, so that with more
 * webhooks waiting than a batch holds, none waits behind older ones for ever): a receiver that is down, or far
 * behind, does not hold up the others, and one alone with a backlog gets the whole batch. A webhook whose
 * receiver failed sends nothing until its pause ends, then one delivery (a probe) a pass until one succeeds.
 * Another worker's live lease is left alone.
 */
async function claim(db: DataSource, now: Date): Promise<WebhookDelivery[]> {
  const repo = db.getRepository(WebhookDelivery);
  const free = '(lease_until IS NULL OR lease_until < ?)';
  const at = toDbValue(db, now);
  const candidates: Array<{ id: number }> = await db.query(
    `SELECT id FROM (
       SELECT d.id, w.failures, ROW_NUMBER() OVER (PARTITION BY d.webhook_id ORDER BY d.id) AS turn
       FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
       WHERE d.status = ? AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?)
         AND (w.paused_until IS NULL OR w.paused_until <= ?)
     ) due WHERE turn <= CASE WHEN failures > 0 THEN 1 ELSE ${BATCH} END
     ORDER BY turn, ${isMysql(db) ? 'RAND()' : 'RANDOM()'} LIMIT ${BATCH}`,
    [DeliveryStatus.PENDING, at, at, at],
  );
  if (!candidates.length) return [];
  const lease = randomUUID();
  const until = new Date(now.getTime() + LEASE_MS);
  await retryingRaces(null, 'webhookClaim', () =>
    inTransaction(db, (em) =>
      execute(
        em,
        `UPDATE webhook_delivery SET lease_owner = ?, lease_until = ? WHERE id IN (${candidates.map(() => '?').join(', ')}) AND status = ? AND ${free}`,
        [lease, until, ...candidates.map((c) => c.id), DeliveryStatus.PENDING, now],
      ),
    ),
  );
  return repo.find({ where: { leaseOwner: lease }, order: { id: 'ASC' } });
}

/** Sends one delivery and records the outcome (only while this worker still holds it). */
async function send(db: DataSource, delivery: WebhookDelivery, webhook: Webhook, change: ChangeEvent | undefined, now: () => Date) {
  const timestamp = Math.floor(now().getTime() / 1000);
  const body = JSON.stringify({
    id: String(delivery.seq),
    event: delivery.event,
    deliveryId: String(delivery.id),
    change: change ? changeNodeOf(change) : null,
  });
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(webhook.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'e-PlanNACC-Webhooks/1',
        'x-eplan-event': delivery.event,
        'x-eplan-event-id': String(delivery.seq),
        'x-eplan-delivery': String(delivery.id),
        'x-eplan-timestamp': String(timestamp),
        'x-eplan-signature': signatureOf(webhook.secret, timestamp, body),
      },
      body,
    });
    status = res.status;
    await res.body?.cancel();
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (err) {
    error = String((err as Error).cause ?? (err as Error).message).slice(0, 300);
  }
  const attempts = delivery.attempts + 1;
  const delivered = error === null;
  const at = now();
  await retryingRaces(null, 'webhookOutcome', () =>
    db.getRepository(WebhookDelivery).update(
      { id: delivery.id, leaseOwner: delivery.leaseOwner! },
      {
        attempts,
        status: delivered ? DeliveryStatus.DELIVERED : attempts >= MAX_DELIVERY_ATTEMPTS ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
        lastStatus: status,
        lastError: error,
        deliveredAt: delivered ? at : null,
        nextAttemptAt: delivered ? at : new Date(at.getTime() + retryDelayMs(attempts)),
        leaseOwner: null,
        leaseUntil: null,
      },
    ),
  );
  // The receiver as a whole: a failure pauses the webhook for as long as a delivery's backoff after as many
  // paused passes in a row; a success lifts it (written only when there was one, so a healthy webhook's row stays cold).
  await retryingRaces(null, 'webhookHealth', () =>
    delivered
      ? execute(db.manager, 'UPDATE webhook SET failures = 0, paused_until = NULL WHERE id = ? AND failures > 0', [webhook.id])
      : // The first failure of a batch pauses it; the batch's other failures find it paused and change nothing.
        execute(
          db.manager,
          'UPDATE webhook SET failures = failures + 1, paused_until = ? WHERE id = ? AND (paused_until IS NULL OR paused_until <= ?)',
          [new Date(at.getTime() + retryDelayMs(webhook.failures + 1)), webhook.id, at],
        ),
  ).catch(() => undefined);
}

/**
 * A step that lost its race every time (another worker on the same rows, a webhook being deleted) is
 * left to the next pass: nothing of it was written, and the rest of this pass goes on.
 */
const nextPassIfLost = <T>(step: Promise<T>, instead: T): Promise<T> =>
  step.catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'CONFLICT') return instead;
    throw err;
  });

/**
 * One pass of webhook delivery: number new changes, fan them out to every webhook, then send what is
 * due. Every instance runs it (several at once share the work through leases in the database); a
 * receiver may get an event more than once (after a crash mid-send) and dedupes by its id.
 */
export async function deliverWebhooks(db: DataSource, clock: Clock): Promise<{ queued: number; sent: number }> {
  await sequenceChanges(db);
  let queued = 0;
  // Only the webhooks behind the feed: an idle pass costs two reads, however many webhooks there are.
  const [{ last }]: Array<{ last: number | string }> = await db.query('SELECT last_seq AS last FROM change_sequence WHERE id = 1');
  const behind = await db.getRepository(Webhook).find({ select: { id: true }, where: { cursorSeq: LessThan(Number(last)) } });
  for (const { id } of behind) queued += await nextPassIfLost(fanOut(db, id, Number(last), clock.now()), 0);
  const due = await nextPassIfLost(claim(db, clock.now()), []);
  if (!due.length) return { queued, sent: 0 };
  const webhooks = new Map(
    (await db.getRepository(Webhook).findBy({ id: In([...new Set(due.map((d) => d.webhookId))]) })).map((w) => [w.id, w]),
  );
  const changes = new Map((await db.getRepository(ChangeEvent).findBy({ seq: In(due.map((d) => d.seq)) })).map((c) => [c.seq!, c]));
  // A receiver slower than PASS_WAIT_MS finishes in the background (its lease outlasts the send's time limit),
  // so it does not hold up the next pass's deliveries to others. An outcome that could not be written leaves
  // the lease to run out: the delivery is sent again later (at least once).
  const sends = Promise.all(
    due.map((d) => send(db, d, webhooks.get(d.webhookId)!, changes.get(d.seq), () => clock.now()).catch(() => undefined)),
  );
  await Promise.race([sends, new Promise((resolve) => setTimeout(resolve, PASS_WAIT_MS).unref())]);
  return { queued, sent: due.length };
}

/** Runs `deliverWebhooks` every `everyMs` in this instance until stopped; a failed pass is logged and the next one tries again. */
export function startWebhookWorker(db: DataSource, clock: Clock, log: Logger, everyMs = 2_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverWebhooks(db, clock)
      .catch((err) => log.warn({ err }, 'delivering webhooks failed; trying again'))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
