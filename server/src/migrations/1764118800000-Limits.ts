import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './1763769600000-Foundation';

/** Rate-limit counters, lockout units of trusted browsers and unknown usernames, and secrets shared by the instances. */
export class Limits1764118800000 implements MigrationInterface {
  name = 'Limits1764118800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rate_limit',
        columns: [col.varchar('bucket', 200, { isPrimary: true }), col.bigint('window_start'), col.int('hits')],
        indices: [new TableIndex({ name: 'idx_rate_limit_window', columnNames: ['window_start'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'login_lock',
        columns: [
          col.varchar('unit', 100, { isPrimary: true }),
          col.int('failed_logins', { default: 0 }),
          col.datetime('locked_until', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'server_secret',
        columns: [col.varchar('name', 64, { isPrimary: true }), col.varchar('value', 128)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('server_secret');
    await q.dropTable('login_lock');
    await q.dropTable('rate_limit');
  }
}
