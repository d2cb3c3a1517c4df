import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, fk } from './1763769600000-Foundation';

/**
 * Evidence attachments (#16, modules/attachment): each file's facts, and its bytes in pieces small
 * enough for any statement (a BLOB holds 64 KB on MySQL/MariaDB; a file of 10 MB is some 170 rows).
 */
export class Attachments1797100000000 implements MigrationInterface {
  name = 'Attachments1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'attachment',
        columns: [
          col.id(),
          col.varchar('lao_code', 7),
          col.int('fiscal_year'),
          col.varchar('round', 16, { isNullable: true }),
          col.int('progress_report_id', { isNullable: true }),
          col.int('project_id', { isNullable: true }),
          col.varchar('file_name', 255),
          col.varchar('media_type', 32),
          col.int('size'),
          col.varchar('sha256', 64),
          col.bool('is_public', false),
          col.int('uploaded_by', { isNullable: true }),
          col.datetime('uploaded_at'),
        ],
        indices: [
          new TableIndex({ name: 'idx_attachment_lao_year', columnNames: ['lao_code', 'fiscal_year'] }),
          new TableIndex({ name: 'idx_attachment_report', columnNames: ['progress_report_id'] }),
          new TableIndex({ name: 'idx_attachment_project', columnNames: ['project_id'] }),
        ],
        foreignKeys: [
          fk('fk_attachment_lao', 'lao_code', 'lao', 'code', 'RESTRICT'),
          fk('fk_attachment_report', 'progress_report_id', 'progress_report', 'id', 'SET NULL'),
          fk('fk_attachment_project', 'project_id', 'project', 'id', 'SET NULL'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'attachment_chunk',
        columns: [col.int('attachment_id', { isPrimary: true }), col.int('seq', { isPrimary: true }), { name: 'data', type: 'blob' }],
        foreignKeys: [fk('fk_attachment_chunk_attachment', 'attachment_id', 'attachment', 'id', 'CASCADE')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('attachment_chunk');
    await q.dropTable('attachment');
  }
}
