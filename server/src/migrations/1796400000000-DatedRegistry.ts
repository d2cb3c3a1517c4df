import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { fiscalYearOf } from '../core/fiscal-year';
import { col } from './1763769600000-Foundation';

/**
 * The registry is dated: the first and the last fiscal year an LAO is in it (null: since before any plan;
 * in use), so a year's tables list the LAOs of that year. LAOs already retired are taken as retired in
 * the fiscal year of their last change.
 */
export class DatedRegistry1796400000000 implements MigrationInterface {
  name = 'DatedRegistry1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('lao', [
      new TableColumn(col.int('first_fiscal_year', { isNullable: true })),
      new TableColumn(col.int('last_fiscal_year', { isNullable: true })),
    ]);
    const retired: Array<{ code: string; updated_at: string | Date }> = await q.query('SELECT code, updated_at FROM lao WHERE active = ?', [
      false,
    ]);
    for (const lao of retired) {
      const changed = lao.updated_at instanceof Date ? lao.updated_at : new Date(`${lao.updated_at.replace(' ', 'T')}Z`);
      await q.query('UPDATE lao SET last_fiscal_year = ? WHERE code = ?', [fiscalYearOf(changed), lao.code]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('lao', 'last_fiscal_year');
    await q.dropColumn('lao', 'first_fiscal_year');
  }
}
