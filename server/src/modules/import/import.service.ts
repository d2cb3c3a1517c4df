import { In } from 'typeorm';
import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { fiscalYearProblem } from '../../core/fiscal-year';
import { checkInput, MAX_COUNT } from '../../core/input';
import { recordAudit, recordAudits } from '../audit/audit.service';
import { CreateUserInput } from '../account/account.inputs';
import { Role, ROLE_TH } from '../access/role';
import { User } from '../account/user.entity';
import { accountProblems, newAccount } from '../account/user-admin.commands';
import { District } from '../geography/district.entity';
import { Province } from '../geography/province.entity';
import { CreateLaoInput } from '../lao/lao.inputs';
import { Lao } from '../lao/lao.entity';
import { lockLao } from '../lao/lao.service';
import { LAO_TYPE_ABBREVIATIONS, LAO_TYPE_TH, LaoSize, LaoType } from '../lao/lao.enums';
import { PlanYear } from '../plan-year/plan-year.entity';
import type { ImportRowResult, LaoImportRow, PlanYearImportRow, UserImportRow } from './import.types';

/** Rows one call may carry: the client sends a file in chunks of this size (and shows the progress). */
export const MAX_ROWS = 200;

const TYPE_NAMES: Record<string, LaoType> = {
  ...Object.fromEntries(Object.entries(LAO_TYPE_TH).map(([k, v]) => [v, k as LaoType])),
  ...LAO_TYPE_ABBREVIATIONS,
};
const SIZE_NAMES: Record<string, LaoSize> = { เล็ก: LaoSize.SMALL, กลาง: LaoSize.MEDIUM, ใหญ่: LaoSize.LARGE };
const ROLE_NAMES: Record<string, Role> = Object.fromEntries(Object.entries(ROLE_TH).map(([k, v]) => [v, k as Role]));

const enumOf = <T extends string>(value: string | null | undefined, values: Record<string, T>, names: Record<string, T>): T | string =>
  !value ? '' : (Object.values(values).find((v) => v === value.trim().toUpperCase()) ?? names[value.trim()] ?? value);

/** The Thai messages of what is wrong with a row, by the same rules as the form (its text is normalised in place). */
async function messagesOf(ctx: AppContext, input: object): Promise<string[]> {
  return (await checkInput(input, ctx.clock.now())).map((f) => f.message);
}

function checkSize(rows: unknown[]): void {
  if (rows.length === 0 || rows.length > MAX_ROWS) {
    const message = `ส่งข้อมูลได้ครั้งละ 1–${MAX_ROWS} แถว`;
    throw badInput([{ field: 'rows', message }], message);
  }
}

const rowNumber = (row: string) => (/^\d{1,7}$/.test(row) ? Number(row) : 0);

