import type { AppContext } from '../../core/context';
import { execute } from '../../core/db';
import { badInput, conflict, forbidden, notFound } from '../../core/errors';
import { fiscalYearOf } from '../../core/fiscal-year';
import { recordAudit } from '../audit/audit.service';
import { lockLao } from '../lao/lao.service';
import { allow, Permission, placeOfLao } from '../access/policy';
import { ProjectYear } from './project-year.entity';
import { PLAN_STATUS_TH, PlanStatus } from '../plan/project.enums';
import { getReadableProject } from './project.service';
import { noticeToLao } from '../notification/notification.service';
import { decision, type DecisionOf } from '../notification/notification.templates';

interface Move {
  from: PlanStatus[];
  to: PlanStatus;
  /** Who may make the move: the LAO itself, or its reviewers. */
  by: 'lao' | 'reviewer';
  reasonRequired?: boolean;
  /** Thai name of the move, for messages. */
  label: string;
}

/** Every legal change of a project's standing in a year (PRODUCT.md §3.2); anything else is CONFLICT. */
export const MOVES = {
  requestReduction: {
    from: [PlanStatus.COMPLIANT, PlanStatus.REDUCE_REJECTED],
    to: PlanStatus.REDUCE_PENDING,
    by: 'lao',
    label: 'ขอปรับลดจากแผนฯ',
  },
  approveAddition: { from: [PlanStatus.ADD_PENDING], to: PlanStatus.COMPLIANT, by: 'reviewer', label: 'อนุมัติการขอเพิ่ม' },
  rejectAddition: {
    from: [PlanStatus.ADD_PENDING],
    to: PlanStatus.ADD_REJECTED,
    by: 'reviewer',
    reasonRequired: true,
    label: 'ไม่อนุมัติการขอเพิ่ม',
  },
  approveReduction: { from: [PlanStatus.REDUCE_PENDING], to: PlanStatus.REDUCED, by: 'reviewer', label: 'อนุมัติการขอลด' },
  rejectReduction: {
    from: [PlanStatus.REDUCE_PENDING],
    to: PlanStatus.REDUCE_REJECTED,
    by: 'reviewer',
    reasonRequired: true,
    label: 'ไม่อนุมัติการขอลด',
  },
  markNonCompliant: {
    from: [PlanStatus.COMPLIANT],
    to: PlanStatus.NON_COMPLIANT,
    by: 'reviewer',
    reasonRequired: true,
    label: 'ระบุว่าไม่สอดคล้อง',
  },
  markCompliant: { from: [PlanStatus.NON_COMPLIANT], to: PlanStatus.COMPLIANT, by: 'reviewer', label: 'ระบุว่าสอดคล้อง' },
} as const satisfies Record<string, Move>;

export type MoveName = keyof typeof MOVES;

/**
 * Moves one project-year from one standing to another, if the move is legal from where it stands now.
 * The check and the write are one conditional UPDATE, so two reviewers deciding at once cannot both
 * succeed: the second gets CONFLICT.
 */
export async function moveProjectYear(
  ctx: AppContext,
  name: MoveName,
  projectId: number,
  fiscalYear: number,
  text?: string | null,
): Promise<ProjectYear> {
  const move: Move = MOVES[name];
  const project = await getReadableProject(ctx, projectId);
  const lao = (await ctx.loaders.laoByCode.load(project.laoCode))!;
  const allowed = allow(ctx.user, move.by === 'lao' ? Permission.EDIT_LAO : Permission.REVIEW, placeOfLao(lao));
  if (!allowed) throw forbidden(move.by === 'lao' ? 'ท่านทำรายการนี้ได้เฉพาะโครงการของ อปท. ของท่าน' : 'ท่านพิจารณาได้เฉพาะ อปท. ในจังหวัดของท่าน');
  // One project-year's standing: its year's figures change, no other's.
  await lockLao(ctx, lao.code, fiscalYear);
  // Text arrives normalised (core/input): blank is null.
  const reason = text ?? null;
  if (move.reasonRequired && !reason) {
    const message = 'กรุณาระบุเหตุผล';
    throw badInput([{ field: 'reason', message }], message);
  }
  const repo = ctx.em.getRepository(ProjectYear);
  const before = await repo.findOneBy({ projectId, fiscalYear });
  if (!before) throw notFound(`โครงการนี้ไม่อยู่ในแผนปี พ.ศ. ${fiscalYear}`);
  if (move.by === 'lao' && fiscalYear < fiscalYearOf(ctx.clock.now())) {
    const message = 'ขอปรับลดโครงการในปีงบประมาณที่ผ่านมาแล้วไม่ได้';
    throw badInput([{ field: 'fiscalYear', message }], message);
  }
  const sets = move.by === 'lao' ? 'reduction_note = ?, review_reason = NULL' : 'review_reason = ?';
  const changed = await execute(
    ctx.em,
    `UPDATE project_year SET plan_status = ?, ${sets}, status_changed_at = ? WHERE project_id = ? AND fiscal_year = ? AND plan_status IN (${move.from.map(() => '?').join(', ')})`,
    [move.to, reason, ctx.clock.now(), projectId, fiscalYear, ...move.from],
  );
  if (changed !== 1) {
    throw conflict(`${move.label}ไม่ได้ เพราะโครงการนี้มีสถานะ "${PLAN_STATUS_TH[before.planStatus]}" ในปี พ.ศ. ${fiscalYear}`);
  }
  const after = await repo.findOneByOrFail({ projectId, fiscalYear });
  await recordAudit(ctx, {
    action: name,
    targetType: 'ProjectYear',
    targetId: `${projectId}:${fiscalYear}`,
    laoCode: lao.code,
    provinceCode: lao.provinceCode,
    before,
    after,
  });
  if (move.by === 'reviewer')
    await noticeToLao(ctx, lao.code, decision(decisionOf(name, project.name, fiscalYear), reason), { fiscalYear });
  return after;
}

/** What a reviewer's move decided, as the LAO's notice tells it. */
function decisionOf(name: MoveName, projectName: string, fiscalYear: number): DecisionOf {
  if (name === 'markCompliant' || name === 'markNonCompliant')
    return { what: 'compliance', compliant: name === 'markCompliant', projectName, fiscalYear };
  const what = name === 'approveAddition' || name === 'rejectAddition' ? 'addition' : 'reduction';
  return { what, approved: name.startsWith('approve'), projectName, fiscalYear };
}
