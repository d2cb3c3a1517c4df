import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, fk } from './1763769600000-Foundation';

/**
 * Published figures never move (issue #16, modules/scoring/published-figures.entity.ts): each LAO's
 * figures of a round as they were when it closed, and which rounds have been frozen. Filled as rounds
 * close (modules/public/publication.ts), not here: a round closed before this migration is frozen as its
 * figures stand when it is first published after it.
 */
export class PublishedFigures1797400000000 implements MigrationInterface {
  name = 'PublishedFigures1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'published_figures',
        columns: [
          col.varchar('lao_code', 7, { isPrimary: true }),
          col.int('fiscal_year', { isPrimary: true }),
          col.varchar('round', 16, { isPrimary: true }),
          col.int('denominator'),
          col.bool('from_minimum', false),
          col.int('done'),
          col.int('in_progress'),
          col.text('detail', false),
          col.datetime('frozen_at'),
        ],
        foreignKeys: [fk('fk_published_figures_lao', 'lao_code', 'lao', 'code', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'published_round',
        columns: [col.int('fiscal_year', { isPrimary: true }), col.varchar('round', 16, { isPrimary: true }), col.datetime('frozen_at')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('published_round');
    await q.dropTable('published_figures');
  }
}
