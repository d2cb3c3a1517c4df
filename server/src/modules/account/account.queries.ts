import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { addressKey, enforce } from '../../core/rate-limit';
import { OutboxMail } from '../../core/outbox-mail.entity';
import { Role } from '../access/role';
import { District } from '../geography/district.entity';
import { Lao } from '../lao/lao.entity';
import type { UsersFilter } from './account.inputs';
import type { LaoAccount } from './account.types';
import { AuthToken } from './auth-token.entity';
import { User } from './user.entity';

/** ค้นหาชื่อผู้ใช้งาน (signed out): the LAOs of a district and their officers' usernames, a few lookups an address at a time. */
export async function usernameLookup(ctx: AppContext, provinceCode: string, districtCode: string): Promise<LaoAccount[]> {
  await enforce(ctx, [
    {
      bucket: `lookup:a:${addressKey(ctx.ip)}`,
      rule: ctx.config.rateLimits.lookupPerAddress,
      what: 'มีการค้นหาชื่อผู้ใช้งานจากเครือข่ายนี้บ่อยเกินกำหนด',
    },
  ]);
  const district = await ctx.em.getRepository(District).findOneBy({ code: districtCode });
  if (!district || district.provinceCode !== provinceCode) {
    const message = 'อำเภอที่เลือกไม่อยู่ในจังหวัดที่เลือก';
    throw badInput([{ field: 'districtCode', message }], message);
  }
  const rows = await ctx.em
    .getRepository(Lao)
    .createQueryBuilder('l')
    .leftJoin(User, 'u', 'u.lao_code = l.code AND u.role = :role AND u.disabled = :off', { role: Role.LAO_OFFICER, off: false })
    .select(['l.code AS laoCode', 'l.name AS laoName', 'u.username AS username'])
    .where('l.district_code = :districtCode AND l.active = :on', { districtCode, on: true })
    .getRawMany<{ laoCode: string; laoName: string; username: string | null }>();
  const thai = new Intl.Collator('th');
  return rows
    .map((r) => ({ laoCode: r.laoCode, laoName: r.laoName, username: r.username ?? null }))
    .sort((a, b) => thai.compare(a.laoName, b.laoName) || (a.username ?? '').localeCompare(b.username ?? ''));
}

/** Accounts, newest first (at most 500), by role, province, and part of a username or officer name. */
export function findUsers(ctx: AppContext, { role, provinceCode, search }: UsersFilter): Promise<User[]> {
  const qb = ctx.em.getRepository(User).createQueryBuilder('u').orderBy('u.id', 'DESC').take(500);
  if (role) qb.andWhere('u.role = :role', { role });
  if (provinceCode) qb.andWhere('u.province_code = :provinceCode', { provinceCode });
  // Typed % and _ are looked for as themselves (SQLite has no default LIKE escape: name it).
  if (search)
    qb.andWhere("(u.username LIKE :s ESCAPE '!' OR u.display_name LIKE :s ESCAPE '!')", { s: `%${search.replace(/[%_!]/g, '!$&')}%` });
  return qb.getMany();
}

/** The API tokens of a SERVICE account, newest first (never their secrets). */
export function apiTokensOf(ctx: AppContext, username: string): Promise<AuthToken[]> {
  return ctx.em
    .getRepository(AuthToken)
    .createQueryBuilder('t')
    .innerJoin(User, 'u', 'u.id = t.user_id')
    .where('u.username = :username AND t.kind = :kind', { username, kind: 'API' })
    .orderBy('t.id', 'DESC')
    .getMany();
}

/** Mail written while no SMTP_URL is set, newest first. */
export function outbox(ctx: AppContext, limit: number): Promise<OutboxMail[]> {
  return ctx.em.getRepository(OutboxMail).find({ order: { id: 'DESC' }, take: Math.min(Math.max(limit, 1), 200) });
}
