import { BlockList, isIP } from 'node:net';
import type { DataSource } from 'typeorm';
import { forbidden, unauthenticated } from '../../core/errors';
import { recordRequestAudit } from '../audit/audit.service';
import type { AppContext } from '../../core/context';
import { AuthToken } from './auth-token.entity';
import type { User } from './user.entity';

/** The longest an API token may be made for. */
export const MAX_TOKEN_LIFETIME_MS = 2 * 366 * 24 * 3600_000;
/** How long a token made without an expiry lasts. */
export const DEFAULT_TOKEN_LIFETIME_MS = 365 * 24 * 3600_000;
/** How long the old secret of a rotated token keeps working, for the calling system to switch over without downtime. */
export const ROTATION_GRACE_MS = 24 * 3600_000;
/** The last-used time is written at most this often per token: one UPDATE a minute, not one a request. */
export const LAST_USED_EVERY_MS = 60_000;
/** How many addresses and ranges one token's allow-list holds at most (the longest, 49 characters each, fill its column). */
export const MAX_ALLOWED_IPS = 40;

/** What a request by an API token carries in its context: enough to check its scopes and audit it. */
export interface ApiTokenUse {
  id: number;
  name: string;
  scopes: string[];
}

/** The address a client sent from, as written (an IPv4 address in IPv6 form becomes IPv4). */
const plainAddress = (ip: string): string => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip);

/** Why an entry of an allow-list is not an address or CIDR range, in Thai; null when it is one. */
export function addressProblem(entry: string): string | null {
  const [address, prefix, ...rest] = entry.split('/');
  // A zone (`fe80::1%eth0`) names an interface of the sender's own machine: never a client's address.
  const family = entry.length <= 49 && !address.includes('%') ? isIP(address) : 0;
  const bits = family === 4 ? 32 : 128;
  const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
  if (!family || rest.length || !prefixOk) return `"${entry.slice(0, 50)}" ไม่ใช่ที่อยู่ IP (IPv4 หรือ IPv6) หรือช่วงแบบ CIDR เช่น 203.0.113.0/24`;
  return null;
}

/** Whether `ip` is in the allow-list (an empty list allows every address). */
export function addressAllowed(list: string[], ip: string | null): boolean {
  if (list.length === 0) return true;
  if (!ip) return false;
  const blocks = new BlockList();
  for (const entry of list) {
    const [address, prefix] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) blocks.addAddress(address, type);
    else blocks.addSubnet(address, Number(prefix), type);
  }
  const client = plainAddress(ip);
  return blocks.check(client, isIP(client) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Admits a request made with an API token: refused (and audited) when the token has expired — or its
 * rotation's grace has passed — or the request comes from outside its allow-list; otherwise the account
 * is narrowed to the token's province, the last use noted (at most once a minute), and the token's use
 * returned for the scope check and the request's audit row.
 */
export async function admitApiToken(
  db: DataSource,
  now: Date,
  token: AuthToken,
  user: User,
  ip: string | null,
  refuse: (message: string, code: 'UNAUTHENTICATED' | 'FORBIDDEN') => Promise<void>,
): Promise<ApiTokenUse> {
  if (token.expiresAt && token.expiresAt <= now) {
    const message = token.rotatedAt
      ? 'API token นี้ถูกแทนด้วย secret ใหม่และพ้นช่วงเวลาที่ใช้ secret เดิมได้แล้ว กรุณาใช้ secret ใหม่'
      : 'API token นี้หมดอายุแล้ว กรุณาขอ token ใหม่จากผู้ดูแลระบบ';
    await refuse(message, 'UNAUTHENTICATED');
    throw unauthenticated(message);
  }
  if (!addressAllowed(token.allowedIps, ip)) {
    const message = `API token นี้ใช้ได้จากที่อยู่ IP ที่กำหนดไว้เท่านั้น (คำขอนี้มาจาก ${ip ?? 'ที่อยู่ที่ไม่ทราบ'})`;
    await refuse(message, 'FORBIDDEN');
    throw forbidden(message);
  }
  user.tokenProvince = token.provinceCode;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    // Conditional, so that instances answering the same token at once write it once.
    await db
      .createQueryBuilder()
      .update(AuthToken)
      .set({ lastUsedAt: now })
      .where('id = :id', { id: token.id })
      .andWhere('(last_used_at IS NULL OR last_used_at <= :before)', { before: new Date(now.getTime() - LAST_USED_EVERY_MS) })
      .execute();
  }
  return { id: token.id, name: token.name, scopes: token.scopes };
}

/** What one request by a token did, for its one audit row. */
export interface ApiRequestRecord {
  /** The GraphQL operation's name, or the route (`GET /export/…`). */
  operation: string | null;
  /** The root fields asked for (`Query.laos`), or the route. */
  fields: string[];
  allowed: boolean;
  /** Why it was refused (the Thai message), when it was. */
  refusal?: string | null;
}

/** Writes the one audit row of a request made with an API token (read or refused). */
export function auditApiRequest(ctx: AppContext, token: Pick<ApiTokenUse, 'id' | 'name'>, record: ApiRequestRecord): Promise<void> {
  return recordRequestAudit(ctx, {
    action: 'apiRequest',
    targetType: 'ApiToken',
    targetId: token.id,
    provinceCode: ctx.user?.tokenProvince ?? null,
    after: { tokenName: token.name, ...record, refusal: record.refusal ?? null },
  });
}
