import type { DataSource, EntityManager } from 'typeorm';
import type { AppContext } from '../../core/context';
import { SESSION_TTL_MS } from './authentication';
import { execute, insertIgnore } from '../../core/db';
import { verifyPassword } from '../../core/crypto';
import { DomainError, unauthenticated } from '../../core/errors';
import { addressKey, enforce, nameKey, thaiDuration } from '../../core/rate-limit';
import { executeAlone, retryingRaces, runInTransaction } from '../../core/transaction';
import { recordAudit } from '../audit/audit.service';
import type { AuthPayload } from './account.types';
import { DEVICE_TTL_MS, deviceKey, trustDevice, trustedNonce } from './device-cookie';
import { LoginLock } from './login-lock.entity';
import { issueToken } from './session';
import { User } from './user.entity';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 5 * 60_000;

const WRONG_CREDENTIALS = 'ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง';

function lockedError(lockedUntil: Date, now: Date): DomainError {
  const ms = lockedUntil.getTime() - now.getTime();
  const reason = `บัญชีนี้ถูกล็อกชั่วคราวเนื่องจากกรอกรหัสผ่านผิดครบ ${MAX_FAILED_LOGINS} ครั้ง`;
  return new DomainError('LOCKED', `${reason} กรุณาลองใหม่ในอีก ${thaiDuration(ms)}`, {
    reason,
    lockedUntil: lockedUntil.toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
  });
}

/**
 * A lockout unit: where the wrong passwords in a row of some tries, and their lock, are counted. An
 * account's own unit (on app_user) takes the tries from browsers not trusted for it; a browser trusted
 * by its device cookie has a unit of its own, and so has a username that names no account, so that
 * it answers exactly like one that does (login_lock, same columns: the statements below serve both).
 */
interface LockUnit {
  table: 'app_user' | 'login_lock';
  column: 'id' | 'unit';
  key: number | string;
}

const accountUnit = (userId: number): LockUnit => ({ table: 'app_user', column: 'id', key: userId });
const deviceUnit = (userId: number, nonce: string): LockUnit => ({ table: 'login_lock', column: 'unit', key: `d:${userId}:${nonce}` });
const nobodyUnit = (username: string): LockUnit => ({ table: 'login_lock', column: 'unit', key: `u:${nameKey(username)}` });

async function unitState(ctx: AppContext, unit: LockUnit): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
  return unit.table === 'app_user'
    ? ctx.db.getRepository(User).findOneByOrFail({ id: unit.key as number })
    : ctx.db.getRepository(LoginLock).findOneByOrFail({ unit: unit.key as string });
}

/** Tries of one unit racing each other (on a cluster, on several nodes): "try again", never an internal error. */
const busy = () => new DomainError('LOCKED', 'มีการเข้าสู่ระบบด้วยบัญชีนี้พร้อมกันหลายครั้ง กรุณาลองใหม่อีกครั้ง', { retryAfterSeconds: 1 });

/**
 * One statement of a try that commits on its own. On a Galera cluster a try on another node may change
 * the same row first: the statement then fails certification, changed nothing, and runs again.
 */
const alone = (ctx: AppContext, sql: string, params: unknown[]) => executeAlone(ctx.db, sql, params, busy);

/** How long a try waits for the unit's other tries in flight before answering "try again". */
const RESERVE_ATTEMPTS = 40;
const RESERVE_WAIT_MS = 50;

/**
 * Signs a user in (เข้าสู่ระบบ). Five wrong passwords in a row lock a lockout unit for five minutes.
 *
 * Rate limits come first (per client address; per username for tries from browsers not trusted for
 * the account, so strangers cannot spend the owner's allowance either): a refused try costs no
 * password check and writes no audit row. Then the count lives in the database, and each try takes one
 * of the unit's five places *before* its password is checked, with one conditional UPDATE: tries racing
 * on any number of server instances can never check more than five wrong passwords per unit. A wrong
 * password keeps its place (the fifth sets the lock); a right one clears the count. A try that finds
 * all five places taken by tries still in flight, with no lock set, waits for them briefly (officers of
 * one LAO often share its account). These writes commit on their own, outside any request transaction,
 * because a failed sign-in must still count. An unknown username goes through the same steps, with a
 * decoy password check, and gets the same answers.
 */
