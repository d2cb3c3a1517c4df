import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { AppContext } from '../../core/context';
import { PlanDimension } from './plan-dimension.entity';

/** Names of the four dimensions in the plan that covers a fiscal year (public reference data). */
export async function dimensionsOf(ctx: AppContext, fiscalYear: number): Promise<PlanDimension[]> {
  return ctx.em.getRepository(PlanDimension).find({
    where: { firstYear: LessThanOrEqual(fiscalYear), lastYear: MoreThanOrEqual(fiscalYear) },
    order: { number: 'ASC' },
  });
}

@Resolver()
export class PlanDimensionResolver {
  @Query(() => [PlanDimension], { description: 'The four dimensions (มิติ) of the plan in force in a fiscal year' })
  planDimensions(@Arg('fiscalYear', () => Int) fiscalYear: number, @Ctx() ctx: AppContext): Promise<PlanDimension[]> {
    return dimensionsOf(ctx, fiscalYear);
  }
}
