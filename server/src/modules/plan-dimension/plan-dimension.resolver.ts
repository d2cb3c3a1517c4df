import { Ctx, Query, Resolver } from 'type-graphql';
import { LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { PlanDimension } from './plan-dimension.entity';
import { listOf } from '../../core/limits';

/** Names of the four dimensions in the plan that covers a fiscal year (public reference data). */
export async function dimensionsOf(ctx: AppContext, fiscalYear: number): Promise<PlanDimension[]> {
  const repo = ctx.em.getRepository(PlanDimension);
  const inForce = await repo.find({
    where: { firstYear: LessThanOrEqual(fiscalYear), lastYear: MoreThanOrEqual(fiscalYear) },
    order: { number: 'ASC' },
  });
  if (inForce.length) return inForce;
  // Past the last plan NACC has entered, its dimensions stand until the next plan is entered.
  const latest = await repo.findOne({ where: { firstYear: LessThanOrEqual(fiscalYear) }, order: { firstYear: 'DESC' } });
  return latest ? repo.find({ where: { firstYear: latest.firstYear }, order: { number: 'ASC' } }) : [];
}

@Resolver()
export class PlanDimensionResolver {
  @Query(() => [PlanDimension], { complexity: listOf(5), description: 'The four dimensions (มิติ) of the plan in force in a fiscal year' })
  planDimensions(@FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<PlanDimension[]> {
    return dimensionsOf(ctx, fiscalYear);
  }
}
