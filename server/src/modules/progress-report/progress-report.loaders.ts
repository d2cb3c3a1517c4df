import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { AppContext } from '../../core/context';
import { groupBy } from '../project/project.loaders';
import { ProgressReport } from './progress-report.entity';

export function createProgressReportLoaders(ctx: AppContext) {
  return {
    /** Every progress report of each project, all years and rounds: one query. */
    reportsByProject: new DataLoader<number, ProgressReport[]>(async (ids) => {
      const rows = await ctx.em.getRepository(ProgressReport).findBy({ projectId: In([...ids]) });
      return groupBy(ids, rows, (r) => r.projectId);
    }),
  };
}