/** The registry from a file: creates new LAOs and updates existing ones (by code); bad rows are reported, not saved. */
export async function importLaos(ctx: AppContext, rows: LaoImportRow[]): Promise<ImportRowResult[]> {
  checkSize(rows);
  const districts = new Map((await ctx.em.getRepository(District).find()).map((d) => [d.code, d]));
  const codes = rows.map((r) => r.code?.trim() ?? '').filter(Boolean);
  const existing = new Map((await ctx.em.getRepository(Lao).findBy({ code: In(codes.length ? codes : ['-']) })).map((l) => [l.code, l]));
  const seen = new Set<string>();
  const results: ImportRowResult[] = [];
  const toSave: Lao[] = [];
  const before = new Map<string, object>();
  for (const r of rows) {
    const input = Object.assign(new CreateLaoInput(), {
      code: r.code?.trim() ?? '',
      name: r.name ?? '',
      type: enumOf(r.type, LaoType, TYPE_NAMES),
      size: enumOf(r.size, LaoSize, SIZE_NAMES),
      provinceCode: r.provinceCode?.trim().padStart(2, '0') ?? '',
      districtCode: r.districtCode?.trim() ?? '',
      address: r.address ?? null,
    });
    const messages = await messagesOf(ctx, input);
    const district = districts.get(input.districtCode);
    if (!messages.length && !district) messages.push('ไม่พบอำเภอรหัสนี้');
    else if (!messages.length && district!.provinceCode !== input.provinceCode) messages.push('อำเภอที่ระบุไม่อยู่ในจังหวัดที่ระบุ');
    if (seen.has(input.code)) messages.push('รหัส อปท. ซ้ำกับแถวก่อนหน้าในไฟล์');
    seen.add(input.code);
    if (messages.length) {
      results.push({ row: rowNumber(r.row), ok: false, outcome: null, messages });
      continue;
    }
    const lao = existing.get(input.code) ?? ctx.em.getRepository(Lao).create({ code: input.code, active: true });
    if (existing.has(input.code)) before.set(input.code, { ...lao });
    Object.assign(lao, {
      name: input.name,
      type: input.type,
      size: input.size,
      provinceCode: input.provinceCode,
      districtCode: input.districtCode,
      address: input.address ?? lao.address ?? null,
    });
    toSave.push(lao);
    results.push({ row: rowNumber(r.row), ok: true, outcome: existing.has(input.code) ? 'UPDATED' : 'CREATED', messages: [] });
  }
  await ctx.em.getRepository(Lao).save(toSave, { chunk: 100 });
  await recordAudits(
    ctx,
    toSave.map((lao) => ({
      action: 'importLaos',
      targetType: 'Lao',
      targetId: lao.code,
      laoCode: lao.code,
      provinceCode: lao.provinceCode,
      before: before.get(lao.code) ?? null,
      after: lao,
    })),
  );
  await recordAudit(ctx, { action: 'importLaos', targetType: 'Lao', after: summary(results) });
  return results;
}

/** Accounts from a file: new accounts only (an existing username is reported); passwords are hashed as usual. */
export async function importUsers(ctx: AppContext, rows: UserImportRow[]): Promise<ImportRowResult[]> {
  checkSize(rows);
  const usernames = rows.map((r) => r.username?.trim() ?? '').filter(Boolean);
  const taken = new Set(
    (
      await ctx.em.getRepository(User).find({ select: { username: true }, where: { username: In(usernames.length ? usernames : ['-']) } })
    ).map((u) => u.username),
  );
  const laoCodes = rows.map((r) => r.laoCode?.trim() ?? '').filter(Boolean);
  const laos = new Map((await ctx.em.getRepository(Lao).findBy({ code: In(laoCodes.length ? laoCodes : ['-']) })).map((l) => [l.code, l]));
  const provinces = new Set((await ctx.em.getRepository(Province).find()).map((p) => p.code));
  const results: ImportRowResult[] = [];
  const toSave: User[] = [];
  for (const r of rows) {
    const input = Object.assign(new CreateUserInput(), {
      username: r.username?.trim() ?? '',
      password: r.password || null,
      role: enumOf(r.role, Role, ROLE_NAMES),
      laoCode: r.laoCode?.trim() || null,
      provinceCode: r.provinceCode?.trim() || null,
      email: r.email ?? null,
      displayName: r.displayName ?? null,
    });
    const lao = laos.get(input.laoCode ?? '') ?? null;
    const problems = accountProblems(input, {
      usernameTaken: taken.has(input.username),
      lao,
      provinceKnown: provinces.has(input.provinceCode ?? ''),
    });
    const messages = [...(await messagesOf(ctx, input)), ...problems.map((p) => p.message)];
    if (messages.length) {
      results.push({ row: rowNumber(r.row), ok: false, outcome: null, messages });
      continue;
    }
    taken.add(input.username);
    toSave.push(await newAccount(ctx, input, lao));
    results.push({ row: rowNumber(r.row), ok: true, outcome: 'CREATED', messages: [] });
  }
  await ctx.em.getRepository(User).save(toSave, { chunk: 100 });
  await recordAudits(
    ctx,
    toSave.map((user) => ({
      action: 'importUsers',
      targetType: 'User',
      targetId: user.id,
      laoCode: user.laoCode,
      provinceCode: user.provinceCode,
      after: user,
    })),
  );
  await recordAudit(ctx, { action: 'importUsers', targetType: 'User', after: summary(results) });
  return results;
}

