import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './1763769600000-Foundation';

/**
 * The change feed other systems follow (modules/change-feed): one row per change, written in the
 * change's own transaction and numbered after commit; the webhooks that push it, and their deliveries.
 */
export class ChangeFeed1796600000000 implements MigrationInterface {
  name = 'ChangeFeed1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'change_event',
        columns: [
          col.id(),
          col.int('seq', { isNullable: true }),
          col.varchar('event', 64),
          col.varchar('action', 64),
          col.varchar('target_type', 64),
          col.varchar('target_id', 64, { isNullable: true }),
          col.varchar('lao_code', 7, { isNullable: true }),
          col.varchar('province_code', 2, { isNullable: true }),
          col.int('fiscal_year', { isNullable: true }),
          col.text('data'),
          col.datetime('occurred_at'),
        ],
        indices: [new TableIndex({ name: 'uq_change_event_seq', columnNames: ['seq'], isUnique: true })],
      }),
    );
    await q.createTable(new Table({ name: 'change_sequence', columns: [col.int('id', { isPrimary: true }), col.int('last_seq')] }));
    await q.query('INSERT INTO change_sequence (id, last_seq) VALUES (1, 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('change_sequence');
    await q.dropTable('change_event');
  }
}
