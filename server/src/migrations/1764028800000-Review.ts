import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, fk } from './1763769600000-Foundation';

/** Baseline change requests and SAR scores. */
export class Review1764028800000 implements MigrationInterface {
  name = 'Review1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'baseline_request',
        columns: [
          col.id(),
          col.varchar('lao_code', 7),
          col.int('fiscal_year'),
          col.int('current_count'),
          col.int('requested_count'),
          col.varchar('status', 16),
          col.text('reason'),
          col.int('requested_by', { isNullable: true }),
          col.datetime('requested_at'),
          col.int('decided_by', { isNullable: true }),
          col.datetime('decided_at', true),
        ],
        indices: [
          new TableIndex({ name: 'idx_baseline_request_lao_year', columnNames: ['lao_code', 'fiscal_year'] }),
          new TableIndex({ name: 'idx_baseline_request_status', columnNames: ['status'] }),
        ],
        foreignKeys: [fk('fk_baseline_request_lao', 'lao_code', 'lao', 'code', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sar_score',
        columns: [
          col.varchar('lao_code', 7, { isPrimary: true }),
          col.int('fiscal_year', { isPrimary: true }),
          col.int('dimension', { isPrimary: true }),
          col.int('self_score', { isNullable: true }),
          col.int('evaluated_score', { isNullable: true }),
          col.bigint('budget', { isNullable: true }),
          col.int('project_count', { isNullable: true }),
        ],
        foreignKeys: [fk('fk_sar_score_lao', 'lao_code', 'lao', 'code', 'CASCADE')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('sar_score');
    await q.dropTable('baseline_request');
  }
}
