import { Arg, Authorized, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { listOf } from '../../core/limits';
import { Permission } from '../access/policy';
import { SarScoreInput } from './sar.inputs';
import { SarScore } from './sar-score.entity';
import { listSarScores, setSarScores } from './sar.service';

@Resolver(() => SarScore)
export class SarResolver {
  @Authorized()
  @Query(() => [SarScore], { complexity: listOf(5), description: 'คะแนน SAR of an LAO in a fiscal year, by dimension' })
  sarScores(@Arg('laoCode') laoCode: string, @FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<SarScore[]> {
    return listSarScores(ctx, laoCode, fiscalYear);
  }

  @Authorized(Permission.REVIEW)
  @Mutation(() => [SarScore], {
    complexity: listOf(5),
    description: 'Province office or ADMIN: enter the SAR scores of a year (replaces that year’s rows)',
  })
  setSarScores(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('rows', () => [SarScoreInput]) rows: SarScoreInput[],
    @Ctx() ctx: AppContext,
  ): Promise<SarScore[]> {
    return setSarScores(ctx, laoCode, fiscalYear, rows);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'คะแนนประเมินตนเอง' })
  selfScore(@Root() row: SarScore): number | null {
    return row.selfScore === null ? null : row.selfScore / 100;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'คะแนนที่ ป.ป.ช. ประเมิน' })
  evaluatedScore(@Root() row: SarScore): number | null {
    return row.evaluatedScore === null ? null : row.evaluatedScore / 100;
  }
}
