import type { AppContext } from './core/context';
import { createAuditTrailLoaders } from './modules/audit-trail/audit-trail.loaders';
import { createGeographyLoaders } from './modules/geography/geography.loaders';
import { createLaoLoaders } from './modules/lao/lao.loaders';
import { createProgressReportLoaders } from './modules/progress-report/progress-report.loaders';
import { createProjectLoaders } from './modules/project/project.loaders';

/** Fresh DataLoaders for each request (and again after each mutation), one factory per feature. */
export function createLoaders(ctx: AppContext) {
  return {
    ...createAuditTrailLoaders(ctx),
    ...createGeographyLoaders(ctx),
    ...createLaoLoaders(ctx),
    ...createProjectLoaders(ctx),
    ...createProgressReportLoaders(ctx),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
