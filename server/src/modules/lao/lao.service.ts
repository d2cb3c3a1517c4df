import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AppContext } from '../../core/context';
import { takeWriteLock } from '../../core/db';
import { badInput, forbidden, notFound } from '../../core/errors';
import { fiscalYearOf } from '../../core/fiscal-year';
import { recordAudit } from '../audit/audit.service';
import { District } from '../geography/district.entity';
import { Lao } from './lao.entity';
import { LAO_CODE, type CreateLaoInput, type UpdateLaoInput } from './lao.inputs';
import { allow, Permission, placeOfLao, provinceWithin, scopeOf } from '../access/policy';

/** An LAO the current user may read; NOT_FOUND for one that does not exist, FORBIDDEN for one out of scope. */
export async function getReadableLao(ctx: AppContext, code: string): Promise<Lao> {
  const lao = await ctx.loaders.laoByCode.load(code);
  if (!lao) throw notFound('ไม่พบ อปท. รหัสนี้');
  if (!allow(ctx.user, Permission.READ_LAO, placeOfLao(lao))) throw forbidden('ท่านไม่มีสิทธิ์เข้าถึงข้อมูลของ อปท. นี้');
  return lao;
}

/**
 * Takes the LAO's write lock until the transaction ends, so that writes to one LAO's data run one
 * after another — on one server or on several nodes of a cluster — and each decides on what the one
 * before it committed: the next ลำดับ, the one pending request of a year, the report that already
 * exists. Writes of different LAOs never wait for each other. Every write to an LAO's data takes this
 * lock before anything else, so no two such writes wait for each other's rows. A write that changes
 * only one fiscal year of the LAO's data says which (`fiscalYear`): then only that year's figures are
 * made again before the commit (figures.store.ts) — none of them when the write says how it changed
 * that year's figures (`figures` 'kept': by its difference, `ctx.figuresChanges`).
 */
export async function lockLao(ctx: AppContext, code: string, fiscalYear?: number, figures: 'refresh' | 'kept' = 'refresh'): Promise<void> {
  const part = fiscalYear === undefined ? undefined : `${figures === 'kept' ? KEPT : ''}${fiscalYear}`;
  await takeWriteLock(ctx, `${LAO_LOCK}${code}`, part);
}

const LAO_LOCK = 'lao:';
const KEPT = 'kept:';

/**
 * The LAOs whose write lock the current transaction holds and whose figures it must make again, each
 * with the fiscal years it may have changed (null: any) — but for the years the writes kept themselves.
 */
export const lockedLaos = (ctx: AppContext): Array<{ laoCode: string; fiscalYears: number[] | null }> =>
  [...ctx.writeLocks]
    .filter(([name]) => name.startsWith(LAO_LOCK))
    .map(([name, parts]) => ({
      laoCode: name.slice(LAO_LOCK.length),
      fiscalYears: parts && [...parts].filter((p) => !p.startsWith(KEPT)).map(Number),
    }))
    .filter((l) => l.fiscalYears === null || l.fiscalYears.length > 0);

/**
 * An LAO whose own data the current user may change (its own officers), locked for the rest of the
 * transaction (for one fiscal year's data, when `fiscalYear` is given) and read under the lock: what a
 * write before this one committed. The lock is taken before the LAO is read, so it is read once; a
 * caller who may not write it is refused before the transaction commits anything.
 */
export async function getEditableLao(
  ctx: AppContext,
  code: string,
  refusal = 'ท่านแก้ไขข้อมูลได้เฉพาะ อปท. ของท่าน',
  fiscalYear?: number,
): Promise<Lao> {
  if (!LAO_CODE.test(code)) throw notFound('ไม่พบ อปท. รหัสนี้');
  await lockLao(ctx, code, fiscalYear);
  const lao = await ctx.em.getRepository(Lao).findOneBy({ code });
  if (!lao) throw notFound('ไม่พบ อปท. รหัสนี้');
  assertEditable(ctx, lao, refusal);
  return lao;
}

/** Refuses a user who may not change this LAO's own data (getEditableLao's check, for a writer that reads the LAO under its lock itself). */
export function assertEditable(ctx: AppContext, lao: { code: string; provinceCode: string }, refusal: string): void {
  if (!allow(ctx.user, Permission.READ_LAO, placeOfLao(lao))) throw forbidden('ท่านไม่มีสิทธิ์เข้าถึงข้อมูลของ อปท. นี้');
  if (!allow(ctx.user, Permission.EDIT_LAO, placeOfLao(lao))) throw forbidden(refusal);
}

const thai = new Intl.Collator('th');

/**
 * District by district, then by name in Thai dictionary order (leading vowels such as เ and โ are not
 * where the code points put them), the same whichever database sorted the rows.
 */
export const sortLaos = <T extends { districtCode: string; name: string }>(laos: T[]): T[] =>
  laos.sort((a, b) => a.districtCode.localeCompare(b.districtCode) || thai.compare(a.name, b.name));

/**
 * A query (alias `l`) of the LAOs of a province and/or district that the caller may read with
 * `permission`: its own LAO, its own province (FORBIDDEN for another), or any.
 */
