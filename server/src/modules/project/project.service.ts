import type { AppContext } from '../../core/context';
import { badInput, conflict, forbidden, notFound, type FieldError } from '../../core/errors';
import { fiscalYearOf } from '../../core/fiscal-year';
import { MAX_MONEY_SATANG } from '../../core/money';
import { recordAudit } from '../audit/audit.service';
import { getEditableLao, getReadableLao } from '../lao/lao.service';
import { ProjectYear } from './project-year.entity';
import type { Lao } from '../lao/lao.entity';
import { Project } from './project.entity';
import { initialStatus, NOT_CREATED_STATUSES, type PlanStatus } from '../plan/project.enums';
import type { ProjectInput } from './project.inputs';
import { allow, Permission, placeOfLao } from '../access/policy';

/** Projects of an LAO, in their order (ลำดับ): of one fiscal year, or of all years when it is null. */
export async function listProjects(ctx: AppContext, laoCode: string, fiscalYear?: number | null): Promise<Project[]> {
  await getReadableLao(ctx, laoCode);
  const qb = ctx.em.getRepository(Project).createQueryBuilder('p').where('p.lao_code = :laoCode', { laoCode }).orderBy('p.seq', 'ASC');
  if (fiscalYear !== undefined && fiscalYear !== null) {
    qb.innerJoin(ProjectYear, 'y', 'y.project_id = p.id AND y.fiscal_year = :fiscalYear', { fiscalYear });
  }
  return qb.getMany();
}

/** A project of an LAO's plan with its standing in the plan's year. */
export interface PlanProject {
  project: Project;
  planStatus: PlanStatus;
}

/**
 * The projects of an LAO's plan for a fiscal year, in their order (ลำดับ), each with its standing that
 * year: every project of the year except those dropped (ลดโครงการสำเร็จ) or refused (ไม่อนุมัติการขอเพิ่ม).
 */
