import type { AppContext } from '../../core/context';
import { badInput, forbidden, type FieldError } from '../../core/errors';
import { allow, Permission, placeOfLao } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { getReadableLao } from '../lao/lao.service';
import type { SarScoreInput } from './sar.inputs';
import { SarScore } from './sar-score.entity';

/** Hundredths from a score with at most two decimals (checked on the input). */
const hundredths = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(v * 100));

/** คะแนน SAR of an LAO the user may read, in a fiscal year, by dimension. */
export async function listSarScores(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<SarScore[]> {
  await getReadableLao(ctx, laoCode);
  return ctx.em.getRepository(SarScore).find({ where: { laoCode, fiscalYear }, order: { dimension: 'ASC' } });
}

/** The province office (or NACC central) enters the SAR scores of a year: the year's rows are replaced. */
export async function setSarScores(ctx: AppContext, laoCode: string, fiscalYear: number, rows: SarScoreInput[]): Promise<SarScore[]> {
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
