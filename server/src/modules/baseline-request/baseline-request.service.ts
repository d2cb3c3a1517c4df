import type { AppContext } from '../../core/context';
import { execute } from '../../core/db';
import { badInput, conflict, forbidden, notFound } from '../../core/errors';
import { sameBaselineMessage } from '../../core/field-rules';
import { fiscalYearOf, supportedFiscalYears } from '../../core/fiscal-year';
import { recordAudit } from '../audit/audit.service';
import { noticeToLao } from '../notification/notification.service';
import { decision } from '../notification/notification.templates';
import { getEditableLao, getReadableLao, lockLao } from '../lao/lao.service';
import { PlanYear } from '../plan-year/plan-year.entity';
import { allStoredFigures } from '../scoring/figures.store';
import { baselineOf, emptyFigures } from '../scoring/year-figures';
import { allow, Permission, placeOfLao } from '../access/policy';
import { BaselineRequest, RequestStatus } from './baseline-request.entity';
import type { BaselineYear } from './baseline-request.types';

/**
 * Per fiscal year: the baseline (NACC's, or the plan's PLANNED projects), the created projects — both from
 * the maintained figures, where §5 defines them once — and the latest request.
 */
export async function baselineYears(ctx: AppContext, laoCode: string): Promise<BaselineYear[]> {
  await getReadableLao(ctx, laoCode);
  const current = fiscalYearOf(ctx.clock.now());
  const figures = await allStoredFigures(ctx, laoCode);
  const requests = await ctx.em.getRepository(BaselineRequest).find({ where: { laoCode }, order: { id: 'DESC' } });

  // Only years of the supported plan periods are shown: a stray row of another year (one stored before
  // years were checked) can neither add a row nor stretch the span this loop walks.
  const { first, last } = supportedFiscalYears(ctx.clock.now());
  const stored = [...figures.keys(), ...requests.map((r) => r.fiscalYear)];
  const shown = [current - 1, current, current + 1, ...stored].filter((y) => Number.isInteger(y) && y >= first && y <= last);
  const out: BaselineYear[] = [];
  for (let year = Math.min(...shown); year <= Math.max(...shown); year++) {
    const f = figures.get(year) ?? emptyFigures();
    const latest = requests.find((r) => r.fiscalYear === year) ?? null;
    out.push({
      fiscalYear: year,
      baselineCount: baselineOf(f),
      createdCount: f.created,
      standing: latest && (latest.status === RequestStatus.PENDING || latest.status === RequestStatus.REJECTED) ? latest.status : null,
      canRequest: year >= current,
      latestRequest: latest,
    });
  }
  return out;
}

/**
 * ขอปรับเพิ่ม/ลดโครงการ: asks for a new baseline total for a year (the total, not the difference). One
 * pending request per year; after a rejection this sends the request again as a new one. A total equal
 * to the year's baseline is refused (it would change nothing).
 */
export async function requestBaselineChange(
  ctx: AppContext,
  laoCode: string,
  fiscalYear: number,
  requestedCount: number,
): Promise<BaselineRequest> {
  const lao = await getEditableLao(ctx, laoCode, 'ท่านขอปรับได้เฉพาะของ อปท. ของท่าน');
  if (fiscalYear < fiscalYearOf(ctx.clock.now())) {
    const message = 'ไม่สามารถเพิ่ม/ลดโครงการได้ (ปีงบประมาณที่ผ่านมาแล้ว)';
    throw badInput([{ field: 'fiscalYear', message }], message);
  }
  const repo = ctx.em.getRepository(BaselineRequest);
  if (await repo.existsBy({ laoCode, fiscalYear, status: RequestStatus.PENDING })) {
    throw conflict(`มีคำขอปรับจำนวนโครงการตั้งต้นของปี พ.ศ. ${fiscalYear} ที่รอการอนุมัติอยู่แล้ว`);
  }
  const year = (await baselineYears(ctx, laoCode)).find((y) => y.fiscalYear === fiscalYear);
  const currentCount = year?.baselineCount ?? 0;
  if (requestedCount === currentCount) {
    const message = sameBaselineMessage(currentCount);
    throw badInput([{ field: 'requestedCount', message }], message);
  }
  const request = await repo.save(
    repo.create({
      laoCode,
      fiscalYear,
      currentCount,
      requestedCount,
      status: RequestStatus.PENDING,
      reason: null,
      requestedBy: ctx.user!.id,
      requestedAt: ctx.clock.now(),
      decidedBy: null,
      decidedAt: null,
    }),
  );
  await recordAudit(ctx, {
    action: 'requestBaselineChange',
    targetType: 'BaselineRequest',
    targetId: request.id,
    laoCode,
    provinceCode: lao.provinceCode,
    after: request,
  });
  return request;
}

