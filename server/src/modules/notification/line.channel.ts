import type { DataSource } from 'typeorm';
import type { LineConfig } from '../../core/config';
import { execute, inTransaction, insertIgnore, isMysql } from '../../core/db';
import { giveBack, takeOrWait } from '../../core/rate-limit';
import { retryingRaces } from '../../core/transaction';
import { ChannelError } from './channel-error';
import type { Channel, ChannelMessage, DeliveryRef, Recipient } from './notification.channel';
import { NotificationChannel } from './notification.entity';

/** Thailand is UTC+7 all year (no daylight saving). */
const BANGKOK_MS = 7 * 3_600_000;
/** LINE's limit on one text message. */
const MAX_TEXT = 5_000;
/** How long one call to LINE's API may take before it counts as failed (and is tried again later). */
const LINE_TIMEOUT_MS = 10_000;
/** The bucket of rate_limit every instance's pushes are counted in (LINE_PUSH_RATE). */
export const PUSH_BUCKET = 'line:push';
/** The parts of LINE_PUSH_RATE's window the allowance is counted in (see reserve). */
const SLICES = 10;
/** Pushes an instance reserves from the shared allowance at a time (fewer statements than one per push). */
const RESERVE = 25;

const hourInBangkok = (at: Date) => new Date(at.getTime() + BANGKOK_MS).getUTCHours();

/** The next instant at `hour`:00 in Thailand after `at`. */
function nextHourInBangkok(at: Date, hour: number): Date {
  const local = new Date(at.getTime() + BANGKOK_MS);
  local.setUTCHours(hour, 0, 0, 0);
  if (local.getTime() <= at.getTime() + BANGKOK_MS) local.setUTCDate(local.getUTCDate() + 1);
  return new Date(local.getTime() - BANGKOK_MS);
}

/** Whether `at` falls in the quiet hours (from 21:00 to 07:00 in Thailand by default). */
export function inQuietHours(quiet: LineConfig['quietHours'], at: Date): boolean {
  if (!quiet) return false;
  const hour = hourInBangkok(at);
  return quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
}

/** `at`, or the end of the quiet hours it falls in. */
export const outsideQuietHours = (quiet: LineConfig['quietHours'], at: Date): Date =>
  quiet && inQuietHours(quiet, at) ? nextHourInBangkok(at, quiet.to) : at;

/** The day in Thailand of an instant, e.g. 2025-04-30: the key of a user's daily cap. */
const bangkokDay = (at: Date) => new Date(at.getTime() + BANGKOK_MS).toISOString().slice(0, 10);

/** The text of a push: title, body and the link into the app, within LINE's limit. */
export function lineText(message: ChannelMessage): string {
  const text = [message.title, message.body, message.url ? `เปิดในระบบ e-PlanNACC: ${message.url}` : ''].filter(Boolean).join('\n\n');
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** The Retry-After of an answer in ms (seconds or an HTTP date), or 0. */
function retryAfterMs(value: string | null): number {
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.min(3_600, seconds)) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.min(3_600_000, at - Date.now()));
}

/**
 * Calls LINE's Messaging API (LINE_API_BASE_URL) with the channel access token: a push to a user, a reply
 * to a webhook event. Resolves when LINE took the message; a retry key LINE already accepted (409) was
 * taken before, and counts as taken. Throws ChannelError: 429 and 5xx to be retried (after Retry-After
 * when given), other 4xx permanent; a network failure or time-out throws to be retried.
 */
export async function callLine(config: LineConfig, path: string, body: unknown, retryKey?: string): Promise<void> {
  const res = await fetch(`${config.apiBaseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${config.accessToken}`,
      'content-type': 'application/json',
      ...(retryKey ? { 'x-line-retry-key': retryKey } : {}),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(LINE_TIMEOUT_MS),
  }).catch((err: Error) => {
    throw new ChannelError(`ติดต่อ LINE ไม่ได้: ${err.name === 'TimeoutError' ? 'หมดเวลารอ' : err.message}`);
  });
  if (res.ok || (res.status === 409 && retryKey)) {
    await res.arrayBuffer().catch(() => undefined);
    return;
  }
  const detail = (await res.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
  const message = `LINE ตอบ HTTP ${res.status}${detail ? `: ${detail}` : ''}`;
  if (res.status === 429 || res.status >= 500)
    throw new ChannelError(message, { retryAfterMs: retryAfterMs(res.headers.get('retry-after')) });
  throw new ChannelError(message, { permanent: true });
}

/**
 * LINE Messaging API push to the LINE user an account linked (LINE_CHANNEL_ACCESS_TOKEN). Pushes wait
 * for the morning during the quiet hours and for the next day beyond a user's daily cap (e-mail is not
 * held); all instances together push at most LINE_PUSH_RATE (rate_limit's `line:push` bucket, in the
 * database), below LINE's 2,000 a second. Every attempt of a delivery carries its retry key, so LINE
 * shows a push that was taken but whose answer was lost once.
 */
