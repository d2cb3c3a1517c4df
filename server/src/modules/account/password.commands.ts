import type { AppContext } from '../../core/context';
import { execute, takeWriteLock } from '../../core/db';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../core/crypto';
import { badInput } from '../../core/errors';
import { addressKey, enforce, nameKey, type RateCheck } from '../../core/rate-limit';
import { runMutation } from '../../core/transaction';
import { recordAudit } from '../audit/audit.service';
import { PASSWORD_PATTERN, PASSWORD_RULE_TH } from './account.inputs';
import { PasswordReset } from './password-reset.entity';
import { clearDeviceLocks } from './login.command';
import { revokeUserTokens } from './session';
import { User } from './user.entity';

export const RESET_TTL_MS = 30 * 60_000;
/** Reset links mailed to one account in an hour, at most. */
export const RESETS_PER_HOUR = 3;

function checkNewPassword(field: string, password: string, username: string): void {
  if (!PASSWORD_PATTERN.test(password)) throw badInput([{ field, message: PASSWORD_RULE_TH }], PASSWORD_RULE_TH);
  if (password.toLowerCase().includes(username.toLowerCase())) {
    const message = 'รหัสผ่านต้องไม่มีชื่อผู้ใช้งานอยู่ในรหัสผ่าน';
    throw badInput([{ field, message }], message);
  }
}

/** Sets a new password hash, clears any lock (the trusted browsers' too), and ends every other session of the user. */
export async function setPassword(ctx: AppContext, user: User, password: string, keepTokenId: number | null = null): Promise<void> {
  await execute(ctx.em, 'UPDATE app_user SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?', [
    await hashPassword(password),
    ctx.clock.now(),
    user.id,
  ]);
  await clearDeviceLocks(ctx.em, user.id);
  await revokeUserTokens(ctx, user.id, { exceptTokenId: keepTokenId });
}

const RESETS_TOO_OFTEN = 'มีการขอตั้งรหัสผ่านใหม่บ่อยเกินกำหนด';

/** Password-reset requests and resets of one client address, and requests naming one username, share an allowance. */
function resetChecks(ctx: AppContext, username?: string): RateCheck[] {
  const limits = ctx.config.rateLimits;
  const checks: RateCheck[] = [{ bucket: `reset:a:${addressKey(ctx.ip)}`, rule: limits.resetPerAddress, what: RESETS_TOO_OFTEN }];
  if (username !== undefined) {
    checks.push({ bucket: `reset:n:${nameKey(username)}`, rule: limits.resetPerAccount, what: RESETS_TOO_OFTEN });
  }
  return checks;
}

/** เปลี่ยนรหัสผ่าน: the current password once, the new one (typed twice in the client). Other sessions end. */
export async function changePassword(ctx: AppContext, currentPassword: string, newPassword: string): Promise<boolean> {
  const user = await ctx.em.getRepository(User).findOneByOrFail({ id: ctx.user!.id });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    const message = 'รหัสผ่านเดิมไม่ถูกต้อง';
    throw badInput([{ field: 'currentPassword', message }], message);
  }
  checkNewPassword('newPassword', newPassword, user.username);
  if (currentPassword === newPassword) {
    const message = 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม';
    throw badInput([{ field: 'newPassword', message }], message);
  }
  await setPassword(ctx, user, newPassword, ctx.authTokenId);
  await recordAudit(ctx, {
    action: 'changePassword',
    targetType: 'User',
    targetId: user.id,
    laoCode: user.laoCode,
    provinceCode: user.provinceCode,
  });
  return true;
}

/**
 * ลืมรหัสผ่าน: if username and e-mail match an active account, mail a single-use link valid 30 minutes.
 * The answer is the same either way, so nobody learns which accounts exist or what their e-mail is.
 */
export async function requestPasswordReset(ctx: AppContext, username: string, email: string): Promise<boolean> {
  await enforce(ctx, resetChecks(ctx, username));
  return runMutation(ctx, 'requestPasswordReset', () => mailResetLink(ctx, username, email));
}

