import type { AppContext } from '../../core/context';
import { recordAudit } from '../audit/audit.service';
import { getReadableLao, lockLao } from '../lao/lao.service';
import { PlanYear } from './plan-year.entity';

/**
 * ADMIN: sets the baseline and/or minimum count of an LAO's fiscal year. A count left out stays as it
 * is; an explicit null clears it (no minimum: the score counts from the baseline again).
 */
export async function setPlanYear(
  ctx: AppContext,
  laoCode: string,
  fiscalYear: number,
  baselineCount: number | null | undefined,
  minimumCount: number | null | undefined,
): Promise<PlanYear> {
  const lao = await getReadableLao(ctx, laoCode);
  // The LAO's numbers change its figures of this year (figures.store.ts): under its write lock like any write to its data.
  await lockLao(ctx, laoCode, fiscalYear);
  const repo = ctx.em.getRepository(PlanYear);
  const before = await repo.findOneBy({ laoCode, fiscalYear });
  const row = before ? { ...before } : repo.create({ laoCode, fiscalYear, baselineCount: null, minimumCount: null });
  if (baselineCount !== undefined) row.baselineCount = baselineCount;
  if (minimumCount !== undefined) row.minimumCount = minimumCount;
  const saved = await repo.save(row);
  await recordAudit(ctx, {
    action: 'setPlanYear',
    targetType: 'PlanYear',
    targetId: `${laoCode}:${fiscalYear}`,
    laoCode,
    provinceCode: lao.provinceCode,
    before,
    after: saved,
  });
  return saved;
}
