import type { AppContext } from '../../core/context';
import { badInput, type FieldError } from '../../core/errors';
import { recordAudit } from '../audit/audit.service';
import { getReadableLao } from '../lao/lao.service';
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
  const fields: FieldError[] = [];
  const check = (field: string, v: number | null | undefined, label: string) => {
    if (v !== null && v !== undefined && (!Number.isInteger(v) || v < 0 || v > 10_000))
      fields.push({ field, message: `${label}ต้องเป็นจำนวนเต็ม 0–10,000` });
  };
  check('baselineCount', baselineCount, 'จำนวนโครงการตั้งต้น');
  check('minimumCount', minimumCount, 'จำนวนโครงการขั้นต่ำ');
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2500 || fiscalYear > 2700)
    fields.push({ field: 'fiscalYear', message: 'ปีงบประมาณไม่ถูกต้อง' });
  if (fields.length) throw badInput(fields, fields[0].message);
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
