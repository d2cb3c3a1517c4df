import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './1763769600000-Foundation';

/**
 * ADMIN's switch on publishing a closed round (issue #16, modules/public/round-publication.entity.ts):
 * one row per fiscal year and round once ADMIN withdrew or published it; no row means published when closed.
 */
export class RoundPublication1797300000000 implements MigrationInterface {
  name = 'RoundPublication1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'round_publication',
        columns: [
          col.int('fiscal_year', { isPrimary: true }),
          col.varchar('round', 16, { isPrimary: true }),
          { name: 'published', type: 'boolean' },
          col.varchar('reason', 500, { isNullable: true }),
          col.datetime('changed_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('round_publication');
  }
}