export async function login(ctx: AppContext, username: string, password: string): Promise<AuthPayload> {
  const name = username.trim();
  const limits = ctx.config.rateLimits;
  await enforce(ctx, [
    { bucket: `login:a:${addressKey(ctx.ip)}`, rule: limits.loginPerAddress, what: 'มีการเข้าสู่ระบบจากเครือข่ายนี้บ่อยเกินกำหนด' },
  ]);
  const found = await ctx.db.getRepository(User).findOneBy({ username: name });
  const account = found?.passwordHash ? found : null;
  const key = await deviceKey(ctx.db);
  const nonce = account ? trustedNonce(ctx.cookie.device, account.id, key) : null;
  if (nonce === null) {
    await enforce(ctx, [
      {
        bucket: `login:n:${nameKey(name)}`,
        rule: limits.loginPerAccount,
        what: 'มีการพยายามเข้าสู่ระบบด้วยชื่อผู้ใช้งานนี้บ่อยเกินกำหนด',
      },
    ]);
  }
  const unit = account && nonce ? deviceUnit(account.id, nonce) : account ? accountUnit(account.id) : nobodyUnit(name);
  const failed = async (reason: string) =>
    retryingRaces(
      ctx.log,
      'login',
      () =>
        runInTransaction(ctx, () =>
          recordAudit(ctx, {
            action: 'loginFailed',
            targetType: 'User',
            targetId: found?.id ?? null,
            after: { username, reason, trustedBrowser: nonce !== null },
          }),
        ),
      busy,
    );

  const now = ctx.clock.now();
  if (unit.table === 'login_lock') {
    await alone(ctx, `${insertIgnore(ctx.db)} INTO login_lock (unit, failed_logins, locked_until) VALUES (?, 0, NULL)`, [unit.key]);
  }
  // A lock that has run out is over: the count starts again.
  await alone(
    ctx,
    `UPDATE ${unit.table} SET failed_logins = 0, locked_until = NULL WHERE ${unit.column} = ? AND locked_until IS NOT NULL AND locked_until <= ?`,
    [unit.key, now],
  );
  for (let attempt = 0; ; attempt++) {
    const reserved = await alone(
      ctx,
      `UPDATE ${unit.table} SET failed_logins = failed_logins + 1 WHERE ${unit.column} = ? AND failed_logins < ? AND locked_until IS NULL`,
      [unit.key, MAX_FAILED_LOGINS],
    );
    if (reserved === 1) break;
    const state = await unitState(ctx, unit);
    if (state.lockedUntil && state.lockedUntil.getTime() > now.getTime()) {
      await failed('locked');
      throw lockedError(state.lockedUntil, now);
    }
    if (attempt >= RESERVE_ATTEMPTS) {
      throw busy();
    }
    await new Promise((resolve) => setTimeout(resolve, RESERVE_WAIT_MS));
  }

  // No account: a decoy check, so that both answers take as long.
  const right = await verifyPassword(account?.passwordHash ?? null, password);
  if (!account || !right) {
    await alone(ctx, `UPDATE ${unit.table} SET locked_until = ? WHERE ${unit.column} = ? AND failed_logins >= ? AND locked_until IS NULL`, [
      new Date(now.getTime() + LOCK_MS),
      unit.key,
      MAX_FAILED_LOGINS,
    ]);
    const state = await unitState(ctx, unit);
    await failed(account ? 'wrong password' : 'unknown username');
    if (state.lockedUntil) throw lockedError(state.lockedUntil, now);
    const left = MAX_FAILED_LOGINS - state.failedLogins;
    throw unauthenticated(`${WRONG_CREDENTIALS} (เหลือโอกาสอีก ${left} ครั้ง ก่อนบัญชีจะถูกล็อก ${LOCK_MS / 60_000} นาที)`, {
      remainingAttempts: left,
    });
  }

  if (account.disabled) {
    await alone(ctx, `UPDATE ${unit.table} SET failed_logins = 0 WHERE ${unit.column} = ? AND locked_until IS NULL`, [unit.key]);
    await failed('disabled');
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
          `UPDATE ${unit.table} SET failed_logins = 0 WHERE ${unit.column} = ? AND locked_until IS NULL`,
          [unit.key],
        );
        if (cleared !== 1) {
          const state = await unitState(ctx, unit);
          throw lockedError(state.lockedUntil ?? new Date(now.getTime() + LOCK_MS), now);
        }
        await execute(ctx.em, 'UPDATE app_user SET last_login_at = ? WHERE id = ?', [now, account.id]);
        const { secret } = await issueToken(ctx, account.id, 'SESSION');
        const user = await ctx.em.getRepository(User).findOneByOrFail({ id: account.id });
        ctx.user = user; // the actor of the audit row
        await recordAudit(ctx, {
          action: 'login',
          targetType: 'User',
          targetId: account.id,
          laoCode: account.laoCode,
          provinceCode: account.provinceCode,
        });
        return { secret, user };
      }),
    busy,
  );
  // Only the session that committed goes into the cookies.
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  ctx.cookie.set(session.secret, expiresAt);
  ctx.cookie.setDevice(trustDevice(ctx.cookie.device, account.id, key), new Date(now.getTime() + DEVICE_TTL_MS));
  return { token: session.secret, expiresAt, user: session.user };
}

/** Unlocks the browsers trusted for an account (ADMIN's unlock, a new password): its own unit is on app_user. */
export function clearDeviceLocks(em: EntityManager, userId: number): Promise<number> {
  return execute(em, 'DELETE FROM login_lock WHERE unit LIKE ?', [`d:${userId}:%`]);
}

/** Forgets lockout units that hold nothing: no wrong password in a row, or a lock that has run out (the next try starts again anyway). */
export function sweepLoginLocks(db: DataSource, now: Date): Promise<number> {
  return executeAlone(db, 'DELETE FROM login_lock WHERE (failed_logins = 0 AND locked_until IS NULL) OR locked_until <= ?', [now]);
}
