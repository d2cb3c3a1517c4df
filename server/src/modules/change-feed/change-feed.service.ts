import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { Permission, scopeOf } from '../access/policy';
import { ChangeEvent } from '../audit/change-event.entity';
import type { ChangeConnection, ChangeNode } from './change-feed.types';
import { sequenceChanges } from './sequencer';

const PREFIX = 'change:';

/** The cursor of a place in the feed: opaque to callers (base64url), checked on the way back in. */
export const changeCursor = (seq: number): string => Buffer.from(`${PREFIX}${seq}`).toString('base64url');

function seqOfCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  const seq = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 0 || changeCursor(seq) !== cursor) {
    const message = 'ตำแหน่งเริ่มอ่าน (after) ไม่ถูกต้อง ให้ใช้ cursor ที่ระบบส่งให้เท่านั้น (invalid cursor)';
    throw badInput([{ field: 'after', message }], message);
  }
  return seq;
}

export const changeNodeOf = (row: ChangeEvent): ChangeNode => ({
  id: String(row.seq),
  seq: row.seq!,
  event: row.event,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  laoCode: row.laoCode,
  provinceCode: row.provinceCode,
  fiscalYear: row.fiscalYear,
  data: row.data,
  occurredAt: row.occurredAt,
});

/**
 * The changes after a cursor, in the order they were committed, within what the caller may read: an
 * LAO's own changes, a province's, or the country's — and the national ones (reporting rounds) for all.
 * Numbers what has been committed since the last read first, so a change is readable as soon as its
 * transaction has committed.
 */
export async function listChanges(ctx: AppContext, after: string | null, first: number): Promise<ChangeConnection> {
  const from = after ? seqOfCursor(after) : 0;
  await sequenceChanges(ctx.db);
  const scope = scopeOf(ctx.user, Permission.READ_LAO)!;
  const qb = ctx.em
    .getRepository(ChangeEvent)
    .createQueryBuilder('c')
    .where('c.seq > :from', { from })
    .orderBy('c.seq', 'ASC')
    .limit(first + 1);
  if (scope.laoCode) qb.andWhere('(c.lao_code = :lao OR c.province_code IS NULL)', { lao: scope.laoCode });
  else if (scope.provinceCode) qb.andWhere('(c.province_code = :province OR c.province_code IS NULL)', { province: scope.provinceCode });
  const rows = await qb.getMany();
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: changeCursor(row.seq!), node: changeNodeOf(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? after ?? null } };
}
