import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, fk } from './1763769600000-Foundation';

/** Plan years (baseline, minimum), reporting windows and reopenings, level thresholds, plan-result notes. */
export class Reporting1763942400000 implements MigrationInterface {
  name = 'Reporting1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'plan_year',
        columns: [
          col.varchar('lao_code', 7, { isPrimary: true }),
          col.int('fiscal_year', { isPrimary: true }),
          col.int('baseline_count', { isNullable: true }),
          col.int('minimum_count', { isNullable: true }),
        ],
        foreignKeys: [fk('fk_plan_year_lao', 'lao_code', 'lao', 'code', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'reporting_window',
        columns: [
          col.int('fiscal_year', { isPrimary: true }),
          col.varchar('round', 16, { isPrimary: true }),
          col.datetime('opens_at', true),
          col.datetime('closes_at', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'reporting_reopening',
        columns: [
          col.varchar('lao_code', 7, { isPrimary: true }),
          col.int('fiscal_year', { isPrimary: true }),
          col.varchar('round', 16, { isPrimary: true }),
          col.datetime('open_until'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'level_threshold',
        columns: [
          col.int('fiscal_year', { isPrimary: true }),
          col.varchar('round', 16, { isPrimary: true }),
          col.int('high_from'),
          { name: 'high_inclusive', type: 'boolean' },
          col.int('medium_from'),
          { name: 'medium_inclusive', type: 'boolean' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'plan_result_note',
        columns: [
          col.varchar('lao_code', 7, { isPrimary: true }),
          col.int('fiscal_year', { isPrimary: true }),
          col.varchar('round', 16, { isPrimary: true }),
          col.text('problems'),
          col.text('suggestions'),
          col.varchar('reporter_name', 200, { isNullable: true }),
          col.varchar('reporter_position', 200, { isNullable: true }),
        ],
        foreignKeys: [fk('fk_plan_result_note_lao', 'lao_code', 'lao', 'code', 'CASCADE')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['plan_result_note', 'level_threshold', 'reporting_reopening', 'reporting_window', 'plan_year'])
      await q.dropTable(table);
  }
}
