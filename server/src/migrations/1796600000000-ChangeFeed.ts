import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, fk } from './1763769600000-Foundation';

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
    await q.createTable(
      new Table({
        name: 'webhook',
        columns: [
          col.id(),
          col.int('owner_id'),
          col.varchar('url', 500),
          col.varchar('events', 1000),
          col.varchar('secret', 64),
          col.int('cursor_seq', { default: 0 }),
          col.datetime('created_at'),
        ],
        indices: [new TableIndex({ name: 'idx_webhook_owner', columnNames: ['owner_id'] })],
        foreignKeys: [fk('fk_webhook_owner', 'owner_id', 'app_user', 'id', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'webhook_delivery',
        columns: [
          col.id(),
          col.int('webhook_id'),
          col.int('seq'),
          col.varchar('event', 64),
          col.varchar('status', 16),
          col.int('attempts', { default: 0 }),
          col.datetime('next_attempt_at'),
          col.varchar('lease_owner', 40, { isNullable: true }),
          col.datetime('lease_until', true),
          col.int('last_status', { isNullable: true }),
          col.varchar('last_error', 300, { isNullable: true }),
          col.datetime('delivered_at', true),
          col.datetime('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_webhook_delivery_event', columnNames: ['webhook_id', 'seq'], isUnique: true }),
          new TableIndex({ name: 'idx_webhook_delivery_due', columnNames: ['status', 'next_attempt_at'] }),
        ],
        foreignKeys: [fk('fk_webhook_delivery_webhook', 'webhook_id', 'webhook', 'id', 'CASCADE')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('webhook_delivery');
    await q.dropTable('webhook');
    await q.dropTable('change_sequence');
    await q.dropTable('change_event');
  }
}
