import type { DataSource } from 'typeorm';
import { execute, inTransaction, isMysql } from '../../core/db';
import { retryingRaces } from '../../core/transaction';

/** The most events numbered in one pass. */
const BATCH = 1_000;

/**
 * Numbers the change events committed since the last pass, in the order they became visible: the order
 * of commit as far as anyone can observe it. A transaction still open when a pass runs is numbered by
 * a later pass, after everything numbered before it — so a reader who has read up to N never finds a
 * later event numbered below N, which ids given at insert time would not promise (a transaction that
 * started first may commit last). Events of one LAO are numbered in their commit order, since their
 * transactions take the LAO's write lock before writing. Passes run one at a time: on one server the
 * sequence row is read FOR UPDATE; on a Galera cluster two passes on two nodes both write it, and the
 * one that commits second is run again. Safe from every instance at once; returns how many it numbered.
 */
export async function sequenceChanges(db: DataSource): Promise<number> {
  const waiting: unknown[] = await db.query('SELECT id FROM change_event WHERE seq IS NULL LIMIT 1');
  if (!waiting.length) return 0;
  return retryingRaces(null, 'sequenceChanges', () =>
    inTransaction(db, async (em) => {
      const [{ last }]: Array<{ last: number | string }> = await em.query(
        `SELECT last_seq AS last FROM change_sequence WHERE id = 1${isMysql(db) ? ' FOR UPDATE' : ''}`,
      );
      const rows: Array<{ id: number }> = await em.query(`SELECT id FROM change_event WHERE seq IS NULL ORDER BY id LIMIT ${BATCH}`);
      if (!rows.length) return 0;
      let next = Number(last);
      const numbered = rows.flatMap(({ id }) => [id, ++next]);
      await execute(
        em,
        `UPDATE change_event SET seq = CASE id ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${rows.map(() => '?').join(', ')})`,
        [...numbered, ...rows.map(({ id }) => id)],
      );
      await execute(em, 'UPDATE change_sequence SET last_seq = ? WHERE id = 1', [next]);
      return rows.length;
    }),
  );
}
