import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, fk } from './1763769600000-Foundation';

/**
 * Deadlines and notices (#15): the scheduled jobs every instance runs by leases (modules/job), the
 * in-app notices with their outbox of deliveries per channel, each user's notice settings, ADMIN's
 * reminder schedule per round (21/14/7/1 days before the close to start with) and the reminder steps
 * already sent to each LAO (modules/notification).
 */
export class Notices1796800000000 implements MigrationInterface {
  name = 'Notices1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'scheduled_job',
        columns: [
          col.varchar('name', 64, { isPrimary: true }),
          col.datetime('next_run_at'),
          col.datetime('lease_until', true),
          col.varchar('leased_by', 40, { isNullable: true }),
          col.datetime('last_run_at', true),
          col.varchar('last_result', 300, { isNullable: true }),
          col.varchar('last_error', 300, { isNullable: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification',
        columns: [
          col.id(),
          col.int('user_id'),
          col.varchar('kind', 32),
          col.varchar('title', 200),
          col.text('body', false),
          col.varchar('link', 300, { isNullable: true }),
          col.varchar('lao_code', 7, { isNullable: true }),
          col.int('fiscal_year', { isNullable: true }),
          col.varchar('round', 16, { isNullable: true }),
          col.varchar('dedupe_key', 100, { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('read_at', true),
        ],
        indices: [
          new TableIndex({ name: 'idx_notification_user', columnNames: ['user_id', 'id'] }),
          new TableIndex({ name: 'uq_notification_dedupe', columnNames: ['user_id', 'dedupe_key'], isUnique: true }),
        ],
        foreignKeys: [fk('fk_notification_user', 'user_id', 'app_user', 'id', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_delivery',
        columns: [
          col.id(),
          col.int('notification_id'),
          col.varchar('channel', 16),
          col.varchar('status', 16),
          col.int('attempts', { default: 0 }),
          col.datetime('next_attempt_at'),
          col.varchar('lease_owner', 40, { isNullable: true }),
          col.datetime('lease_until', true),
          col.varchar('last_error', 300, { isNullable: true }),
          col.datetime('sent_at', true),
          col.datetime('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_notification_delivery_channel', columnNames: ['notification_id', 'channel'], isUnique: true }),
          new TableIndex({ name: 'idx_notification_delivery_due', columnNames: ['status', 'next_attempt_at'] }),
        ],
        foreignKeys: [fk('fk_notification_delivery_notification', 'notification_id', 'notification', 'id', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_setting',
        columns: [
          col.int('user_id', { isPrimary: true }),
          col.bool('email', true),
          col.bool('line', true),
          col.bool('deadline_reminders', true),
          col.bool('round_opened', true),
          col.varchar('line_user_id', 64, { isNullable: true }),
          col.datetime('updated_at'),
        ],
        foreignKeys: [fk('fk_notification_setting_user', 'user_id', 'app_user', 'id', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'reminder_schedule',
        columns: [col.varchar('round', 16, { isPrimary: true }), col.varchar('days', 100), col.datetime('updated_at')],
      }),
    );
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
    await q.query('INSERT INTO reminder_schedule (round, days, updated_at) VALUES (?, ?, ?), (?, ?, ?)', [
      'SIX_MONTHS',
      '21,14,7,1',
      now,
      'TWELVE_MONTHS',
      '21,14,7,1',
      now,
    ]);
    await q.createTable(
      new Table({
        name: 'reminder_sent',
        columns: [
          col.varchar('lao_code', 7, { isPrimary: true }),
          col.int('fiscal_year', { isPrimary: true }),
          col.varchar('round', 16, { isPrimary: true }),
          col.varchar('step', 40, { isPrimary: true }),
          col.int('waiting'),
          col.datetime('sent_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'reminder_sent',
      'reminder_schedule',
      'notification_setting',
      'notification_delivery',
      'notification',
      'scheduled_job',
    ]) {
      await q.dropTable(table);
    }
  }
}
