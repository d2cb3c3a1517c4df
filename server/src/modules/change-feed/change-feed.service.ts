import type { AppContext } from '../../core/context';
import { pageBy, type Keyset } from '../../core/connection';
import { Permission, scopeOf } from '../access/policy';
import { ChangeEvent } from '../audit/change-event.entity';
import { ChangeConnection, type ChangeNode } from './change-feed.types';
import { sequenceChanges } from './sequencer';

/** The feed is paged by its sequence number. */
const FEED: Keyset<ChangeEvent> = { name: 'change', parts: [{ column: 'c.seq', kind: 'id' }], keyOf: (row) => [row.seq!] };

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
  await sequenceChanges(ctx.db);
  const scope = scopeOf(ctx.user, Permission.READ_LAO)!;
  const qb = ctx.em.getRepository(ChangeEvent).createQueryBuilder('c').where('c.seq IS NOT NULL');
  if (scope.laoCode) qb.andWhere('(c.lao_code = :lao OR c.province_code IS NULL)', { lao: scope.laoCode });
  else if (scope.provinceCode) qb.andWhere('(c.province_code = :province OR c.province_code IS NULL)', { province: scope.provinceCode });
  const page = await pageBy(qb, FEED, { first, after });
  return new ChangeConnection({ ...page, edges: page.edges.map(({ cursor, node }) => ({ cursor, node: changeNodeOf(node) })) });
}
