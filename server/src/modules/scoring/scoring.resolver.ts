import { Permission } from '../access/policy';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { ReportRound } from '../plan/report.enums';
import { laoDashboard, laoOverview, planResults } from './lao-summary.service';
import { nationalScores, provinceScores } from './province-scores.service';
import {
  LaoDashboard,
  LaoOverview,
  LevelThresholdInput,
  NationalScoreRow,
  PlanResults,
  ProvinceScoreReport,
  RoundThresholds,
} from './scoring.types';
import { levelThresholdsOf, setLevelThresholds } from './thresholds.service';
import { EXPECTED, listOf } from '../../core/limits';

@Resolver()
export class ScoringResolver {
  @Authorized()
  @Query(() => LaoDashboard, { description: 'หน้าหลัก of an LAO for a fiscal year' })
  laoDashboard(@Arg('laoCode') laoCode: string, @FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<LaoDashboard> {
    return laoDashboard(ctx, laoCode, fiscalYear);
  }

  @Authorized()
  @Query(() => LaoOverview, { description: 'ภาพรวมของการดำเนินงานตามแผนราย อปท.' })
  laoOverview(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
  ): Promise<LaoOverview> {
    return laoOverview(ctx, laoCode, fiscalYear, round);
  }

  @Authorized()
  @Query(() => PlanResults, { description: 'ผลการดำเนินงานตามแผน' })
  planResults(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
  ): Promise<PlanResults> {
    return planResults(ctx, laoCode, fiscalYear, round);
  }

  @Authorized()
  @Query(() => ProvinceScoreReport, {
    description:
      'ผลการนำแผนฯ ไปปฏิบัติระดับจังหวัด (a province office or an LAO officer: its own province; other LAOs show their registry entry only)',
  })
  provinceScores(
    @Arg('provinceCode') provinceCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
    @Arg('districtCode', () => String, { nullable: true }) districtCode?: string | null,
  ): Promise<ProvinceScoreReport> {
    return provinceScores(ctx, provinceCode, fiscalYear, round, districtCode);
  }

  @Authorized(Permission.READ_NATIONAL_SCORES)
  @Query(() => [NationalScoreRow], {
    complexity: listOf(EXPECTED.provinces),
    description: 'The whole country: every province with its LAOs counted by level',
  })
  nationalScores(
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
  ): Promise<NationalScoreRow[]> {
    return nationalScores(ctx, fiscalYear, round);
  }

  @Authorized()
  @Query(() => [RoundThresholds], {
    complexity: listOf(2),
    description: 'Level thresholds of both rounds of a fiscal year (ADMIN’s, or the defaults)',
  })
  levelThresholds(@FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<RoundThresholds[]> {
    return levelThresholdsOf(ctx, fiscalYear);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => [RoundThresholds], { complexity: listOf(2), description: 'ADMIN: level thresholds of a round of a fiscal year' })
  setLevelThresholds(
    @FiscalYearArg() fiscalYear: number,
    @Arg('input', () => LevelThresholdInput) input: LevelThresholdInput,
    @Ctx() ctx: AppContext,
  ): Promise<RoundThresholds[]> {
    return setLevelThresholds(ctx, fiscalYear, input);
  }
}
