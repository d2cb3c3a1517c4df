import { isIPv6 } from 'node:net';
import type { Request, Response } from 'express';
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

/** A bucket's count in its current window, as it stood after a take. */
interface BucketState {
  /** 0 when taken, else the seconds until the window ends. */
  wait: number;
  windowStart: number;
  hits: number;
}

/**
 * Takes `amount` from a bucket's allowance in the current fixed window, atomically across instances:
 * one conditional UPDATE takes it (restarting the count when the window is over) only if it fits. When
 * it does not, one read tells a spent window (refused: the common case under a flood, two statements)
 * from a bucket seen for the first time, which is inserted; an insert that loses a race to another
 * instance's is retried as an update. Answers 0 when taken, else the seconds until the window ends.
 */
export async function take(db: DataSource, now: Date, bucket: string, rule: RateRule, amount = 1): Promise<number> {
  return (await takeFromBucket(db, now, bucket, rule, amount, false)).wait;
}

/**
 * take() for work that waits for its turn rather than being refused (LINE pushes): answers 0 and the
 * end of the window it was taken from, or, when it did not fit, the milliseconds until that window ends.
 */
export async function takeOrWait(
  db: DataSource,
  now: Date,
  bucket: string,
  rule: RateRule,
  amount = 1,
): Promise<{ waitMs: number; windowEnd: number }> {
  const state = await takeFromBucket(db, now, bucket, rule, amount, true);
  const windowEnd = state.windowStart + rule.windowMs;
  return { waitMs: state.wait === 0 ? 0 : Math.max(1, windowEnd - now.getTime()), windowEnd };
}

/** Gives back what a take charged for work that then did not happen (a push LINE did not take). */
export const giveBack = (db: DataSource, bucket: string, amount = 1): Promise<number> =>
  executeAlone(db, 'UPDATE rate_limit SET hits = CASE WHEN hits > ? THEN hits - ? ELSE 0 END WHERE bucket = ?', [amount, amount, bucket]);

/** take(), and the bucket's count afterwards: `withState` reads it once more after a take that fitted. */
async function takeFromBucket(
  db: DataSource,
  now: Date,
  bucket: string,
  rule: RateRule,
  amount: number,
  withState: boolean,
): Promise<BucketState> {
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
  const taken = async (): Promise<BucketState> => ({ wait: 0, ...((withState && (await read())) || { windowStart: at, hits: cost }) });

  if ((await update()) === 1) return taken();
  const spent = await read();
  if (spent && spent.windowStart > over && spent.hits + cost > rule.count) return { wait: wait(spent.windowStart), ...spent };
  if (!spent) {
    const inserted = await executeAlone(db, `${insertIgnore(db)} INTO rate_limit (bucket, window_start, hits) VALUES (?, ?, ?)`, [
      bucket,
      at,
      cost,
    ]);
    if (inserted === 1) return { wait: 0, windowStart: at, hits: cost };
  }
  if ((await update()) === 1) return taken();
  const last = (await read()) ?? { windowStart: at, hits: 0 };
  return { wait: wait(last.windowStart), ...last };
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

/**
 * A caller's allowance of query cost in the current window, after the operation at hand was charged:
 * what the `RateLimit-*` headers and the `rateLimit` query answer.
 */
export interface QueryBudget {
  /** The allowance of one window. */
  limit: number;
  /** Spent in the current window, this operation included. */
  used: number;
  remaining: number;
  /** When the current window ends and the allowance is whole again. */
  resetAt: Date;
  /** The window's length, for the `RateLimit-Policy` header. */
  windowSeconds: number;
  /** 0 when the operation was charged; else it was refused, and this is how long to wait. */
  retryAfterSeconds: number;
}

/** The refusal of an operation (or a document) whose cost no longer fits the caller's budget: 429. */
export const costRefusal = (budget: QueryBudget): DomainError =>
  rateLimited('มีการเรียกข้อมูลจากระบบมากเกินกำหนดในช่วงเวลาสั้น ๆ', budget.retryAfterSeconds);

/**
 * Charges a GraphQL operation's cost (or a document's) to its caller — the signed-in account or token,
 * or the client address of a signed-out one — and says what is left; `retryAfterSeconds` > 0 when the
 * cost did not fit (nothing was charged then: the caller answers costRefusal).
 */
export async function spendQueryCost(ctx: AppContext, cost: number): Promise<QueryBudget> {
  const limits = ctx.config.rateLimits;
  const [bucket, rule] = ctx.user ? [`cost:u:${ctx.user.id}`, limits.costPerUser] : [`cost:a:${addressKey(ctx.ip)}`, limits.costPerAddress];
  const state = await takeFromBucket(ctx.db, ctx.clock.now(), bucket, rule, cost, true);
  const used = Math.min(rule.count, state.hits);
  return {
    limit: rule.count,
    used,
    remaining: rule.count - used,
    resetAt: new Date(state.windowStart + rule.windowMs),
    windowSeconds: rule.windowMs / 1000,
    retryAfterSeconds: state.wait,
  };
}

/** Forgets buckets whose window ended long ago (windows last a day at most). */
export function sweepRateLimits(db: DataSource, now: Date): Promise<number> {
  return executeAlone(db, 'DELETE FROM rate_limit WHERE window_start < ?', [now.getTime() - 24 * 3600_000]);
}

/**
 * The caller's budget in the headers of the IETF draft (draft-ietf-httpapi-ratelimit-headers): the
 * allowance of a window, what is left of it, the seconds until it is whole again, and the policy.
 */
export function rateLimitHeaders(budget: QueryBudget, now: Date): Array<[string, string]> {
  return [
    ['RateLimit-Limit', String(budget.limit)],
    ['RateLimit-Remaining', String(budget.remaining)],
    ['RateLimit-Reset', String(Math.max(0, Math.ceil((budget.resetAt.getTime() - now.getTime()) / 1000)))],
    ['RateLimit-Policy', `${budget.limit};w=${budget.windowSeconds}`],
  ];
}

/** spendQueryCost, refused (429) when the cost does not fit. */
export async function chargeQueryCost(ctx: AppContext, cost: number): Promise<QueryBudget> {
  const budget = await spendQueryCost(ctx, cost);
  if (budget.retryAfterSeconds > 0) throw costRefusal(budget);
  return budget;
}

/**
 * Charges the caller's address for a request anyone may make without a session (the public pages, open
 * data, published files) against RATE_LIMIT_PUBLIC_ADDRESS, or answers 429 in Thai with Retry-After
 * (false): no anonymous caller repeating one may cost the database more than its share.
 */
export async function withinPublicLimit(ctx: AppContext, req: Request, res: Response, cost: number): Promise<boolean> {
  const wait = await take(ctx.db, ctx.clock.now(), `public:${addressKey(req.ip ?? null)}`, ctx.config.rateLimits.publicPerAddress, cost);
  if (wait <= 0) return true;
  res.status(429).set('Retry-After', String(wait)).type('text/plain; charset=utf-8').send('มีการเรียกบ่อยเกินกำหนด กรุณาลองใหม่ภายหลัง');
  return false;
}
