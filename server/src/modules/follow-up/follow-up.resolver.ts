import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { EXPECTED, listOf } from '../../core/limits';
import { Permission } from '../access/policy';
import { ReportRound } from '../plan/report.enums';
import { nationalFollowUp, provinceFollowUp } from './follow-up.service';
import { NationalFollowUpRow, ProvinceFollowUp } from './follow-up.types';

@Resolver()
export class FollowUpResolver {
  @Authorized(Permission.READ_REVIEWS)
  @Query(() => ProvinceFollowUp, {
    description: 'ติดตามการรายงานผล: every LAO of a province (its office, or NACC central) with what it still owes in a round',
  })
  provinceFollowUp(
    @Arg('provinceCode') provinceCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
    @Arg('districtCode', () => String, { nullable: true }) districtCode?: string | null,
    @Arg('unfinishedOnly', () => Boolean, {
      nullable: true,
      description: 'Only the LAOs not finished: projects still waiting, or none created yet',
    })
    unfinishedOnly?: boolean | null,
  ): Promise<ProvinceFollowUp> {
    return provinceFollowUp(ctx, provinceCode, fiscalYear, round, { districtCode, unfinishedOnly });
  }

  @Authorized(Permission.READ_NATIONAL_SCORES)
  @Query(() => [NationalFollowUpRow], {
    complexity: listOf(EXPECTED.provinces),
    description: 'ติดตามการรายงานผลทั้งประเทศ: every province with its reporting and on-time rates of a round',
  })
  nationalFollowUp(
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
  ): Promise<NationalFollowUpRow[]> {
    return nationalFollowUp(ctx, fiscalYear, round);
  }
}