async function mailResetLink(ctx: AppContext, username: string, email: string): Promise<boolean> {
  const user = await ctx.em.getRepository(User).findOneBy({ username: username.trim() });
  const matches =
    user !== null &&
    !user.disabled &&
    user.passwordHash !== null &&
    !!user.email &&
    user.email.toLowerCase() === email.trim().toLowerCase();
  await recordAudit(ctx, {
    action: 'requestPasswordReset',
    targetType: 'User',
    targetId: matches ? user.id : null,
    after: { username, matched: matches },
  });
  if (!matches) return true;

  const now = ctx.clock.now();
  // Whoever knows an officer's username and e-mail must not be able to flood that mailbox: a few links an
  // hour, counted under the account's lock so that requests racing each other count each other.
  await takeWriteLock(ctx, `user:${user.id}`);
  const recent = await ctx.em
    .getRepository(PasswordReset)
    .createQueryBuilder('r')
    .where('r.user_id = :id AND r.created_at > :since', { id: user.id, since: new Date(now.getTime() - 3600_000) })
    .getCount();
  if (recent >= RESETS_PER_HOUR) {
    ctx.log.warn({ userId: user.id }, 'password reset requests throttled');
    return true;
  }
  // Only the newest link works.
  await execute(ctx.em, 'UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [now, user.id]);
  const secret = randomToken();
  await ctx.em.getRepository(PasswordReset).insert({
    tokenHash: sha256(secret),
    userId: user.id,
    expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    usedAt: null,
    createdAt: now,
  });
  const link = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(secret)}`;
  await ctx.mailer.send(
    ctx.em,
    {
      to: user.email!,
      subject: 'e-PlanNACC: ตั้งรหัสผ่านใหม่',
      text: [
        `เรียน ${user.displayName || user.username}`,
        '',
        `มีการขอตั้งรหัสผ่านใหม่สำหรับชื่อผู้ใช้งาน ${user.username} ในระบบ e-PlanNACC`,
        `กรุณาเปิดลิงก์นี้ภายใน 30 นาที (ใช้ได้ครั้งเดียว):`,
        link,
        '',
        'หากท่านไม่ได้ขอตั้งรหัสผ่านใหม่ โปรดละเว้นอีเมลฉบับนี้ รหัสผ่านเดิมยังใช้ได้ตามปกติ',
        '',
        'สำนักพัฒนาและส่งเสริมธรรมาภิบาล สำนักงาน ป.ป.ช.',
      ].join('\n'),
    },
    ctx.afterCommit,
  );
  return true;
}

/** Sets a new password from a reset link; the link works once, for 30 minutes. Every session of the account ends. */
export async function resetPassword(ctx: AppContext, token: string, newPassword: string): Promise<boolean> {
  await enforce(ctx, resetChecks(ctx));
  return runMutation(ctx, 'resetPassword', () => setPasswordFromLink(ctx, token, newPassword));
}

async function setPasswordFromLink(ctx: AppContext, token: string, newPassword: string): Promise<boolean> {
  const now = ctx.clock.now();
  const invalid = () => {
    const message = 'ลิงก์ตั้งรหัสผ่านใหม่ไม่ถูกต้อง ถูกใช้ไปแล้ว หรือหมดอายุแล้ว กรุณาขอลิงก์ใหม่';
    return badInput([{ field: 'token', message }], message);
  };
  const reset = await ctx.em.getRepository(PasswordReset).findOneBy({ tokenHash: sha256(token) });
  if (!reset || reset.usedAt || reset.expiresAt.getTime() <= now.getTime()) throw invalid();
  const user = await ctx.em.getRepository(User).findOneByOrFail({ id: reset.userId });
  checkNewPassword('newPassword', newPassword, user.username);
  // Claim the link atomically: of two concurrent uses, one wins.
  const claimed = await execute(ctx.em, 'UPDATE password_reset SET used_at = ? WHERE id = ? AND used_at IS NULL', [now, reset.id]);
  if (claimed !== 1) throw invalid();
  await setPassword(ctx, user, newPassword);
  await recordAudit(ctx, {
    action: 'resetPassword',
    targetType: 'User',
    targetId: user.id,
    laoCode: user.laoCode,
    provinceCode: user.provinceCode,
  });
  return true;
}