export class LineChannel implements Channel {
  readonly name = NotificationChannel.LINE;
  /** Pushes at a time: LINE answers in tens of milliseconds; the pace is the shared allowance's. */
  readonly parallel = 32;
  /** Pushes this instance reserved from the shared allowance and has not used, until the window they are of ends. */
  private reserved = { left: 0, until: 0 };
  private reserving: Promise<void> | null = null;
  /** The cap bucket each user's last push was counted in (holdUntil), to give it back when LINE did not take the push. */
  private counted = new Map<number, string>();

  constructor(
    private readonly db: DataSource,
    private readonly config: LineConfig,
  ) {}

  reaches(recipient: Recipient): boolean {
    return !!recipient.lineUserId;
  }

  /**
   * A batch's pushes: all of them at the end of the quiet hours when it is night in Thailand; else each
   * counted toward its user's cap of the day (LINE_DAILY_CAP) — one transaction for the batch: the
   * users' counts read locked, counted, written back — and held until the next morning beyond it.
   */
  async hold(recipients: Recipient[], now: Date): Promise<Array<Date | null>> {
    const { quietHours, dailyCap } = this.config;
    if (inQuietHours(quietHours, now)) return recipients.map(() => outsideQuietHours(quietHours, now));
    if (!dailyCap) return recipients.map(() => null);
    const day = bangkokDay(now);
    const bucketOf = (r: Recipient) => `line:day:${r.userId}:${day}`;
    const buckets = [...new Set(recipients.map(bucketOf))].sort();
    const list = buckets.map(() => '?').join(', ');
    const allowed = await retryingRaces(null, 'lineCap', () =>
      inTransaction(this.db, async (em) => {
        await execute(
          em,
          `${insertIgnore(this.db)} INTO rate_limit (bucket, window_start, hits) VALUES ${buckets.map(() => '(?, ?, 0)').join(', ')}`,
          buckets.flatMap((b) => [b, now.getTime()]),
        );
        // Read locked (on SQLite the transaction runs alone), counted here, written back in one statement.
        const rows: Array<{ bucket: string; hits: number | string }> = await em.query(
          `SELECT bucket, hits FROM rate_limit WHERE bucket IN (${list}) ORDER BY bucket${isMysql(this.db) ? ' FOR UPDATE' : ''}`,
          buckets,
        );
        const hits = new Map(rows.map((row) => [row.bucket, Number(row.hits)]));
        const taken = new Set<number>();
        recipients.forEach((r, i) => {
          const used = hits.get(bucketOf(r)) ?? dailyCap;
          if (used >= dailyCap) return;
          hits.set(bucketOf(r), used + 1);
          taken.add(i);
        });
        if (taken.size) {
          await execute(
            em,
            `UPDATE rate_limit SET hits = CASE ${buckets.map(() => 'WHEN bucket = ? THEN ?').join(' ')} ELSE hits END WHERE bucket IN (${list})`,
            [...buckets.flatMap((b) => [b, hits.get(b) ?? 0]), ...buckets],
          );
        }
        return taken;
      }),
    );
    const tomorrow = outsideQuietHours(quietHours, nextHourInBangkok(now, 0));
    recipients.forEach((r, i) => allowed.has(i) && this.counted.set(r.userId, bucketOf(r)));
    return recipients.map((_, i) => (allowed.has(i) ? null : tomorrow));
  }

  async send(recipient: Recipient, message: ChannelMessage, delivery: DeliveryRef): Promise<void> {
    if (!recipient.lineUserId) throw new ChannelError('ผู้ใช้ยกเลิกการเชื่อมบัญชี LINE แล้ว', { permanent: true });
    try {
      await this.turn();
      await callLine(
        this.config,
        '/v2/bot/message/push',
        { to: recipient.lineUserId, messages: [{ type: 'text', text: lineText(message) }] },
        delivery.retryKey,
      );
    } catch (err) {
      // Not shown to the user: it does not count toward the day's cap (taken in holdUntil).
      const bucket = this.counted.get(recipient.userId);
      if (bucket) await giveBack(this.db, bucket, 1).catch(() => undefined);
      throw err;
    }
  }

  /** Waits for this push's turn within the allowance all instances share (real time, not the application's clock). */
  private async turn(): Promise<void> {
    for (;;) {
      if (this.reserved.left > 0 && Date.now() < this.reserved.until) {
        this.reserved.left -= 1;
        return;
      }
      this.reserving ??= this.reserve().finally(() => (this.reserving = null));
      await this.reserving;
    }
  }

  /**
   * Takes RESERVE pushes from the shared allowance, or waits until its window ends when it is spent. The
   * allowance is counted in tenths of its window (100 a tenth of a second for 1000/1s): fixed windows let
   * a burst at the end of one and the start of the next meet, so in any one window's time at most 11
   * tenths' worth go — 1,100 a second at most, not 2,000.
   */
  private async reserve(): Promise<void> {
    const { count, windowMs } = this.config.pushRate;
    const rule = { count: Math.max(1, Math.floor(count / SLICES)), windowMs: windowMs / SLICES };
    const amount = Math.min(RESERVE, rule.count);
    const { waitMs, windowEnd } = await takeOrWait(this.db, new Date(), PUSH_BUCKET, rule, amount);
    if (waitMs) await new Promise((resolve) => setTimeout(resolve, waitMs));
    else this.reserved = { left: amount, until: windowEnd };
  }
}
