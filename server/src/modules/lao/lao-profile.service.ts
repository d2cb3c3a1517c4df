import type { AppContext } from '../../core/context';
import { badInput, type FieldError } from '../../core/errors';
import { recordAudit } from '../audit/audit.service';
import { Award, AwardKind } from './award.entity';
import { Lao } from './lao.entity';
import type { AwardInput, LaoProfileInput } from './lao-profile.inputs';
import { getEditableLao } from './lao.service';

/** ข้อมูลพื้นฐาน: saves the LAO's basic data (its own officers, or ADMIN). Text arrives normalised (core/input). */
export async function updateLaoProfile(ctx: AppContext, code: string, input: LaoProfileInput): Promise<Lao> {
  const lao = await getEditableLao(ctx, code);
  const before = { ...lao };
  Object.assign(lao, {
    size: input.size,
    address: input.address ?? null,
    areaKm2: input.areaKm2 ?? null,
    population: input.population ?? null,
    revenue: input.revenue ?? null,
    subsidyRevenue: input.subsidyRevenue ?? null,
    executiveName: input.executiveName ?? null,
    chiefAdministratorName: input.chiefAdministratorName ?? null,
    officeHeadName: input.officeHeadName ?? null,
    website: input.website ?? null,
    coordinatorName: input.coordinatorName ?? null,
    coordinatorPosition: input.coordinatorPosition ?? null,
    coordinatorDepartment: input.coordinatorDepartment ?? null,
    coordinatorPhone: input.coordinatorPhone ?? null,
    coordinatorMobile: input.coordinatorMobile ?? null,
    coordinatorFax: input.coordinatorFax ?? null,
    coordinatorEmail: input.coordinatorEmail ?? null,
  });
  const saved = await ctx.em.getRepository(Lao).save(lao);
  await recordAudit(ctx, {
    action: 'updateLaoProfile',
    targetType: 'Lao',
    targetId: lao.code,
    laoCode: lao.code,
    provinceCode: lao.provinceCode,
    before,
    after: saved,
  });
  return saved;
}

/** รางวัลที่ได้รับ: replaces the awards of one fiscal year with the given set. */
export async function setAwards(ctx: AppContext, code: string, fiscalYear: number, awards: AwardInput[]): Promise<Award[]> {
  const lao = await getEditableLao(ctx, code);
  if (awards.length > Object.keys(AwardKind).length) {
    const message = 'เลือกรางวัลแต่ละประเภทได้ครั้งเดียว';
    throw badInput([{ field: 'awards', message }], message);
  }
  const fields: FieldError[] = [];
  const kinds = new Set<AwardKind>();
  awards.forEach((a, i) => {
    if (kinds.has(a.kind)) fields.push({ field: `awards.${i}.kind`, message: 'เลือกรางวัลแต่ละประเภทได้ครั้งเดียว' });
    kinds.add(a.kind);
    if (a.kind === AwardKind.OTHER && !a.text) fields.push({ field: `awards.${i}.text`, message: 'กรุณาระบุชื่อรางวัลอื่น ๆ' });
  });
  if (fields.length) throw badInput(fields, fields[0].message);
  const repo = ctx.em.getRepository(Award);
  const before = await repo.find({ where: { laoCode: code, fiscalYear }, order: { kind: 'ASC' } });
  await repo.delete({ laoCode: code, fiscalYear });
  const saved = await repo.save(
    awards.map((a) => repo.create({ laoCode: code, fiscalYear, kind: a.kind, text: a.kind === AwardKind.OTHER ? (a.text ?? null) : null })),
  );
  await recordAudit(ctx, {
    action: 'setAwards',
    targetType: 'Lao',
    targetId: code,
    laoCode: code,
    provinceCode: lao.provinceCode,
    before: before.map(({ kind, text }) => ({ fiscalYear, kind, text })),
    after: saved.map(({ kind, text }) => ({ fiscalYear, kind, text })),
  });
  return saved;
}
