import type { AppContext } from './core/context';
import { createGeographyLoaders } from './modules/geography/geography.loaders';
import { createLaoLoaders } from './modules/lao/lao.loaders';

/** Fresh DataLoaders for each request (and again after each mutation), one factory per feature. */
export function createLoaders(ctx: AppContext) {
  return { ...createGeographyLoaders(ctx), ...createLaoLoaders(ctx) };
}

export type Loaders = ReturnType<typeof createLoaders>;
