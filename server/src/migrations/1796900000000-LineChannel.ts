import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, fk } from './1763769600000-Foundation';

/**
 * The LINE channel of notices (#15): each delivery keeps the retry key its pushes carry (LINE shows a
 * push retried with the same key once), the one-time codes that link an account to a LINE user (kept
 * as digests, one per user), and an index to find the accounts of a LINE user (unfollow unlinks them).
 */
export class LineChannel1796900000000 implements MigrationInterface {
  name = 'LineChannel1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('notification_delivery', new TableColumn(col.varchar('retry_key', 36, { isNullable: true })));
    await q.createIndex('notification_setting', new TableIndex({ name: 'idx_notification_setting_line', columnNames: ['line_user_id'] }));
    await q.createTable(
      new Table({
        name: 'line_link_code',
        columns: [
          col.int('user_id', { isPrimary: true }),
          col.varchar('code_hash', 64),
          col.datetime('expires_at'),
          col.datetime('created_at'),
        ],
        indices: [new TableIndex({ name: 'uq_line_link_code_hash', columnNames: ['code_hash'], isUnique: true })],
        foreignKeys: [fk('fk_line_link_code_user', 'user_id', 'app_user', 'id', 'CASCADE')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('line_link_code');
    await q.dropIndex('notification_setting', 'idx_notification_setting_line');
    await q.dropColumn('notification_delivery', 'retry_key');
  }
}