export function readableLaos(
  ctx: AppContext,
  permission: Permission,
  provinceCode?: string | null,
  districtCode?: string | null,
): SelectQueryBuilder<Lao> {
  const scope = scopeOf(ctx.user, permission)!;
  const qb = ctx.em.getRepository(Lao).createQueryBuilder('l');
  if (scope.laoCode) qb.where('l.code = :code', { code: scope.laoCode });
  else {
    const province = provinceWithin(scope, provinceCode, () => forbidden('ท่านดูได้เฉพาะ อปท. ในจังหวัดของท่าน'));
    if (province) qb.where('l.province_code = :province', { province });
  }
  if (districtCode) qb.andWhere('l.district_code = :districtCode', { districtCode });
  return qb;
}

/** LAOs of a province or district, ordered by district then name, within the user's scope. */
export async function listLaos(ctx: AppContext, provinceCode?: string | null, districtCode?: string | null): Promise<Lao[]> {
  return sortLaos(await readableLaos(ctx, Permission.READ_LAO, provinceCode, districtCode).getMany());
}

/**
 * Narrows a query of rows that belong to an LAO (`laoColumn`, e.g. `p.lao_code`) to those the caller
 * may read with `permission` — its own LAO, its own province, or the country — and within that to the
 * LAO and/or province asked for: NOT_FOUND or FORBIDDEN for an LAO it may not read, FORBIDDEN for
 * another province than its own.
 */
export async function scopeToReadableLaos<T extends ObjectLiteral>(
  ctx: AppContext,
  qb: SelectQueryBuilder<T>,
  laoColumn: string,
  permission: Permission,
  asked: { laoCode?: string | null; provinceCode?: string | null },
): Promise<void> {
  const scope = scopeOf(ctx.user, permission)!;
  const province = provinceWithin(scope, asked.provinceCode, () => forbidden('ท่านดูได้เฉพาะข้อมูลในจังหวัดของท่าน'));
  const lao = asked.laoCode ? await getReadableLao(ctx, asked.laoCode) : null;
  const laoCode = lao?.code ?? scope.laoCode;
  if (laoCode) {
    qb.andWhere(`${laoColumn} = :scopeLao`, { scopeLao: laoCode });
    // An LAO outside the province asked for has no rows in it.
    if (lao && province && lao.provinceCode !== province) qb.andWhere('1 = 0');
  } else if (province) {
    qb.innerJoin(Lao, 'scope_lao', `scope_lao.code = ${laoColumn}`).andWhere('scope_lao.province_code = :scopeProvince', {
      scopeProvince: province,
    });
  }
}

/** Adds an LAO to the registry (ADMIN). */
export async function createLao(ctx: AppContext, input: CreateLaoInput): Promise<Lao> {
  const repo = ctx.em.getRepository(Lao);
  const district = await ctx.em.getRepository(District).findOneBy({ code: input.districtCode });
  const fields = [];
  if (await repo.existsBy({ code: input.code })) fields.push({ field: 'code', message: 'มี อปท. รหัสนี้ในระบบแล้ว' });
  if (!district) fields.push({ field: 'districtCode', message: 'ไม่พบอำเภอรหัสนี้' });
  else if (district.provinceCode !== input.provinceCode) {
    fields.push({ field: 'districtCode', message: 'อำเภอที่เลือกไม่อยู่ในจังหวัดที่เลือก' });
  }
  if (fields.length) throw badInput(fields);
  const lao = repo.create({
    code: input.code,
    name: input.name,
    type: input.type,
    size: input.size,
    provinceCode: input.provinceCode,
    districtCode: input.districtCode,
    address: input.address ?? null,
    active: true,
    // Dated: the tables of years before it was added do not list it.
    firstFiscalYear: fiscalYearOf(ctx.clock.now()),
    lastFiscalYear: null,
  });
  // insert, not save: save would overwrite an LAO another request created after the check above.
  await repo.insert(lao);
  await recordAudit(ctx, {
    action: 'createLao',
    targetType: 'Lao',
    targetId: lao.code,
    laoCode: lao.code,
    provinceCode: lao.provinceCode,
    after: lao,
  });
  return lao;
}

/**
 * Changes an LAO's registry entry (ADMIN): name, type, size, district (the province follows it),
 * address, in use or retired. A retired LAO keeps its data, accounts and history; it only leaves the
 * current tables. Taken under the LAO's write lock, so it does not cross another write of the LAO.
 */
export async function updateLao(ctx: AppContext, code: string, input: UpdateLaoInput): Promise<Lao> {
  if (!LAO_CODE.test(code)) throw notFound('ไม่พบ อปท. รหัสนี้');
  await lockLao(ctx, code);
  const repo = ctx.em.getRepository(Lao);
  const lao = await repo.findOneBy({ code });
  if (!lao) throw notFound('ไม่พบ อปท. รหัสนี้');
  const district = await ctx.em.getRepository(District).findOneBy({ code: input.districtCode });
  if (!district) throw badInput([{ field: 'districtCode', message: 'ไม่พบอำเภอรหัสนี้' }]);
  const before = { ...lao };
  Object.assign(lao, {
    name: input.name,
    type: input.type,
    size: input.size,
    districtCode: district.code,
    provinceCode: district.provinceCode,
    address: input.address ?? null,
    active: input.active,
    // Dated: retired this fiscal year, it stays in this year's tables and those before, not in later ones.
    lastFiscalYear: input.active ? null : before.active ? fiscalYearOf(ctx.clock.now()) : before.lastFiscalYear,
  });
  const saved = await repo.save(lao);
  await recordAudit(ctx, {
    action: 'updateLao',
    targetType: 'Lao',
    targetId: code,
    laoCode: code,
    provinceCode: saved.provinceCode,
    before,
    after: saved,
  });
  return saved;
}