export async function listPlanProjects(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<PlanProject[]> {
  await getReadableLao(ctx, laoCode);
  const rows = await ctx.em
    .getRepository(Project)
    .createQueryBuilder('p')
    .innerJoinAndMapOne('p.year', ProjectYear, 'y', 'y.project_id = p.id AND y.fiscal_year = :fiscalYear', { fiscalYear })
    .where('p.lao_code = :laoCode', { laoCode })
    .andWhere('y.plan_status NOT IN (:...excluded)', { excluded: NOT_CREATED_STATUSES })
    .orderBy('p.seq', 'ASC')
    .getMany();
  return rows.map((p) => {
    const { year, ...project } = p as Project & { year: ProjectYear };
    return { project: Object.assign(new Project(), project), planStatus: year.planStatus };
  });
}

/** A project the user may read: NOT_FOUND when it does not exist, FORBIDDEN when it is another LAO's. */
export async function getReadableProject(ctx: AppContext, id: number): Promise<Project> {
  const project = Number.isSafeInteger(id) ? await ctx.loaders.projectById.load(id) : null;
  if (!project) throw notFound('ไม่พบโครงการนี้');
  assertProjectReadable(ctx, (await ctx.loaders.laoByCode.load(project.laoCode))!);
  return project;
}

/**
 * The LAO of a project the user may read (getReadableProject's refusals), read in one statement: for a
 * writer that needs only which LAO to lock, and reads the project again under the lock.
 */
export async function readableProjectLao(ctx: AppContext, id: number): Promise<{ code: string; provinceCode: string }> {
  const [row]: Array<{ code: string; province_code: string }> = Number.isSafeInteger(id)
    ? await ctx.em.query(
        'SELECT l.code AS code, l.province_code AS province_code FROM project p JOIN lao l ON l.code = p.lao_code WHERE p.id = ?',
        [id],
      )
    : [];
  if (!row) throw notFound('ไม่พบโครงการนี้');
  const lao = { code: row.code, provinceCode: row.province_code };
  assertProjectReadable(ctx, lao);
  return lao;
}

function assertProjectReadable(ctx: AppContext, lao: { code: string; provinceCode: string }): void {
  if (!allow(ctx.user, Permission.READ_LAO, placeOfLao(lao))) throw forbidden('ท่านไม่มีสิทธิ์เข้าถึงโครงการของ อปท. อื่น');
}

/** A project the user may change (its LAO's own officers), with its LAO locked for the rest of the transaction. */
async function getEditableProject(ctx: AppContext, id: number): Promise<{ project: Project; lao: Lao }> {
  const { laoCode } = await getReadableProject(ctx, id);
  const lao = await getEditableLao(ctx, laoCode, 'ท่านแก้ไขได้เฉพาะโครงการของ อปท. ของท่าน');
  // Read again under the lock: another officer's change may have committed while this one waited.
  const project = await ctx.em.getRepository(Project).findOneBy({ id });
  if (!project) throw notFound('ไม่พบโครงการนี้ (อาจถูกลบไปแล้ว)');
  return { project, lao };
}

/** Checks a project form beyond the per-field rules (core/input): dimensions, budget. */
function checkProjectInput(input: ProjectInput): FieldError[] {
  const fields: FieldError[] = [];
  if (input.extraDimensions?.includes(input.dimension)) {
    fields.push({ field: 'extraDimensions', message: 'มิติเพิ่มเติมต้องไม่ซ้ำกับมิติหลัก' });
  }
  if (input.budget !== undefined && input.budget !== null && (input.budget <= 0 || input.budget > MAX_MONEY_SATANG)) {
    fields.push({ field: 'budget', message: 'งบประมาณต้องมากกว่า 0 บาท (หรือเลือก "ดำเนินการโดยไม่ใช้งบประมาณ")' });
  }
  return fields;
}

function projectValues(input: ProjectInput) {
  return {
    origin: input.origin,
    name: input.name,
    category: input.category,
    quarters: [...input.quarters].sort((a, b) => a - b),
    dimension: input.dimension,
    extraDimensions: [...(input.extraDimensions ?? [])].sort((a, b) => a - b),
    budget: input.budget ?? null,
    targetGroups: [...input.targetGroups],
    objective: input.objective,
    note: input.note ?? null,
  };
}

/** สร้างโครงการ: a new project at the end of the LAO's list, in each chosen year with its first standing. */
export async function createProject(ctx: AppContext, laoCode: string, input: ProjectInput): Promise<Project> {
  // The LAO's lock also gives two officers adding projects at once distinct numbers (ลำดับ).
  const lao = await getEditableLao(ctx, laoCode, 'ท่านสร้างโครงการได้เฉพาะของ อปท. ของท่าน');
  const fields = checkProjectInput(input);
  const current = fiscalYearOf(ctx.clock.now());
  if (input.fiscalYears.some((y) => y < current)) {
    fields.push({ field: 'fiscalYears', message: `เพิ่มโครงการในปีงบประมาณที่ผ่านมาแล้วไม่ได้ (ปีปัจจุบันคือ พ.ศ. ${current})` });
  }
  if (fields.length) throw badInput(fields, fields[0].message);

  const repo = ctx.em.getRepository(Project);
  const { max } =
    (await repo.createQueryBuilder('p').select('MAX(p.seq)', 'max').where('p.lao_code = :laoCode', { laoCode }).getRawOne()) ?? {};
  const project = await repo.save(repo.create({ laoCode, seq: Number(max ?? 0) + 1, ...projectValues(input) }));
  const now = ctx.clock.now();
  const status = initialStatus(input.origin);
  await ctx.em.getRepository(ProjectYear).insert(
    [...input.fiscalYears].sort().map((fiscalYear) => ({
      projectId: project.id,
      fiscalYear,
      laoCode,
      planStatus: status,
      reviewReason: null,
      reductionNote: null,
      statusChangedAt: now,
    })),
  );
  await recordAudit(ctx, {
    action: 'createProject',
    targetType: 'Project',
    targetId: project.id,
    laoCode,
    provinceCode: lao.provinceCode,
    after: { ...project, fiscalYears: input.fiscalYears },
  });
  return project;
}

/**
 * แก้ไขโครงการ with optimistic locking: the caller sends the version it read; if someone saved in
 * between, CONFLICT and nothing is written. Years may be added (with their first standing) or
 * removed (when not yet reported on); past years stay as they are.
 */
export async function updateProject(ctx: AppContext, id: number, version: number, input: ProjectInput): Promise<Project> {
  const { project, lao } = await getEditableProject(ctx, id);
  const fields = checkProjectInput(input);
  if (input.origin !== project.origin) {
    fields.push({ field: 'origin', message: 'เปลี่ยนโครงการตามแผนฯ/โครงการที่ขอทำเพิ่มเติมหลังสร้างแล้วไม่ได้' });
  }
  const years = await ctx.em.getRepository(ProjectYear).findBy({ projectId: id });
  const reports = await ctx.loaders.reportsByProject.load(id);
  const current = fiscalYearOf(ctx.clock.now());
  const had = new Set(years.map((y) => y.fiscalYear));
  const wants = new Set(input.fiscalYears);
  const added = input.fiscalYears.filter((y) => !had.has(y));
  const removed = years.filter((y) => !wants.has(y.fiscalYear));
  if (added.some((y) => y < current) || removed.some((y) => y.fiscalYear < current)) {
    fields.push({ field: 'fiscalYears', message: `เพิ่มหรือนำปีงบประมาณที่ผ่านมาแล้วออกไม่ได้ (ปีปัจจุบันคือ พ.ศ. ${current})` });
  }
  const reported = removed.filter((y) => reports.some((r) => r.fiscalYear === y.fiscalYear));
  if (reported.length) {
    fields.push({
      field: 'fiscalYears',
      message: `ปี พ.ศ. ${reported.map((y) => y.fiscalYear).join(', ')} มีการรายงานผลแล้ว นำออกไม่ได้ (ให้ขอปรับลดจากแผนฯ แทน)`,
    });
  }
  if (fields.length) throw badInput(fields, fields[0].message);

  const before = { ...project, fiscalYears: [...had].sort() };
  const values = projectValues(input);
  const changed = await ctx.em
    .getRepository(Project)
    .createQueryBuilder()
    .update(Project)
    .set({ ...values, version: () => 'version + 1', updatedAt: ctx.clock.now() })
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (changed.affected !== 1) {
    throw conflict('โครงการนี้ถูกแก้ไขโดยผู้อื่นหลังจากที่ท่านเปิดดู ข้อมูลของท่านยังไม่ถูกบันทึก กรุณาโหลดข้อมูลล่าสุดแล้วแก้ไขอีกครั้ง');
  }
  const now = ctx.clock.now();
  if (added.length) {
    await ctx.em.getRepository(ProjectYear).insert(
      added.map((fiscalYear) => ({
        projectId: id,
        fiscalYear,
        laoCode: project.laoCode,
        planStatus: initialStatus(project.origin),
        reviewReason: null,
        reductionNote: null,
        statusChangedAt: now,
      })),
    );
  }
  for (const y of removed) await ctx.em.getRepository(ProjectYear).delete({ projectId: id, fiscalYear: y.fiscalYear });
  const after = await ctx.em.getRepository(Project).findOneByOrFail({ id });
  await recordAudit(ctx, {
    action: 'updateProject',
    targetType: 'Project',
    targetId: id,
    laoCode: project.laoCode,
    provinceCode: lao.provinceCode,
    before,
    after: { ...after, fiscalYears: input.fiscalYears },
  });
  return after;
}

/** Deletes a project that has no progress report; one with reports is kept (ask to drop it from a year instead). */
export async function deleteProject(ctx: AppContext, id: number): Promise<boolean> {
  const { project, lao } = await getEditableProject(ctx, id);
  if ((await ctx.loaders.reportsByProject.load(id)).length > 0) {
    throw conflict('โครงการนี้มีการรายงานผลแล้ว จึงลบไม่ได้ หากไม่ดำเนินการในปีใด ให้ขอปรับลดจากแผนฯ ของปีนั้น');
  }
  const years = await ctx.em.getRepository(ProjectYear).findBy({ projectId: id });
  await ctx.em.getRepository(ProjectYear).delete({ projectId: id });
  await ctx.em.getRepository(Project).delete({ id });
  await recordAudit(ctx, {
    action: 'deleteProject',
    targetType: 'Project',
    targetId: id,
    laoCode: project.laoCode,
    provinceCode: lao.provinceCode,
    before: { ...project, years: years.map((y) => ({ fiscalYear: y.fiscalYear, planStatus: y.planStatus })) },
  });
  return true;
}
