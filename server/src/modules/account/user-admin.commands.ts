import type { AppContext } from '../../core/context';
import { execute } from '../../core/db';
import { hashPassword } from '../../core/crypto';
import { badInput, conflict, notFound, type FieldError } from '../../core/errors';
import { API_SCOPE_LIST, ApiScope, DEFAULT_API_SCOPES } from '../access/api-scope';
import { addressProblem, DEFAULT_TOKEN_LIFETIME_MS, MAX_ALLOWED_IPS, MAX_TOKEN_LIFETIME_MS, ROTATION_GRACE_MS } from './api-token';
import { ACCOUNT, passwordHasUsername } from '../../core/field-rules';
import { recordAudit } from '../audit/audit.service';
import { Province } from '../geography/province.entity';
import { Lao } from '../lao/lao.entity';
import type { ApiTokenSecret } from './account.types';
import type { ApiTokenArgs, CreateUserInput, ReassignUserInput } from './account.inputs';
import { AuthToken } from './auth-token.entity';
import { clearDeviceLocks } from './login.command';
import { setPassword } from './password.commands';
import { placeOfRole, RolePlace, signsInWithPassword } from '../access/role';
import { issueToken, revokeUserTokens } from './session';
import { User } from './user.entity';

async function userByUsername(ctx: AppContext, username: string): Promise<User> {
  const user = await ctx.em.getRepository(User).findOneBy({ username });
  if (!user) throw notFound('ไม่พบผู้ใช้งานชื่อนี้');
  return user;
}

const audited = (user: User) => ({ targetType: 'User', targetId: user.id, laoCode: user.laoCode, provinceCode: user.provinceCode });

/** What a new account's name and places are found to be: looked up one by one (createUser) or for a whole file at once (importUsers). */
export interface AccountLookups {
  usernameTaken: boolean;
  /** The LAO of `laoCode`, null when there is none or no such LAO. */
  lao: Lao | null;
  /** Whether `provinceCode` names a province. */
  provinceKnown: boolean;
}

/**
 * The one check of a new account, for an account made in the form and one read from a file alike, by
 * what its role is (access/role.ts): a password for a role that signs in with one (never for one that
 * uses API tokens), not containing the username; an account of an LAO's role belongs to an existing LAO,
 * of a province's role to an existing province, and no other names either.
 */
export function accountProblems(input: CreateUserInput, found: AccountLookups): FieldError[] {
  const fields: FieldError[] = [];
  if (found.usernameTaken) fields.push({ field: 'username', message: 'มีชื่อผู้ใช้งานนี้ในระบบแล้ว' });
  const place = placeOfRole(input.role);
  const password = signsInWithPassword(input.role);
  if (password && !input.password) fields.push({ field: 'password', message: ACCOUNT.passwordRequired });
  if (!password && input.password) fields.push({ field: 'password', message: 'บัญชีระบบงาน (SERVICE) ใช้ API token แทนรหัสผ่าน' });
  if (input.password && passwordHasUsername(input.password, input.username)) {
    fields.push({ field: 'password', message: ACCOUNT.passwordHasUsername });
  }
  if (place === RolePlace.LAO) {
    if (!found.lao) fields.push({ field: 'laoCode', message: input.laoCode ? 'ไม่พบ อปท. รหัสนี้' : ACCOUNT.laoRequired });
  } else if (input.laoCode) {
    fields.push({ field: 'laoCode', message: 'ระบุ อปท. ได้เฉพาะบัญชีเจ้าหน้าที่ อปท.' });
  }
  if (place === RolePlace.PROVINCE) {
    if (!found.provinceKnown)
      fields.push({ field: 'provinceCode', message: input.provinceCode ? 'ไม่พบจังหวัดรหัสนี้' : ACCOUNT.provinceRequired });
  } else if (input.provinceCode && place !== RolePlace.LAO) {
    fields.push({ field: 'provinceCode', message: 'ระบุจังหวัดได้เฉพาะบัญชีเจ้าหน้าที่สำนักงาน ป.ป.ช. ประจำจังหวัด' });
  }
  return fields;
}

/** The row of a new account that passed `accountProblems`, its password hashed; an LAO officer takes the province of the LAO. */
export async function newAccount(ctx: AppContext, input: CreateUserInput, lao: Lao | null): Promise<User> {
  const place = placeOfRole(input.role);
  return ctx.em.getRepository(User).create({
    username: input.username,
    passwordHash: input.password ? await hashPassword(input.password) : null,
    role: input.role,
    displayName: input.displayName ?? '',
    email: input.email ?? null,
    laoCode: place === RolePlace.LAO ? lao!.code : null,
    provinceCode: place === RolePlace.LAO ? lao!.provinceCode : place === RolePlace.PROVINCE ? input.provinceCode : null,
    disabled: false,
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: null,
  });
}

