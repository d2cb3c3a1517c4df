import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildFigures } from '../modules/scoring/figures.store';

/**
 * The default baseline counts every PLANNED project of the plan but an approved reduction — a project NACC
 * marked non-compliant included (plan/project.enums.ts `BASELINE_STATUSES`) — so the maintained figures
 * are made again. No schema change; going down makes them again by the code then running.
 */
export class BaselineOfThePlan1796300000000 implements MigrationInterface {
  name = 'BaselineOfThePlan1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await rebuildFigures(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await rebuildFigures(q.manager);
  }
}
