import type { AppContext } from '../../core/context';
import { badInput, forbidden } from '../../core/errors';
import { parseId } from '../../core/ids';
import { reviewBaselineRequest } from '../baseline-request/baseline-request.service';
import { moveProjectYear } from '../project/project-year.transitions';
import { ReviewItemKind, type ReviewItemInput } from './review.types';
import { BaselineRequest, RequestStatus } from '../baseline-request/baseline-request.entity';
import { Permission, provinceWithin, scopeOf } from '../access/policy';
import { ProjectYear } from '../project/project-year.entity';
import { PlanStatus } from '../plan/project.enums';

export type ReviewKind = 'ADDITION' | 'REDUCTION' | 'BASELINE';

export interface QueueFilter {
  provinceCode?: string | null;
  districtCode?: string | null;
  kind?: ReviewKind | null;
}

/** The province a queue covers: a province officer's own, whatever it asks; ADMIN's or a NACC system's choice (null = all). */
export function reviewScope(ctx: AppContext, provinceCode?: string | null): string | null {
  return provinceWithin(scopeOf(ctx.user, Permission.READ_REVIEWS)!, provinceCode, () => forbidden('ท่านพิจารณาได้เฉพาะ อปท. ในจังหวัดของท่าน'));
}

function inScope(alias: string, province: string | null, district?: string | null): [string, Record<string, string>] {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (province) {
    parts.push('l.province_code = :province');
    params.province = province;
  }
  if (district) {
    parts.push('l.district_code = :district');
    params.district = district;
  }
  return [parts.length ? `${alias}.lao_code IN (SELECT l.code FROM lao l WHERE ${parts.join(' AND ')})` : '1 = 1', params];
}

/**
 * One review queue: pending project additions, project reductions and baseline requests of the LAOs in
 * scope, newest fiscal year first, oldest request first within a year. Three queries in all.
 */
export async function reviewQueue(ctx: AppContext, filter: QueueFilter) {
  const province = reviewScope(ctx, filter.provinceCode);
  const [where, params] = inScope('y', province, filter.districtCode);
  const pending = (status: PlanStatus) =>
    ctx.em
      .getRepository(ProjectYear)
      .createQueryBuilder('y')
      .where('y.plan_status = :status', { status })
      .andWhere(where, params)
      .orderBy('y.fiscal_year', 'DESC')
      .addOrderBy('y.status_changed_at', 'ASC')
      .getMany();
  const [rWhere, rParams] = inScope('r', province, filter.districtCode);
  const want = (kind: ReviewKind) => !filter.kind || filter.kind === kind;
  return {
    additions: want('ADDITION') ? await pending(PlanStatus.ADD_PENDING) : [],
    reductions: want('REDUCTION') ? await pending(PlanStatus.REDUCE_PENDING) : [],
    baselineRequests: want('BASELINE')
      ? await ctx.em
          .getRepository(BaselineRequest)
          .createQueryBuilder('r')
          .where('r.status = :status', { status: RequestStatus.PENDING })
          .andWhere(rWhere, rParams)
          .orderBy('r.fiscal_year', 'DESC')
          .addOrderBy('r.requested_at', 'ASC')
          .getMany()
      : [],
  };
}

/** Approves many items at once, all or none: the first refusal undoes the batch (it runs in the mutation's one transaction). */
export async function approveMany(ctx: AppContext, items: ReviewItemInput[]): Promise<number> {
  if (!items.length || items.length > 500) {
    const message = 'เลือกรายการที่จะอนุมัติ 1–500 รายการ';
    throw badInput([{ field: 'items', message }], message);
  }
  for (const item of items) {
    if (item.kind === ReviewItemKind.BASELINE) await reviewBaselineRequest(ctx, parseId(item.requestId), true);
    else {
      const name = item.kind === ReviewItemKind.ADDITION ? 'approveAddition' : 'approveReduction';
      await moveProjectYear(ctx, name, parseId(item.projectId), item.fiscalYear ?? 0);
    }
  }
  return items.length;
}