/** Creates an account of any role (ADMIN). */
export async function createUser(ctx: AppContext, input: CreateUserInput): Promise<User> {
  const lao = input.laoCode ? await ctx.em.getRepository(Lao).findOneBy({ code: input.laoCode }) : null;
  const fields = accountProblems(input, {
    usernameTaken: await ctx.em.getRepository(User).existsBy({ username: input.username }),
    lao,
    provinceKnown: !!input.provinceCode && (await ctx.em.getRepository(Province).existsBy({ code: input.provinceCode })),
  });
  if (fields.length) throw badInput(fields, fields[0].message);
  const user = await ctx.em.getRepository(User).save(await newAccount(ctx, input, lao));
  await recordAudit(ctx, { action: 'createUser', ...audited(user), after: user });
  return user;
}

/** Disables (and signs out everywhere) or re-enables an account. */
export async function setUserDisabled(ctx: AppContext, username: string, disabled: boolean): Promise<User> {
  const user = await userByUsername(ctx, username);
  if (user.id === ctx.user!.id && disabled) {
    const message = 'ไม่สามารถระงับบัญชีของตนเองได้';
    throw badInput([{ field: 'username', message }], message);
  }
  const before = { disabled: user.disabled };
  user.disabled = disabled;
  await ctx.em.getRepository(User).save(user);
  if (disabled) await revokeUserTokens(ctx, user.id, { includeApiTokens: true });
  await recordAudit(ctx, { action: disabled ? 'disableUser' : 'enableUser', ...audited(user), before, after: { disabled } });
  return user;
}

/** Lifts a lockout before its five minutes are up, for every browser (trusted ones have their own). */
export async function unlockUser(ctx: AppContext, username: string): Promise<User> {
  const user = await userByUsername(ctx, username);
  const before = { failedLogins: user.failedLogins, lockedUntil: user.lockedUntil };
  await execute(ctx.em, 'UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ?', [user.id]);
  await clearDeviceLocks(ctx.em, user.id);
  await recordAudit(ctx, { action: 'unlockUser', ...audited(user), before, after: { failedLogins: 0, lockedUntil: null } });
  return ctx.em.getRepository(User).findOneByOrFail({ id: user.id });
}

/** Sets a password for a user who cannot reset their own (no e-mail on file); all their sessions end. */
export async function resetUserPassword(ctx: AppContext, username: string, newPassword: string): Promise<User> {
  const user = await userByUsername(ctx, username);
  if (!signsInWithPassword(user.role)) {
    const message = 'บัญชีระบบงาน (SERVICE) ใช้ API token แทนรหัสผ่าน';
    throw badInput([{ field: 'username', message }], message);
  }
  await setPassword(ctx, user, newPassword);
  await recordAudit(ctx, { action: 'resetUserPassword', ...audited(user) });
  return ctx.em.getRepository(User).findOneByOrFail({ id: user.id });
}

/** Staff transfer: the account passes to a new officer with a new e-mail and password; the old holder's sessions end. */
export async function reassignUser(ctx: AppContext, username: string, input: ReassignUserInput): Promise<User> {
  const user = await userByUsername(ctx, username);
  const before = { displayName: user.displayName, email: user.email };
  user.displayName = input.displayName;
  user.email = input.email ?? null;
  await ctx.em.getRepository(User).save(user);
  await setPassword(ctx, user, input.newPassword);
  await recordAudit(ctx, { action: 'reassignUser', ...audited(user), before, after: { displayName: user.displayName, email: user.email } });
  return ctx.em.getRepository(User).findOneByOrFail({ id: user.id });
}

/** What an API token is made with, checked: every problem at once, in Thai, before anything is saved. */
async function tokenTerms(
  ctx: AppContext,
  args: ApiTokenArgs,
): Promise<Pick<AuthToken, 'scopes' | 'provinceCode' | 'allowedIps' | 'expiresAt'>> {
  const problems: FieldError[] = [];
  const now = ctx.clock.now().getTime();
  const scopes = args.scopes ? API_SCOPE_LIST.filter((s) => args.scopes!.includes(s)) : DEFAULT_API_SCOPES;
  if (!scopes.length) problems.push({ field: 'scopes', message: 'กรุณาเลือกขอบเขตของ token อย่างน้อยหนึ่งรายการ' });
  const provinceCode = args.provinceCode?.trim() || null;
  const provinceKnown =
    !provinceCode || (provinceCode.length === 2 && (await ctx.em.getRepository(Province).existsBy({ code: provinceCode })));
  if (!provinceKnown) {
    problems.push({ field: 'provinceCode', message: 'ไม่พบจังหวัดที่เลือก' });
  } else if (provinceCode && scopes.includes(ApiScope.WRITE_WEBHOOKS)) {
    const message = 'token ที่จำกัดเฉพาะจังหวัดใช้ขอบเขต write:webhooks ไม่ได้ เพราะ webhook ส่งการเปลี่ยนแปลงของทั้งประเทศ';
    problems.push({ field: 'provinceCode', message });
  }
  const expiresAt = args.expiresAt ?? new Date(now + DEFAULT_TOKEN_LIFETIME_MS);
  if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now) {
    problems.push({ field: 'expiresAt', message: 'วันหมดอายุต้องอยู่หลังเวลาปัจจุบัน' });
  } else if (expiresAt.getTime() > now + MAX_TOKEN_LIFETIME_MS) {
    problems.push({ field: 'expiresAt', message: 'วันหมดอายุต้องไม่เกิน 2 ปีนับจากวันนี้' });
  }
  const allowedIps = [...new Set((args.allowedIps ?? []).map((a) => a.trim()).filter(Boolean))];
  if (allowedIps.length > MAX_ALLOWED_IPS) {
    problems.push({ field: 'allowedIps', message: `กำหนดที่อยู่ IP ได้ไม่เกิน ${MAX_ALLOWED_IPS} รายการ` });
  } else {
    const wrong = allowedIps.map(addressProblem).find((p) => p !== null);
    if (wrong) problems.push({ field: 'allowedIps', message: wrong });
  }
  if (problems.length) throw badInput(problems, problems.length === 1 ? problems[0].message : undefined);
  return { scopes, provinceCode, allowedIps, expiresAt };
}

