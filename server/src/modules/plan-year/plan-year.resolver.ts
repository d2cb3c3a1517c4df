import { Permission } from '../access/policy';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { CountArg, FiscalYearArg } from '../../core/input';
import { PlanYear } from './plan-year.entity';
import { setPlanYear } from './plan-year.service';

@Resolver(() => PlanYear)
export class PlanYearResolver {
  @Authorized(Permission.ADMINISTER)
  @Mutation(() => PlanYear, {
    description: 'ADMIN: baseline and/or minimum project count of an LAO’s fiscal year (left out: unchanged; null: cleared)',
  })
  setPlanYear(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Ctx() ctx: AppContext,
    @CountArg('baselineCount', 'จำนวนโครงการตั้งต้น', { nullable: true }) baselineCount?: number | null,
    @CountArg('minimumCount', 'จำนวนโครงการขั้นต่ำ', { nullable: true }) minimumCount?: number | null,
  ): Promise<PlanYear> {
    return setPlanYear(ctx, laoCode, fiscalYear, baselineCount, minimumCount);
  }
}
