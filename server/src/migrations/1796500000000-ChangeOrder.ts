import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Other systems page through what changed since an instant (`projectsConnection` and
 * `progressReportsConnection` with `updatedSince`) in the order of the changes: an index on that order
 * answers each page from where the last ended, instead of sorting every project or report again.
 */
export class ChangeOrder1796500000000 implements MigrationInterface {
  name = 'ChangeOrder1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('project', new TableIndex({ name: 'idx_project_changed', columnNames: ['updated_at', 'id'] }));
    await q.createIndex('progress_report', new TableIndex({ name: 'idx_report_saved', columnNames: ['reported_at', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('progress_report', 'idx_report_saved');
    await q.dropIndex('project', 'idx_project_changed');
  }
}