/** The audit record of a token's terms (never its secret). */
const termsOf = (token: AuthToken) => ({
  name: token.name,
  scopes: token.scopes,
  provinceCode: token.provinceCode,
  allowedIps: token.allowedIps,
  expiresAt: token.expiresAt,
});

/** A new API token for a SERVICE account, with its scopes, province, expiry and allow-list; the secret is returned this once. */
export async function createApiToken(ctx: AppContext, args: ApiTokenArgs): Promise<ApiTokenSecret> {
  const user = await userByUsername(ctx, args.username);
  if (signsInWithPassword(user.role)) {
    const message = 'API token ออกให้ได้เฉพาะบัญชีระบบงาน (SERVICE)';
    throw badInput([{ field: 'username', message }], message);
  }
  const terms = await tokenTerms(ctx, args);
  const { secret, token } = await issueToken(ctx, user.id, 'API', args.name, terms);
  await recordAudit(ctx, {
    action: 'createApiToken',
    targetType: 'ApiToken',
    targetId: token.id,
    after: { username: args.username, ...termsOf(token) },
  });
  return { secret, apiToken: token };
}

/**
 * Rotation without downtime: a new secret (a new token with the same name and terms) is returned, and
 * the old one keeps working for ROTATION_GRACE_MS (24 hours; never beyond its own expiry), then stops.
 * A token is rotated once: rotate the new one next time.
 */
export async function rotateApiToken(ctx: AppContext, id: number): Promise<ApiTokenSecret> {
  const repo = ctx.em.getRepository(AuthToken);
  const old = Number.isSafeInteger(id) ? await repo.findOneBy({ id, kind: 'API' }) : null;
  if (!old) throw notFound('ไม่พบ API token นี้');
  const now = ctx.clock.now();
  if (old.revokedAt || (old.expiresAt && old.expiresAt <= now)) throw conflict('API token นี้ยกเลิกหรือหมดอายุแล้ว ออก secret ใหม่แทนไม่ได้');
  const rotatedTwice = () => conflict('API token นี้ออก secret ใหม่แทนไปแล้ว กรุณาใช้ token ใหม่');
  if (old.rotatedAt) throw rotatedTwice();
  const graceEnd = new Date(now.getTime() + ROTATION_GRACE_MS);
  const oldExpiry = old.expiresAt;
  old.rotatedAt = now;
  old.expiresAt = oldExpiry && oldExpiry < graceEnd ? oldExpiry : graceEnd;
  // Conditional: of two rotations at once, one marks the token and the other (its transaction undone) is told.
  const marked = await execute(ctx.em, 'UPDATE auth_token SET rotated_at = ?, expires_at = ? WHERE id = ? AND rotated_at IS NULL', [
    old.rotatedAt,
    old.expiresAt,
    old.id,
  ]);
  if (marked !== 1) throw rotatedTwice();
  const { secret, token } = await issueToken(ctx, old.userId, 'API', old.name, {
    scopes: old.scopes,
    provinceCode: old.provinceCode,
    allowedIps: old.allowedIps,
    expiresAt: oldExpiry,
  });
  await recordAudit(ctx, {
    action: 'rotateApiToken',
    targetType: 'ApiToken',
    targetId: old.id,
    after: { newTokenId: token.id, oldExpiresAt: old.expiresAt, ...termsOf(token) },
  });
  return { secret, apiToken: token };
}

export async function revokeApiToken(ctx: AppContext, id: number): Promise<AuthToken> {
  const repo = ctx.em.getRepository(AuthToken);
  const token = Number.isSafeInteger(id) ? await repo.findOneBy({ id, kind: 'API' }) : null;
  if (!token) throw notFound('ไม่พบ API token นี้');
  if (!token.revokedAt) {
    token.revokedAt = ctx.clock.now();
    await repo.save(token);
  }
  await recordAudit(ctx, { action: 'revokeApiToken', targetType: 'ApiToken', targetId: token.id, after: { revokedAt: token.revokedAt } });
  return token;
}
