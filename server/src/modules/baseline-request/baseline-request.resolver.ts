import { Permission } from '../access/policy';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { CountArg, FiscalYearArg } from '../../core/input';
import { parseId } from '../../core/ids';
import { BaselineRequest } from './baseline-request.entity';
import { baselineYears, cancelBaselineRequest, requestBaselineChange } from './baseline-request.service';
import { BaselineYear } from './baseline-request.types';
import { listOf } from '../../core/limits';

@Resolver()
export class BaselineRequestResolver {
  @Authorized()
  @Query(() => [BaselineYear], {
    complexity: listOf(10),
    description: 'ขอเพิ่ม/ลดโครงการ: baseline, created count and standing of each fiscal year',
  })
  baselineYears(@Arg('laoCode') laoCode: string, @Ctx() ctx: AppContext): Promise<BaselineYear[]> {
    return baselineYears(ctx, laoCode);
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => BaselineRequest, { description: 'Ask for a new baseline total for a fiscal year (not past years)' })
  requestBaselineChange(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @CountArg('requestedCount', 'จำนวนโครงการตั้งต้น') requestedCount: number,
    @Ctx() ctx: AppContext,
  ): Promise<BaselineRequest> {
    return requestBaselineChange(ctx, laoCode, fiscalYear, requestedCount);
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => BaselineRequest, { description: 'Cancel a pending request, or close a rejected one' })
  cancelBaselineRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<BaselineRequest> {
    return cancelBaselineRequest(ctx, parseId(id));
  }
}