/** A cell of whole digits (null when blank; undefined when it is not one, or more than `max`). */
const wholeOrBlank = (v: string | null | undefined, max: number): number | null | undefined => {
  const t = v?.trim() ?? '';
  if (t === '') return null;
  return /^\d{1,6}$/.test(t) && Number(t) <= max ? Number(t) : undefined;
};

/** NACC's baseline and minimum counts per LAO and year, in bulk (a blank cell leaves the value as it is). */
export async function importPlanYears(ctx: AppContext, rows: PlanYearImportRow[]): Promise<ImportRowResult[]> {
  checkSize(rows);
  const laoCodes = rows.map((r) => r.laoCode?.trim() ?? '').filter(Boolean);
  const laos = new Map(
    (await ctx.em.getRepository(Lao).findBy({ code: In(laoCodes.length ? laoCodes : ['-']) })).map((l) => [l.code, l.provinceCode]),
  );
  // Under each LAO's write lock, in one order (two imports never wait for each other's locks in turn).
  for (const code of [...laos.keys()].sort()) await lockLao(ctx, code);
  const existing = await ctx.em.getRepository(PlanYear).findBy({ laoCode: In(laoCodes.length ? laoCodes : ['-']) });
  const results: ImportRowResult[] = [];
  const toSave = new Map<string, PlanYear>();
  const before = new Map<string, object>();
  for (const r of rows) {
    const messages: string[] = [];
    const laoCode = r.laoCode?.trim() ?? '';
    const year = wholeOrBlank(r.fiscalYear, 999_999);
    const baseline = wholeOrBlank(r.baselineCount, MAX_COUNT);
    const minimum = wholeOrBlank(r.minimumCount, MAX_COUNT);
    if (!laos.has(laoCode)) messages.push(laoCode ? 'ไม่พบ อปท. รหัสนี้' : 'กรุณาระบุรหัส อปท.');
    const yearProblem = fiscalYearProblem(year, ctx.clock.now());
    if (yearProblem) messages.push(`${yearProblem} (พ.ศ. เช่น 2568)`);
    if (baseline === undefined) messages.push('จำนวนโครงการตั้งต้นต้องเป็นจำนวนเต็ม 0–10,000');
    if (minimum === undefined) messages.push('จำนวนโครงการขั้นต่ำต้องเป็นจำนวนเต็ม 0–10,000');
    if (messages.length) {
      results.push({ row: rowNumber(r.row), ok: false, outcome: null, messages });
      continue;
    }
    const key = `${laoCode}:${year}`;
    const found = toSave.get(key) ?? existing.find((p) => p.laoCode === laoCode && p.fiscalYear === year);
    if (found && !before.has(key)) before.set(key, { ...found });
    const row = found ?? ctx.em.getRepository(PlanYear).create({ laoCode, fiscalYear: year!, baselineCount: null, minimumCount: null });
    if (baseline !== null) row.baselineCount = baseline!;
    if (minimum !== null) row.minimumCount = minimum!;
    toSave.set(key, row);
    results.push({ row: rowNumber(r.row), ok: true, outcome: found ? 'UPDATED' : 'CREATED', messages: [] });
  }
  await ctx.em.getRepository(PlanYear).save([...toSave.values()], { chunk: 100 });
  await recordAudits(
    ctx,
    [...toSave.entries()].map(([key, row]) => ({
      action: 'importPlanYears',
      targetType: 'PlanYear',
      targetId: key,
      laoCode: row.laoCode,
      provinceCode: laos.get(row.laoCode) ?? null,
      before: before.get(key) ?? null,
      after: row,
    })),
  );
  await recordAudit(ctx, { action: 'importPlanYears', targetType: 'PlanYear', after: summary(results) });
  return results;
}

const summary = (results: ImportRowResult[]) => ({
  rows: results.length,
  saved: results.filter((r) => r.ok).length,
  refused: results.filter((r) => !r.ok).map((r) => r.row),
});
