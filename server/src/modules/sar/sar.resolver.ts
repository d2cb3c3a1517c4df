import { Arg, Authorized, Ctx, Field, FieldResolver, Float, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { badInput, forbidden, type FieldError } from '../../core/errors';
import { MoneyScalar, type Satang } from '../../core/money';
import { recordAudit } from '../audit/audit.service';
import { Role } from '../account/role';
import { getReadableLao } from '../lao/lao.service';
import { canReview } from '../review/review.policy';
import { SarScore } from './sar-score.entity';
import { listOf } from '../../core/limits';

@InputType({ description: 'คะแนน SAR of one dimension' })
class SarScoreInput {
  @Field(() => Int)
  dimension: number;

  // Ranges are checked row by row in setSarScores, so each message names its row (rows.2.selfScore).
  @Field(() => Float, { nullable: true, description: 'คะแนนประเมินตนเอง, 0–100, two decimals' })
  selfScore?: number | null;

  @Field(() => Float, { nullable: true, description: 'คะแนนที่ ป.ป.ช. ประเมิน, 0–100, two decimals' })
  evaluatedScore?: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  budget?: Satang | null;

  @Field(() => Int, { nullable: true })
  projectCount?: number | null;
}

/** Hundredths from a score with at most two decimals; null when it has more. */
const hundredths = (v: number | null | undefined): number | null | undefined => {
  if (v === null || v === undefined) return v;
  const h = Math.round(v * 100);
  return Math.abs(v * 100 - h) > 1e-6 ? undefined : h;
};

@Resolver(() => SarScore)
export class SarResolver {
  @Authorized()
  @Query(() => [SarScore], { complexity: listOf(5), description: 'คะแนน SAR of an LAO in a fiscal year, by dimension' })
  async sarScores(
    @Arg('laoCode') laoCode: string,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Ctx() ctx: AppContext,
  ): Promise<SarScore[]> {
    await getReadableLao(ctx, laoCode);
    return ctx.em.getRepository(SarScore).find({ where: { laoCode, fiscalYear }, order: { dimension: 'ASC' } });
  }

  @Authorized(Role.PROVINCE_OFFICER, Role.ADMIN)
  @Mutation(() => [SarScore], {
    complexity: listOf(5),
    description: 'Province office or ADMIN: enter the SAR scores of a year (replaces that year’s rows)',
  })
  async setSarScores(
    @Arg('laoCode') laoCode: string,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('rows', () => [SarScoreInput]) rows: SarScoreInput[],
    @Ctx() ctx: AppContext,
  ): Promise<SarScore[]> {
    const lao = await getReadableLao(ctx, laoCode);
    if (!canReview(ctx.user, lao)) throw forbidden('ท่านบันทึกคะแนนได้เฉพาะ อปท. ในจังหวัดของท่าน');
    const fields: FieldError[] = [];
    if (rows.length > 4) fields.push({ field: 'rows', message: 'คะแนน SAR มีได้ไม่เกิน 4 มิติ' });
    const seen = new Set<number>();
    rows.forEach((r, i) => {
      if (![1, 2, 3, 4].includes(r.dimension)) fields.push({ field: `rows.${i}.dimension`, message: 'มิติต้องเป็น 1–4' });
      else if (seen.has(r.dimension)) fields.push({ field: `rows.${i}.dimension`, message: 'มิติซ้ำกัน' });
      seen.add(r.dimension);
      for (const key of ['selfScore', 'evaluatedScore'] as const) {
        const v = r[key];
        if (v === undefined || v === null) continue;
        if (v < 0 || v > 100) fields.push({ field: `rows.${i}.${key}`, message: 'คะแนนต้องอยู่ระหว่าง 0–100' });
        else if (hundredths(v) === undefined) fields.push({ field: `rows.${i}.${key}`, message: 'คะแนนใส่ทศนิยมได้ไม่เกิน 2 ตำแหน่ง' });
      }
      if (r.budget !== undefined && r.budget !== null && r.budget < 0)
        fields.push({ field: `rows.${i}.budget`, message: 'งบประมาณต้องไม่ติดลบ' });
      if (r.projectCount !== undefined && r.projectCount !== null && (!Number.isInteger(r.projectCount) || r.projectCount < 0)) {
        fields.push({ field: `rows.${i}.projectCount`, message: 'จำนวนโครงการต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป' });
      }
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
          selfScore: hundredths(r.selfScore) ?? null,
          evaluatedScore: hundredths(r.evaluatedScore) ?? null,
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
