import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { AppContext } from '../../core/context';
import { ProjectYear } from './project-year.entity';
import { Project } from './project.entity';

/** Groups rows by a key, in the order of the keys asked for. */
export function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k)!);
}

export function createProjectLoaders(ctx: AppContext) {
  return {
    projectById: new DataLoader<number, Project | null>(async (ids) => {
      const rows = await ctx.em.getRepository(Project).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** The fiscal years of each project, oldest first: one query for any number of projects. */
    yearsByProject: new DataLoader<number, ProjectYear[]>(async (ids) => {
      const rows = await ctx.em.getRepository(ProjectYear).find({ where: { projectId: In([...ids]) }, order: { fiscalYear: 'ASC' } });
      return groupBy(ids, rows, (r) => r.projectId);
    }),
  };
}
