import type { AppContext } from '../../core/context';
import { badInput, type FieldError } from '../../core/errors';
import { recordAudit } from '../audit/audit.service';
import { Award, AwardKind } from './award.entity';
import { Lao } from './lao.entity';
import type { AwardInput, LaoProfileInput } from './lao-profile.inputs';
import { getEditableLao } from './lao.service';

const clean = (v: string | null | undefined) => (v === undefined || v === null ? null : v.trim() || null);

/** ข้อมูลพื้นฐาน: saves the LAO's basic data (its own officers, or ADMIN). */
export async function updateLaoProfile(ctx: AppContext, code: string, input: LaoProfileInput): Promise<Lao> {
  const lao = await getEditableLao(ctx, code);
  const before = { ...lao };
  Object.assign(lao, {
    size: input.size,
    address: clean(input.address),
    areaKm2: input.areaKm2 ?? null,
    population: input.population ?? null,
    revenue: input.revenue ?? null,
    subsidyRevenue: input.subsidyRevenue ?? null,
    executiveName: clean(input.executiveName),
    chiefAdministratorName: clean(input.chiefAdministratorName),
    website: clean(input.website),
    coordinatorName: clean(input.coordinatorName),
    coordinatorPosition: clean(input.coordinatorPosition),
    coordinatorDepartment: clean(input.coordinatorDepartment),
    coordinatorPhone: clean(input.coordinatorPhone),
    coordinatorMobile: clean(input.coordinatorMobile),
    coordinatorFax: clean(input.coordinatorFax),
    coordinatorEmail: clean(input.coordinatorEmail),
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
  const fields: FieldError[] = [];
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2500 || fiscalYear > 2700)
    fields.push({ field: 'fiscalYear', message: 'ปีงบประมาณไม่ถูกต้อง' });
  const kinds = new Set<AwardKind>();
  awards.forEach((a, i) => {
    if (kinds.has(a.kind)) fields.push({ field: `awards.${i}.kind`, message: 'เลือกรางวัลแต่ละประเภทได้ครั้งเดียว' });
    kinds.add(a.kind);
    if (a.kind === AwardKind.OTHER && !clean(a.text)) fields.push({ field: `awards.${i}.text`, message: 'กรุณาระบุชื่อรางวัลอื่น ๆ' });
  });
  if (fields.length) throw badInput(fields, fields[0].message);
  const repo = ctx.em.getRepository(Award);
  const before = await repo.find({ where: { laoCode: code, fiscalYear }, order: { kind: 'ASC' } });
  await repo.delete({ laoCode: code, fiscalYear });
  const saved = await repo.save(
    awards.map((a) => repo.create({ laoCode: code, fiscalYear, kind: a.kind, text: a.kind === AwardKind.OTHER ? clean(a.text) : null })),
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
