import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { EXPECTED, listOf } from '../../core/limits';
import { Permission } from '../access/policy';
import { ReportRound } from '../plan/report.enums';
import { Lao } from '../lao/lao.entity';
import { nationalFollowUp, provinceFollowUp, reportingWorklist } from './follow-up.service';
import { NationalFollowUpRow, ProvinceFollowUp, WorklistRow } from './follow-up.types';

@Resolver(() => WorklistRow)
export class FollowUpResolver {
  @FieldResolver(() => Lao, { description: 'The LAO of the row' })
  async lao(@Root() row: WorklistRow, @Ctx() ctx: AppContext): Promise<Lao> {
    return (await ctx.loaders.laoByCode.load(row.laoCode))!;
  }

  @Authorized(Permission.READ_REVIEWS)
  @Query(() => [WorklistRow], {
    complexity: listOf(EXPECTED.laosOfProvince),
    description:
      'ติดตามการรายงานผล as a worklist: every LAO of a province (the caller’s own office’s when none is named) with created, reported, waiting, rate, days to its close',
  })
  reportingWorklist(
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
    @Arg('provinceCode', () => String, { nullable: true }) provinceCode?: string | null,
    @Arg('districtCode', () => String, { nullable: true }) districtCode?: string | null,
  ): Promise<WorklistRow[]> {
    return reportingWorklist(ctx, fiscalYear, round, provinceCode, districtCode);
  }

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
