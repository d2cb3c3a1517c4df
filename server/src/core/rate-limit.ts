import { isIPv6 } from 'node:net';
import type { DataSource } from 'typeorm';
import type { RateRule } from './config';
import type { AppContext } from './context';
import { insertIgnore } from './db';
import { executeAlone } from './transaction';
import { DomainError } from './errors';
import { sha256 } from './crypto';

/** "4 นาที 59 วินาที" */
export function thaiDuration(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return [minutes ? `${minutes} นาที` : '', seconds ? `${seconds} วินาที` : ''].filter(Boolean).join(' ');
}

/**
 * What a name someone typed (a username, which may be anything) is counted as: a digest, so counters
 * keep no text of a stranger's choosing and every key has the same length.
 */
export const nameKey = (name: string): string => sha256(name.trim().toLowerCase()).slice(0, 32);

/**
 * What a client address is counted as: an IPv4 address as it is, an IPv6 address by its /64 (a
 * subscriber gets a whole /64 and could otherwise rotate through its addresses).
 */
export function addressKey(ip: string | null): string {
  if (!ip) return '-';
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1];
  const address = ip.replace(/%.*$/, '');
  if (!isIPv6(address)) return address.slice(0, 64);
  const [head, tail] = address.split('::');
  const first = head ? head.split(':') : [];
  const last = tail ? tail.split(':') : [];
  const groups = tail === undefined ? first : [...first, ...Array<string>(8 - first.length - last.length).fill('0'), ...last];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Takes `amount` from a bucket's allowance in the current fixed window, atomically across instances:
 * one conditional UPDATE takes it (restarting the count when the window is over) only if it fits. When
 * it does not, one read tells a spent window (refused: the common case under a flood, two statements)
 * from a bucket seen for the first time, which is inserted; an insert that loses a race to another
 * instance's is retried as an update. Answers 0 when taken, else the seconds until the window ends.
 */
export async function take(db: DataSource, now: Date, bucket: string, rule: RateRule, amount = 1): Promise<number> {
  const at = now.getTime();
  const over = at - rule.windowMs;
  const cost = Math.min(amount, rule.count);
  const update = () =>
    executeAlone(
      db,
      `UPDATE rate_limit SET hits = CASE WHEN window_start <= ? THEN ? ELSE hits + ? END,
         window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END
       WHERE bucket = ? AND (window_start <= ? OR hits + ? <= ?)`,
      [over, cost, cost, over, at, bucket, over, cost, rule.count],
    );
  const read = async () => {
    const [row] = await db.query<Array<{ w: string | number; h: string | number }>>(
      'SELECT window_start AS w, hits AS h FROM rate_limit WHERE bucket = ?',
      [bucket],
    );
    return row && { windowStart: Number(row.w), hits: Number(row.h) };
  };
  const wait = (windowStart: number) => Math.max(1, Math.ceil((windowStart + rule.windowMs - at) / 1000));

  if ((await update()) === 1) return 0;
  const spent = await read();
  if (spent && spent.windowStart > over && spent.hits + cost > rule.count) return wait(spent.windowStart);
  if (!spent) {
    const inserted = await executeAlone(db, `${insertIgnore(db)} INTO rate_limit (bucket, window_start, hits) VALUES (?, ?, ?)`, [
      bucket,
      at,
      cost,
    ]);
    if (inserted === 1) return 0;
  }
  if ((await update()) === 1) return 0;
  return wait((await read())?.windowStart ?? at);
}

/**
 * A refusal for now: HTTP 429, Retry-After, and a Thai message that says how long to wait;
 * `extensions.reason` is the message without the wait, for a screen that counts the wait down itself.
 */
export function rateLimited(what: string, retryAfterSeconds: number): DomainError {
  return new DomainError('RATE_LIMITED', `${what} กรุณาลองใหม่ในอีก ${thaiDuration(retryAfterSeconds * 1000)}`, {
    retryAfterSeconds,
    reason: what,
  });
}

export interface RateCheck {
  bucket: string;
  rule: RateRule;
  /** What was done too often, in Thai, for the message. */
  what: string;
  amount?: number;
}

/** Charges each check in turn and refuses (429) at the first whose allowance is spent. */
export async function enforce(ctx: Pick<AppContext, 'db' | 'clock'>, checks: RateCheck[]): Promise<void> {
  for (const check of checks) {
    const wait = await take(ctx.db, ctx.clock.now(), check.bucket, check.rule, check.amount);
    if (wait > 0) throw rateLimited(check.what, wait);
  }
}

/** Charges a GraphQL operation's cost to its caller: the signed-in account, or the client address of a signed-out one. */
export function chargeQueryCost(ctx: AppContext, cost: number): Promise<void> {
  const limits = ctx.config.rateLimits;
  const what = 'มีการเรียกข้อมูลจากระบบมากเกินกำหนดในช่วงเวลาสั้น ๆ';
  return enforce(ctx, [
    ctx.user
      ? { bucket: `cost:u:${ctx.user.id}`, rule: limits.costPerUser, amount: cost, what }
      : { bucket: `cost:a:${addressKey(ctx.ip)}`, rule: limits.costPerAddress, amount: cost, what },
  ]);
}

/** Forgets buckets whose window ended long ago (windows last a day at most). */
export function sweepRateLimits(db: DataSource, now: Date): Promise<number> {
  return executeAlone(db, 'DELETE FROM rate_limit WHERE window_start < ?', [now.getTime() - 24 * 3600_000]);
}
