import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../core/crypto';
import { inTransaction } from '../core/db';
import { Role } from '../modules/access/role';
import { User } from '../modules/account/user.entity';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { LaoSize, LaoType } from '../modules/lao/lao.enums';
import { Lao } from '../modules/lao/lao.entity';
import { ProgressReport } from '../modules/progress-report/progress-report.entity';
import { ReportRound, WorkStatus } from '../modules/plan/report.enums';
import { ProjectYear } from '../modules/project/project-year.entity';
import { Project } from '../modules/project/project.entity';
import { PlanStatus, ProjectCategory, ProjectOrigin, TargetGroup } from '../modules/plan/project.enums';
import {
  KHLONG_THOM_TAI_2564,
  KHON_HAT_2567,
  KHON_HAT_2567_MINIMUM,
  KHON_HAT_2567_NOTE,
  KHON_HAT_SIGNERS,
  KRABI_2563,
  type SeedProject,
} from './khon-hat-2567';
import { PlanResultNote } from '../modules/progress-report/plan-result-note.entity';
import { PlanYear } from '../modules/plan-year/plan-year.entity';
import { ReportingWindow } from '../modules/reporting-window/reporting-window.entity';
import { rebuildFigures } from '../modules/scoring/figures.store';
import { insertLiveYear } from './live-year';

/**
 * Demo data from the two source documents (shared seeds): the memo's LAO, the manual's example LAOs
 * and its Krabi province table. No public list of real LAO codes exists, so demo codes are made the
 * way the synthetic generator makes them: a type digit followed by the six-digit subdistrict code
 * (or the district code and a sequence number when the seed's place is not a subdistrict).
 */
export interface DemoLao {
  code: string;
  name: string;
  type: LaoType;
  size: LaoSize;
  provinceCode: string;
  districtCode: string;
  address?: string;
  /** Who signs its memo. */
  executiveName?: string;
  chiefAdministratorName?: string;
  officeHeadName?: string;
}

const sao = (code: string, name: string, districtCode: string, size = LaoSize.MEDIUM): DemoLao => ({
  code,
  name: `องค์การบริหารส่วนตำบล${name}`,
  type: LaoType.SAO,
  size,
  provinceCode: districtCode.slice(0, 2),
  districtCode,
});
const subMunicipality = (code: string, name: string, districtCode: string): DemoLao => ({
  code,
  name: `เทศบาลตำบล${name}`,
  type: LaoType.SUBDISTRICT_MUNICIPALITY,
  size: LaoSize.MEDIUM,
  provinceCode: districtCode.slice(0, 2),
  districtCode,
});

/** The memo's LAO: อบต.ขอนหาด อ.ชะอวด จ.นครศรีธรรมราช (subdistrict 800707). */
export const KHON_HAT: DemoLao = {
  ...sao('6800707', 'ขอนหาด', '8007'),
  address: 'ต.ขอนหาด อ.ชะอวด จ.นครศรีธรรมราช 80180',
  ...KHON_HAT_SIGNERS,
};

export const DEMO_LAOS: DemoLao[] = [
  KHON_HAT,
  // The manual's examples.
  { ...sao('6210604', 'แม่น้ำคู้', '2106'), address: '789 ม.3 ต.แม่น้ำคู้ อ.ปลวกแดง จ.ระยอง' },
  subMunicipality('5810401', 'คลองท่อมใต้', '8104'),
  // The manual's province table of Krabi, FY 2563, six months (names as the manual prints them).
  subMunicipality('5810301', 'เกาะลันตาใหญ่', '8103'),
  sao('6810303', 'เกาะกลาง', '8103'),
  sao('6810304', 'คลองยาง', '8103'),
  subMunicipality('5810305', 'ลาดาตัน', '8103'),
  sao('6810301', 'เกาะลันตาใหญ่', '8103'),
  sao('6810302', 'เกาะลันตาน้อย', '8103'),
  subMunicipality('5810201', 'เขาพนม', '8102'),
  sao('6810251', 'เจ็ดยี่สิบ', '8102'),
  sao('6810252', 'สุคีริน', '8102'),
  sao('6810253', 'วังป่วน', '8102'),
  sao('6810254', 'นาจาง', '8102'),
  sao('6810255', 'โคกยาว', '8102'),
  sao('6810201', 'เขาพนม', '8102'),
  subMunicipality('5810404', 'ทรายขาว', '8104'),
  subMunicipality('5810451', 'คลองขนิงนิคม', '8104'),
  subMunicipality('5810452', 'คลองขนิง', '8104'),
  sao('6810453', 'เทพา', '8104'),
  sao('6810454', 'คลองขนิงเหนือ', '8104'),
];

