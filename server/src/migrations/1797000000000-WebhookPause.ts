import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './1763769600000-Foundation';

/**
 * A webhook whose receiver keeps failing is paused as a whole (modules/webhook/webhook.worker.ts): its
 * failures in a row and the end of its pause, so that a dead receiver costs each pass one probe, not a
 * share of every batch.
 */
export class WebhookPause1797000000000 implements MigrationInterface {
  name = 'WebhookPause1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('webhook', new TableColumn(col.int('failures', { default: 0 })));
    await q.addColumn('webhook', new TableColumn(col.datetime('paused_until', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('webhook', 'paused_until');
    await q.dropColumn('webhook', 'failures');
  }
}