const MOVES = {
  cancel: { from: [RequestStatus.PENDING, RequestStatus.REJECTED], to: RequestStatus.CANCELLED, label: 'ยกเลิกคำขอ' },
  approve: { from: [RequestStatus.PENDING], to: RequestStatus.APPROVED, label: 'อนุมัติคำขอ' },
  reject: { from: [RequestStatus.PENDING], to: RequestStatus.REJECTED, label: 'ไม่อนุมัติคำขอ' },
} as const;

const STATUS_TH: Record<RequestStatus, string> = { PENDING: 'รอการอนุมัติ', APPROVED: 'อนุมัติแล้ว', REJECTED: 'ไม่อนุมัติ', CANCELLED: 'ยกเลิกแล้ว' };

/** One conditional UPDATE per move: an illegal move (or a lost race) is CONFLICT and changes nothing. */
async function move(ctx: AppContext, request: BaselineRequest, name: keyof typeof MOVES, reason: string | null): Promise<BaselineRequest> {
  const m = MOVES[name];
  const changed = await execute(
    ctx.em,
    `UPDATE baseline_request SET status = ?, reason = COALESCE(?, reason), decided_by = ?, decided_at = ? WHERE id = ? AND status IN (${m.from.map(() => '?').join(', ')})`,
    [m.to, reason, ctx.user!.id, ctx.clock.now(), request.id, ...m.from],
  );
  if (changed !== 1) throw conflict(`${m.label}ไม่ได้ เพราะคำขอนี้${STATUS_TH[request.status]}`);
  return ctx.em.getRepository(BaselineRequest).findOneByOrFail({ id: request.id });
}

async function requestOf(ctx: AppContext, id: number) {
  const request = Number.isSafeInteger(id) ? await ctx.em.getRepository(BaselineRequest).findOneBy({ id }) : null;
  if (!request) throw notFound('ไม่พบคำขอนี้');
  const lao = await ctx.loaders.laoByCode.load(request.laoCode);
  return { request, lao: lao! };
}

/** The LAO withdraws a pending request, or closes a rejected one (the year is ปกติ again). */
export async function cancelBaselineRequest(ctx: AppContext, id: number): Promise<BaselineRequest> {
  const { request, lao } = await requestOf(ctx, id);
  await getEditableLao(ctx, lao.code, 'ท่านยกเลิกได้เฉพาะคำขอของ อปท. ของท่าน');
  const after = await move(ctx, request, 'cancel', null);
  await recordAudit(ctx, {
    action: 'cancelBaselineRequest',
    targetType: 'BaselineRequest',
    targetId: id,
    laoCode: lao.code,
    provinceCode: lao.provinceCode,
    before: request,
    after,
  });
  return after;
}

/**
 * NACC decides a pending request. Approval sets the year's baseline to the requested total in the same
 * transaction; a rejection needs a reason, which the LAO sees.
 */
export async function reviewBaselineRequest(
  ctx: AppContext,
  id: number,
  approve: boolean,
  reason?: string | null,
): Promise<BaselineRequest> {
  const { request, lao } = await requestOf(ctx, id);
  if (!allow(ctx.user, Permission.REVIEW, placeOfLao(lao))) throw forbidden('ท่านพิจารณาได้เฉพาะ อปท. ในจังหวัดของท่าน');
  await lockLao(ctx, lao.code);
  // Text arrives normalised (core/input): blank is null.
  const text = reason ?? null;
  if (!approve && !text) {
    const message = 'กรุณาระบุเหตุผลที่ไม่อนุมัติ';
    throw badInput([{ field: 'reason', message }], message);
  }
  const after = await move(ctx, request, approve ? 'approve' : 'reject', text);
  if (approve) {
    const repo = ctx.em.getRepository(PlanYear);
    const planYear =
      (await repo.findOneBy({ laoCode: lao.code, fiscalYear: request.fiscalYear })) ??
      repo.create({ laoCode: lao.code, fiscalYear: request.fiscalYear, minimumCount: null });
    planYear.baselineCount = request.requestedCount;
    await repo.save(planYear);
  }
  await recordAudit(ctx, {
    action: approve ? 'approveBaselineRequest' : 'rejectBaselineRequest',
    targetType: 'BaselineRequest',
    targetId: id,
    laoCode: lao.code,
    provinceCode: lao.provinceCode,
    before: request,
    after,
  });
  const decided = decision(
    { what: 'baseline', approved: approve, requestedCount: request.requestedCount, fiscalYear: request.fiscalYear },
    text,
  );
  await noticeToLao(ctx, lao.code, decided, { fiscalYear: request.fiscalYear });
  return after;
}
