import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { rebuildFigures } from '../modules/scoring/figures.store';
import { col, fk } from './1763769600000-Foundation';

/**
 * The figures NACC's tables read, maintained per LAO and fiscal year (modules/scoring/figures.store.ts),
 * made here once from the data already stored. A server of the previous version does not keep them up
 * to date: after a rolling upgrade, `npm run figures:verify -- --repair` makes them again.
 */
export class LaoYearFigures1796200000000 implements MigrationInterface {
  name = 'LaoYearFigures1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'lao_year_figures',
        columns: [
          col.varchar('lao_code', 7, { isPrimary: true }),
          col.int('fiscal_year', { isPrimary: true }),
          col.int('denominator'),
          col.bool('from_minimum', false),
          col.int('done_six'),
          col.int('in_progress_six'),
          col.int('done_twelve'),
          col.int('in_progress_twelve'),
          col.text('detail', false),
        ],
        foreignKeys: [fk('fk_lao_year_figures_lao', 'lao_code', 'lao', 'code', 'CASCADE')],
      }),
    );
    await rebuildFigures(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('lao_year_figures');
  }
}
