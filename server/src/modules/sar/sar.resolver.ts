import { Arg, Authorized, Ctx, Field, FieldResolver, Float, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsIn, IsOptional, Max, Min } from 'class-validator';
import type { AppContext } from '../../core/context';
import { Count, FiscalYearArg, MaxDecimals } from '../../core/input';
import { badInput, forbidden, type FieldError } from '../../core/errors';
import { MoneyScalar, type Satang } from '../../core/money';
import { recordAudit } from '../audit/audit.service';
import { getReadableLao } from '../lao/lao.service';
import { allow, Permission, placeOfLao } from '../access/policy';
import { SarScore } from './sar-score.entity';
import { listOf } from '../../core/limits';

@InputType({ description: 'คะแนน SAR of one dimension' })
class SarScoreInput {
  @Field(() => Int)
  @IsIn([1, 2, 3, 4], { message: 'มิติต้องเป็น 1–4' })
  dimension: number;

  @Field(() => Float, { nullable: true, description: 'คะแนนประเมินตนเอง, 0–100, two decimals' })
  @IsOptional()
  @MaxDecimals(2, { message: 'คะแนนใส่ทศนิยมได้ไม่เกิน 2 ตำแหน่ง' })
  @Min(0, { message: 'คะแนนต้องอยู่ระหว่าง 0–100' })
  @Max(100, { message: 'คะแนนต้องอยู่ระหว่าง 0–100' })
  selfScore?: number | null;

  @Field(() => Float, { nullable: true, description: 'คะแนนที่ ป.ป.ช. ประเมิน, 0–100, two decimals' })
  @IsOptional()
  @MaxDecimals(2, { message: 'คะแนนใส่ทศนิยมได้ไม่เกิน 2 ตำแหน่ง' })
  @Min(0, { message: 'คะแนนต้องอยู่ระหว่าง 0–100' })
  @Max(100, { message: 'คะแนนต้องอยู่ระหว่าง 0–100' })
  evaluatedScore?: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'งบประมาณต้องไม่ติดลบ' })
  budget?: Satang | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Count('จำนวนโครงการ')
  projectCount?: number | null;
}

/** Hundredths from a score with at most two decimals (checked on the input). */
const hundredths = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(v * 100));

@Resolver(() => SarScore)
export class SarResolver {
  @Authorized()
  @Query(() => [SarScore], { complexity: listOf(5), description: 'คะแนน SAR of an LAO in a fiscal year, by dimension' })
  async sarScores(@Arg('laoCode') laoCode: string, @FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<SarScore[]> {
    await getReadableLao(ctx, laoCode);
    return ctx.em.getRepository(SarScore).find({ where: { laoCode, fiscalYear }, order: { dimension: 'ASC' } });
  }

  @Authorized(Permission.REVIEW)
  @Mutation(() => [SarScore], {
    complexity: listOf(5),
    description: 'Province office or ADMIN: enter the SAR scores of a year (replaces that year’s rows)',
  })
  async setSarScores(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('rows', () => [SarScoreInput]) rows: SarScoreInput[],
    @Ctx() ctx: AppContext,
  ): Promise<SarScore[]> {
    const lao = await getReadableLao(ctx, laoCode);
    if (!allow(ctx.user, Permission.REVIEW, placeOfLao(lao))) throw forbidden('ท่านบันทึกคะแนนได้เฉพาะ อปท. ในจังหวัดของท่าน');
    const fields: FieldError[] = [];
    if (rows.length > 4) fields.push({ field: 'rows', message: 'คะแนน SAR มีได้ไม่เกิน 4 มิติ' });
    const seen = new Set<number>();
    rows.forEach((r, i) => {
      if (seen.has(r.dimension)) fields.push({ field: `rows.${i}.dimension`, message: 'มิติซ้ำกัน' });
      seen.add(r.dimension);
    });
    if (fields.length) throw badInput(fields, fields[0].message);
    const repo = ctx.em.getRepository(SarScore);
    const before = await repo.find({ where: { laoCode, fiscalYear }, order: { dimension: 'ASC' } });
    await repo.delete({ laoCode, fiscalYear });
    const saved = await repo.save(
      rows.map((r) =>
        repo.create({
          laoCode,
          fiscalYear,
          dimension: r.dimension,
          selfScore: hundredths(r.selfScore),
          evaluatedScore: hundredths(r.evaluatedScore),
          budget: r.budget ?? null,
          projectCount: r.projectCount ?? null,
        }),
      ),
    );
    await recordAudit(ctx, {
      action: 'setSarScores',
      targetType: 'SarScore',
      targetId: `${laoCode}:${fiscalYear}`,
      laoCode,
      provinceCode: lao.provinceCode,
      before,
      after: saved,
    });
    return saved.sort((a, b) => a.dimension - b.dimension);
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
