import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './1763769600000-Foundation';

/**
 * The rows that `takeWriteLock` (core/db.ts) writes to serialise the writes of one LAO or one account,
 * on a single server and across the nodes of a Galera cluster alike. A row per lock name, made on
 * first use; `taken` counts how often the lock was taken.
 */
export class WriteLock1764374400000 implements MigrationInterface {
  name = 'WriteLock1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({ name: 'write_lock', columns: [col.varchar('name', 64, { isPrimary: true }), col.bigint('taken')] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('write_lock');
  }
}
