import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { loadActionPlan } from './action-plan.document';
import { ActionPlan } from './action-plan.type';

@Resolver()
export class ActionPlanResolver {
  @Authorized()
  @Query(() => ActionPlan, {
    description: 'แผนปฏิบัติการป้องกันการทุจริต of an LAO for a fiscal year, as the action-plan PDF and workbook print it',
  })
  actionPlan(@Arg('laoCode') laoCode: string, @FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<ActionPlan> {
    return loadActionPlan(ctx, laoCode, fiscalYear);
  }
}