/** Demo accounts; the README lists them with their passwords. */
export const DEMO_PASSWORDS = {
  admin: { username: 'admin', password: 'Admin@2567' },
  province: { username: 'nacc80', password: 'Province@2567' },
  provinceKrabi: { username: 'nacc81', password: 'Province@2567' },
  lao: { username: KHON_HAT.code, password: 'Lao@2567' },
} as const;

export async function insertDemoLaos(em: EntityManager, laos: DemoLao[]): Promise<void> {
  await em.getRepository(Lao).save(laos.map((l) => em.getRepository(Lao).create({ ...l, address: l.address ?? null, active: true })));
}

/** The category a project's name starts with, as LAOs name them. */
export function categoryOf(name: string): ProjectCategory {
  if (name.startsWith('มาตรการ')) return ProjectCategory.MEASURE;
  if (name.startsWith('กิจกรรม') || name.startsWith('ยกย่อง') || name.startsWith('ส่งเสริม')) return ProjectCategory.ACTIVITY;
  if (name.startsWith('แนวปฏิบัติ')) return ProjectCategory.GUIDELINE;
  return ProjectCategory.PROJECT;
}

/** Planned projects of one LAO and fiscal year, in the seed's order; with `reportedAt`, their six-month reports too. */
export async function insertSeedProjects(
  em: EntityManager,
  laoCode: string,
  fiscalYear: number,
  rows: Array<Omit<SeedProject, 'done'> & { done?: boolean }>,
  reportedAt?: Date,
): Promise<Project[]> {
  const projects = em.getRepository(Project);
  const first = Number(
    (await projects.createQueryBuilder('p').select('MAX(p.seq)', 'max').where('p.lao_code = :laoCode', { laoCode }).getRawOne())?.max ?? 0,
  );
  const saved = await projects.save(
    rows.map((row, i) =>
      projects.create({
        laoCode,
        seq: first + i + 1,
        origin: ProjectOrigin.PLANNED,
        name: row.name,
        category: categoryOf(row.name),
        quarters: [1],
        dimension: row.dimension,
        extraDimensions: [],
        budget: row.budget > 0 ? row.budget * 100 : null,
        targetGroups: [TargetGroup.LOCAL_STAFF],
        objective: 'เพื่อป้องกันการทุจริตและส่งเสริมคุณธรรมและความโปร่งใสในการปฏิบัติงานขององค์กรปกครองส่วนท้องถิ่น',
        note: null,
      }),
    ),
  );
  await em.getRepository(ProjectYear).insert(
    saved.map((p) => ({
      projectId: p.id,
      fiscalYear,
      laoCode,
      planStatus: PlanStatus.COMPLIANT,
      reviewReason: null,
      reductionNote: null,
      statusChangedAt: null,
    })),
  );
  if (reportedAt) {
    const reported = saved.map((p, i) => ({ p, row: rows[i] })).filter(({ row }) => row.done || row.inProgress !== false);
    const sixMonths = reported.map(({ p, row }) => ({
      projectId: p.id,
      laoCode,
      fiscalYear,
      round: ReportRound.SIX_MONTHS,
      inOrdinance: row.inOrdinance ?? false,
      ordinanceBudget: p.budget === null ? null : 0,
      disbursed: p.budget === null ? null : (row.disbursed ?? 0) * 100,
      status: row.done ? WorkStatus.DONE : WorkStatus.IN_PROGRESS,
      cannotDoReason: null,
      cannotDoText: null,
      note: null,
      carried: false,
      reportedBy: null,
      reportedAt,
    }));
    // Done in six months: carried into the twelve-month round, as saving the report would have done.
    const carried = sixMonths
      .filter((r) => r.status === WorkStatus.DONE)
      .map((r) => ({ ...r, round: ReportRound.TWELVE_MONTHS, carried: true }));
    await em.getRepository(ProgressReport).insert([...sixMonths, ...carried]);
  }
  return saved;
}

/**
 * Loads the demo data into an empty database (no LAO yet). Returns whether it did. `now` is the day the
 * database is made: the live LAO's current year is laid out relative to it (live-year.ts).
 */
