import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, fk } from './1763769600000-Foundation';

/**
 * Plausibility warnings and the red-flag queue (#16): the warnings an LAO confirmed when it saved a
 * report (modules/progress-report/report-warnings.ts), and what province offices decided on each red flag
 * (modules/red-flag): followed up or dismissed, with a note, once per action and flag.
 */
export class RedFlags1797200000000 implements MigrationInterface {
  name = 'RedFlags1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('progress_report', new TableColumn(col.varchar('confirmed_warnings', 200, { isNullable: true })));
    await q.createTable(
      new Table({
        name: 'red_flag_decision',
        columns: [
          col.id(),
          col.varchar('flag_id', 64),
          col.varchar('rule', 32),
          col.varchar('lao_code', 7),
          col.varchar('province_code', 2),
          col.int('fiscal_year'),
          col.varchar('round', 16),
          col.varchar('action', 16),
          col.text('note', false),
          col.text('evidence', false),
          col.int('decided_by'),
          col.datetime('decided_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_red_flag_decision', columnNames: ['flag_id', 'action'], isUnique: true }),
          new TableIndex({ name: 'idx_red_flag_decision_round', columnNames: ['province_code', 'fiscal_year', 'round'] }),
        ],
        foreignKeys: [fk('fk_red_flag_decision_user', 'decided_by', 'app_user', 'id', 'RESTRICT')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('red_flag_decision');
    await q.dropColumn('progress_report', 'confirmed_warnings');
  }
}
