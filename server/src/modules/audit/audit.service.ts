import type { AppContext } from '../../core/context';
import { insertEntities } from '../../core/db';
import { forbidden } from '../../core/errors';
import { Permission, provinceWithin, scopeOf } from '../access/policy';
import type { AuditAction } from './audit.actions';
import type { AuditFilter } from './audit.types';
import { AuditLog } from './audit-log.entity';
import { ChangeEvent } from './change-event.entity';
import { changeEventOf } from './change-events';

export interface AuditEntry {
  action: AuditAction;
  targetType: string;
  targetId?: string | number | null;
  laoCode?: string | null;
  provinceCode?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set(['passwordHash', 'tokenHash', 'password', 'newPassword', 'currentPassword', 'token']);

/** JSON of a record for the audit trail, without secrets. */
function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? undefined : v));
}

const rowOf = (ctx: AppContext, entry: AuditEntry) => ({
  actorId: ctx.user?.id ?? null,
  actorUsername: ctx.user?.username ?? '-',
  action: entry.action,
  targetType: entry.targetType,
  targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
  laoCode: entry.laoCode ?? null,
  provinceCode: entry.provinceCode ?? null,
  before: snapshot(entry.before),
  after: snapshot(entry.after),
  ip: ctx.ip,
  at: ctx.clock.now(),
});

/** The change-feed row of an audited change that other systems follow (modules/audit/change-events.ts), or null. */
function eventOf(ctx: AppContext, entry: AuditEntry): Omit<ChangeEvent, 'id' | 'seq'> | null {
  const event = changeEventOf(entry.action);
  if (!event) return null;
  const record = entry.after ?? entry.before;
  const fiscalYear = (record as { fiscalYear?: unknown } | null | undefined)?.fiscalYear;
  return {
    event,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
    laoCode: entry.laoCode ?? null,
    provinceCode: entry.provinceCode ?? null,
    fiscalYear: typeof fiscalYear === 'number' ? fiscalYear : null,
    data: snapshot(record),
    occurredAt: ctx.clock.now(),
  };
}

/**
 * Writes the audit row of a change through the context's entity manager, so it commits or rolls back
 * with the change itself, and, for a change other systems follow, its change-feed row in the same way.
 * Every mutation calls this once (the transaction middleware checks).
 */
export async function recordAudit(ctx: AppContext, entry: AuditEntry): Promise<void> {
  await recordAudits(ctx, [entry]);
  ctx.audited = true;
}

/**
 * The audit row of a request rather than a change (a request made with an API token): written on its
 * own, outside any transaction, after the request was answered or refused.
 */
export async function recordRequestAudit(ctx: AppContext, entry: AuditEntry): Promise<void> {
  await ctx.db.getRepository(AuditLog).insert(rowOf(ctx, entry));
}

/** The rows of a change of many records at once (an import), one per record, in as few statements as the rows allow. */
export async function recordAudits(ctx: AppContext, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 100) {
    const batch = entries.slice(i, i + 100);
    await insertEntities(
      ctx.em,
      AuditLog,
      batch.map((e) => rowOf(ctx, e)),
    );
    await insertEntities(
      ctx.em,
      ChangeEvent,
      batch.map((e) => eventOf(ctx, e)).filter((e) => e !== null),
    );
  }
}

/** A page of the audit log, newest first, within the reader's scope: NACC central everything, a province office its province. */
export async function listAuditLog(ctx: AppContext, f: AuditFilter): Promise<{ rows: AuditLog[]; total: number }> {
  const qb = ctx.em.getRepository(AuditLog).createQueryBuilder('a').orderBy('a.id', 'DESC').take(f.limit).skip(f.offset);
  const scope = scopeOf(ctx.user, Permission.READ_AUDIT)!;
  const province = provinceWithin(scope, f.provinceCode, () => forbidden('ท่านดูบันทึกได้เฉพาะจังหวัดของท่าน'));
  if (province) qb.andWhere('a.province_code = :p', { p: province });
  if (f.laoCode) qb.andWhere('a.lao_code = :l', { l: f.laoCode });
  if (f.action) qb.andWhere('a.action = :action', { action: f.action });
  if (f.actorUsername) qb.andWhere('a.actor_username = :u', { u: f.actorUsername });
  if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
  if (f.to) qb.andWhere('a.at < :to', { to: f.to });
  const [rows, total] = await qb.getManyAndCount();
  return { rows, total };
}
