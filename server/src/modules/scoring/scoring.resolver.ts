import { Permission } from '../access/policy';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { IsInt, Max, Min } from 'class-validator';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { badInput } from '../../core/errors';
import { recordAudit } from '../audit/audit.service';
import { ReportRound } from '../plan/report.enums';
import { LevelThreshold } from './level-threshold.entity';
import { laoDashboard, laoOverview, planResults } from './lao-summary.service';
import { nationalScores, provinceScores } from './province-scores.service';
import { LaoDashboard, LaoOverview, NationalScoreRow, PlanResults, ProvinceScoreReport } from './scoring.types';
import { thresholdsFor } from './year-figures';
import { EXPECTED, listOf } from '../../core/limits';

@InputType({ description: 'Level thresholds of one round, in percent (two decimals)' })
class LevelThresholdInput {
  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => Int, { description: 'HIGH from this score, in hundredths of a percent (5000 = 50.00)' })
  @IsInt({ message: 'เกณฑ์ต้องเป็นจำนวนเต็ม (หน่วย 0.01%)' })
  @Min(0, { message: 'เกณฑ์ต้องอยู่ระหว่าง 0–100%' })
  @Max(10000, { message: 'เกณฑ์ต้องอยู่ระหว่าง 0–100%' })
  highFrom: number;

  @Field({ description: 'True: HIGH when the score equals highFrom too' })
  highInclusive: boolean;

  @Field(() => Int)
  @IsInt({ message: 'เกณฑ์ต้องเป็นจำนวนเต็ม (หน่วย 0.01%)' })
  @Min(0, { message: 'เกณฑ์ต้องอยู่ระหว่าง 0–100%' })
  @Max(10000, { message: 'เกณฑ์ต้องอยู่ระหว่าง 0–100%' })
  mediumFrom: number;

  @Field()
  mediumInclusive: boolean;
}

@ObjectType({ description: 'Level thresholds of one round of a fiscal year (hundredths of a percent)' })
class RoundThresholds {
  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => Int)
  highFrom: number;

  @Field()
  highInclusive: boolean;

  @Field(() => Int)
  mediumFrom: number;

  @Field()
  mediumInclusive: boolean;
}

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
  async levelThresholds(@FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<RoundThresholds[]> {
    const t = await thresholdsFor(ctx, fiscalYear);
    return [ReportRound.SIX_MONTHS, ReportRound.TWELVE_MONTHS].map((round) => ({
      round,
      highFrom: t[round].high.from,
      highInclusive: t[round].high.inclusive,
      mediumFrom: t[round].medium.from,
      mediumInclusive: t[round].medium.inclusive,
    }));
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => [RoundThresholds], { complexity: listOf(2), description: 'ADMIN: level thresholds of a round of a fiscal year' })
  async setLevelThresholds(
    @FiscalYearArg() fiscalYear: number,
    @Arg('input', () => LevelThresholdInput) input: LevelThresholdInput,
    @Ctx() ctx: AppContext,
  ): Promise<RoundThresholds[]> {
    if (input.mediumFrom > input.highFrom) {
      const message = 'เกณฑ์ระดับกลางต้องไม่สูงกว่าเกณฑ์ระดับมาก';
      throw badInput([{ field: 'mediumFrom', message }], message);
    }
    const repo = ctx.em.getRepository(LevelThreshold);
    const before = await repo.findOneBy({ fiscalYear, round: input.round });
    const after = await repo.save(repo.create({ fiscalYear, ...input }));
    await recordAudit(ctx, {
      action: 'setLevelThresholds',
      targetType: 'LevelThreshold',
      targetId: `${fiscalYear}:${input.round}`,
      before,
      after,
    });
    return this.levelThresholds(fiscalYear, ctx);
  }
}
