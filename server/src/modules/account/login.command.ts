import type { AppContext } from '../../core/context';
import { SESSION_TTL_MS } from '../../core/auth';
import { execute, inTransaction } from '../../core/db';
import { verifyPassword } from '../../core/crypto';
import { DomainError, unauthenticated } from '../../core/errors';
import { retryingRaces, runInTransaction } from '../../core/transaction';
import { recordAudit } from '../audit/audit.service';
import type { AuthPayload } from './account.types';
import { issueToken } from './session';
import { User } from './user.entity';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 5 * 60_000;

const WRONG_CREDENTIALS = 'ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง';

/** "4 นาที 59 วินาที" */
export function thaiDuration(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return [minutes ? `${minutes} นาที` : '', seconds ? `${seconds} วินาที` : ''].filter(Boolean).join(' ');
}

function lockedError(lockedUntil: Date, now: Date): DomainError {
  const ms = lockedUntil.getTime() - now.getTime();
  return new DomainError('LOCKED', `บัญชีนี้ถูกล็อกชั่วคราวเนื่องจากกรอกรหัสผ่านผิดครบ ${MAX_FAILED_LOGINS} ครั้ง กรุณาลองใหม่ในอีก ${thaiDuration(ms)}`, {
    lockedUntil: lockedUntil.toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
  });
}

/** Tries of one account racing each other (on a cluster, on several nodes): "try again", never an internal error. */
const busy = () => new DomainError('LOCKED', 'มีการเข้าสู่ระบบด้วยบัญชีนี้พร้อมกันหลายครั้ง กรุณาลองใหม่อีกครั้ง', { retryAfterSeconds: 1 });

/**
 * One statement that commits on its own, queued like any transaction (SQLite shares one connection).
 * On a Galera cluster a try on another node may change the same row first: the statement then fails
 * certification, changed nothing, and runs again on what that try committed.
 */
const autonomous = (ctx: AppContext, sql: string, params: unknown[]) =>
  retryingRaces(ctx.log, 'login', () => inTransaction(ctx.db, (em) => execute(em, sql, params)), busy);

/** How long a try waits for the account's other tries in flight before answering "try again". */
const RESERVE_ATTEMPTS = 40;
const RESERVE_WAIT_MS = 50;

/**
 * Signs a user in (เข้าสู่ระบบ). Five wrong passwords in a row lock the account for five minutes.
 *
 * The count lives in the database, and each try takes one of the five places *before* its password
 * is checked, with one conditional UPDATE: tries racing on any number of server instances can never
 * check more than five wrong passwords. A wrong password keeps its place (the fifth sets the lock); a
 * right one clears the count. A try that finds all five places taken by tries still in flight, with no
 * lock set, waits for them briefly (officers of one LAO often share its account). These writes commit
 * on their own, outside any request transaction, because a failed sign-in must still count.
 */
export async function login(ctx: AppContext, username: string, password: string): Promise<AuthPayload> {
  const users = ctx.db.getRepository(User);
  const user = await users.findOneBy({ username: username.trim() });
  const failed = async (reason: string, userId: number | null) =>
    retryingRaces(
      ctx.log,
      'login',
      () =>
        runInTransaction(ctx, () =>
          recordAudit(ctx, { action: 'loginFailed', targetType: 'User', targetId: userId, after: { username, reason } }),
        ),
      busy,
    );

  if (!user || !user.passwordHash) {
    await verifyPassword(null, password);
    await failed('unknown username', user?.id ?? null);
    throw unauthenticated(WRONG_CREDENTIALS);
  }

  const now = ctx.clock.now();
  // A lock that has run out is over: the count starts again.
  await autonomous(
    ctx,
    'UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ? AND locked_until IS NOT NULL AND locked_until <= ?',
    [user.id, now],
  );
  for (let attempt = 0; ; attempt++) {
    const reserved = await autonomous(
      ctx,
      'UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = ? AND failed_logins < ? AND locked_until IS NULL',
      [user.id, MAX_FAILED_LOGINS],
    );
    if (reserved === 1) break;
    const state = await users.findOneByOrFail({ id: user.id });
    if (state.lockedUntil && state.lockedUntil.getTime() > now.getTime()) {
      await failed('locked', user.id);
      throw lockedError(state.lockedUntil, now);
    }
    if (attempt >= RESERVE_ATTEMPTS) throw busy();
    await new Promise((resolve) => setTimeout(resolve, RESERVE_WAIT_MS));
  }

  if (!(await verifyPassword(user.passwordHash, password))) {
    await autonomous(ctx, 'UPDATE app_user SET locked_until = ? WHERE id = ? AND failed_logins >= ? AND locked_until IS NULL', [
      new Date(now.getTime() + LOCK_MS),
      user.id,
      MAX_FAILED_LOGINS,
    ]);
    const state = await users.findOneByOrFail({ id: user.id });
    await failed('wrong password', user.id);
    if (state.lockedUntil) throw lockedError(state.lockedUntil, now);
    const left = MAX_FAILED_LOGINS - state.failedLogins;
    throw unauthenticated(`${WRONG_CREDENTIALS} (เหลือโอกาสอีก ${left} ครั้ง ก่อนบัญชีจะถูกล็อก ${LOCK_MS / 60_000} นาที)`, {
      remainingAttempts: left,
    });
  }

  if (user.disabled) {
    await autonomous(ctx, 'UPDATE app_user SET failed_logins = 0 WHERE id = ? AND locked_until IS NULL', [user.id]);
    await failed('disabled', user.id);
    throw new DomainError('FORBIDDEN', 'บัญชีผู้ใช้งานนี้ถูกระงับ กรุณาติดต่อผู้ดูแลระบบ');
  }

  const session = await retryingRaces(
    ctx.log,
    'login',
    () =>
      runInTransaction(ctx, async () => {
        // A lock that other tries set while this password was being checked still holds.
        const cleared = await execute(
          ctx.em,
          'UPDATE app_user SET failed_logins = 0, last_login_at = ? WHERE id = ? AND locked_until IS NULL',
          [now, user.id],
        );
        if (cleared !== 1) {
          const state = await ctx.em.getRepository(User).findOneByOrFail({ id: user.id });
          throw lockedError(state.lockedUntil ?? new Date(now.getTime() + LOCK_MS), now);
        }
        const { secret } = await issueToken(ctx, user.id, 'SESSION');
        const signedIn = await ctx.em.getRepository(User).findOneByOrFail({ id: user.id });
        ctx.user = signedIn;
        await recordAudit(ctx, {
          action: 'login',
          targetType: 'User',
          targetId: user.id,
          laoCode: user.laoCode,
          provinceCode: user.provinceCode,
        });
        return { secret, user: signedIn };
      }),
    busy,
  );
  // Only the session that committed goes into the cookie.
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  ctx.cookie.set(session.secret, expiresAt);
  return { token: session.secret, expiresAt, user: session.user };
}