export async function loadDemoDataIfEmpty(db: DataSource, now = new Date()): Promise<boolean> {
  return inTransaction(db, async (em) => {
    if ((await em.getRepository(Lao).count()) > 0) return false;
    await insertDemoLaos(em, DEMO_LAOS);
    const users = em.getRepository(User);
    const laoPassword = await hashPassword(DEMO_PASSWORDS.lao.password);
    const provincePassword = await hashPassword(DEMO_PASSWORDS.province.password);
    const base = { disabled: false, failedLogins: 0, lockedUntil: null, lastLoginAt: null };
    await users.save([
      users.create({
        ...base,
        username: DEMO_PASSWORDS.admin.username,
        passwordHash: await hashPassword(DEMO_PASSWORDS.admin.password),
        role: Role.ADMIN,
        displayName: 'ผู้ดูแลระบบ (สำนักพัฒนาและส่งเสริมธรรมาภิบาล)',
        email: 'admin@example.go.th',
        laoCode: null,
        provinceCode: null,
      }),
      users.create({
        ...base,
        username: DEMO_PASSWORDS.province.username,
        passwordHash: provincePassword,
        role: Role.PROVINCE_OFFICER,
        displayName: 'เจ้าหน้าที่ สำนักงาน ป.ป.ช. ประจำจังหวัดนครศรีธรรมราช',
        email: 'nacc80@example.go.th',
        laoCode: null,
        provinceCode: '80',
      }),
      users.create({
        ...base,
        username: DEMO_PASSWORDS.provinceKrabi.username,
        passwordHash: provincePassword,
        role: Role.PROVINCE_OFFICER,
        displayName: 'เจ้าหน้าที่ สำนักงาน ป.ป.ช. ประจำจังหวัดกระบี่',
        email: 'nacc81@example.go.th',
        laoCode: null,
        provinceCode: '81',
      }),
      ...DEMO_LAOS.map((l) =>
        users.create({
          ...base,
          username: l.code,
          passwordHash: laoPassword,
          role: Role.LAO_OFFICER,
          displayName: l.code === KHON_HAT.code ? 'นางสาวอนุศาสน์ อภัยรัตน์' : '',
          email: `${l.code}@example.go.th`,
          laoCode: l.code,
          provinceCode: l.provinceCode,
        }),
      ),
    ]);
    // The memo's LAO: 49 projects of FY 2567 with the six-month reports of the memo (2 May 2567).
    await insertSeedProjects(em, KHON_HAT.code, 2567, KHON_HAT_2567, new Date('2024-05-02T03:00:00Z'));
    await em
      .getRepository(PlanYear)
      .insert({ laoCode: KHON_HAT.code, fiscalYear: 2567, baselineCount: null, minimumCount: KHON_HAT_2567_MINIMUM });
    await em
      .getRepository(PlanResultNote)
      .insert({ laoCode: KHON_HAT.code, fiscalYear: 2567, round: ReportRound.SIX_MONTHS, ...KHON_HAT_2567_NOTE });
    // The memo's year stays open for practice (as NACC may keep a round open with a window without end):
    // a past year NACC set no window for is closed (reporting-window.service.ts `roundIsPast`).
    await em
      .getRepository(ReportingWindow)
      .insert(
        [ReportRound.SIX_MONTHS, ReportRound.TWELVE_MONTHS].map((round) => ({ fiscalYear: 2567, round, opensAt: null, closesAt: null })),
      );
    // The manual's Krabi province table, FY 2563, six months.
    for (const lao of KRABI_2563) {
      const rows = Array.from({ length: lao.planned }, (_, i) => ({
        name: `โครงการตามแผนปฏิบัติการป้องกันการทุจริต ลำดับที่ ${i + 1}`,
        dimension: (i % 4) + 1,
        budget: 0,
        done: i < lao.done,
        inProgress: i >= lao.done && i < lao.done + lao.inProgress,
      }));
      await insertSeedProjects(em, lao.code, 2563, rows, new Date('2020-04-20T03:00:00Z'));
      if (lao.baseline)
        await em.getRepository(PlanYear).insert({ laoCode: lao.code, fiscalYear: 2563, baselineCount: lao.baseline, minimumCount: null });
    }
    // The manual's printed plan of เทศบาลตำบลคลองท่อมใต้, FY 2564.
    await insertSeedProjects(em, '5810401', 2564, KHLONG_THOM_TAI_2564);
    // The current fiscal year, live: reports in progress, a window closing soon, requests waiting.
    await insertLiveYear(em, now, (laoCode, fiscalYear, rows) => insertSeedProjects(em, laoCode, fiscalYear, rows), KHON_HAT_2567);
    await rebuildFigures(em);
    await em
      .getRepository(AuditLog)
      .insert({ actorId: null, actorUsername: 'system', action: 'loadDemoData', targetType: 'Database', targetId: null, at: new Date() });
    return true;
  });
}
