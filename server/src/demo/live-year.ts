import type { EntityManager } from 'typeorm';
import { fiscalYearOf } from '../core/fiscal-year';
import { BaselineRequest, RequestStatus } from '../modules/baseline-request/baseline-request.entity';
import { PlanStatus, ProjectOrigin } from '../modules/plan/project.enums';
import { ReportRound, WorkStatus } from '../modules/plan/report.enums';
import { PlanYear } from '../modules/plan-year/plan-year.entity';
import { ProgressReport } from '../modules/progress-report/progress-report.entity';
import { ProjectYear } from '../modules/project/project-year.entity';
import { Project } from '../modules/project/project.entity';
import { ReportingWindow } from '../modules/reporting-window/reporting-window.entity';
import type { SeedProject } from './khon-hat-2567';

/** The demo LAO whose plan runs in the current fiscal year: อบต.วังป่วน อ.เขาพนม จ.กระบี่ (province office nacc81). */
export const LIVE_LAO = '6810253';

const DAY = 86_400_000;

/**
 * The current fiscal year as it stands when the demo database is made, relative to that day: the live
 * LAO's plan with some projects reported and others not yet, the round of the season open for reporting
 * and closing in a week, and a baseline request waiting for the province office. Nothing is made when
 * the current year is the seed documents' own (2567): their figures stay as the documents print them.
 */
export async function insertLiveYear(
  em: EntityManager,
  now: Date,
  insertProjects: (laoCode: string, fiscalYear: number, rows: SeedProject[]) => Promise<Project[]>,
  seed: SeedProject[],
): Promise<number | null> {
  const year = fiscalYearOf(now);
  if (year <= 2567) return null;
  const rows = seed.slice(0, 20).map((r) => ({ ...r, name: r.name.replaceAll('ขอนหาด', 'วังป่วน') }));
  const projects = await insertProjects(LIVE_LAO, year, rows);
  // The six months run October to March and are reported up to April; from May the officers report the year.
  const month = new Date(now.getTime() + 7 * 3600_000).getUTCMonth();
  const round = month >= 4 && month <= 8 ? ReportRound.TWELVE_MONTHS : ReportRound.SIX_MONTHS;
  await em.getRepository(ReportingWindow).insert({
    fiscalYear: year,
    round,
    opensAt: new Date(now.getTime() - 21 * DAY),
    closesAt: new Date(now.getTime() + 7 * DAY),
  });
  // Reports in progress: 8 of the 20 reported so far, 3 of them done.
  await em.getRepository(ProgressReport).insert(
    projects.slice(0, 8).map((p, i) => ({
      projectId: p.id,
      laoCode: LIVE_LAO,
      fiscalYear: year,
      round,
      inOrdinance: false,
      ordinanceBudget: p.budget === null ? null : 0,
      disbursed: p.budget === null ? null : Math.round(p.budget / 2),
      status: i < 3 ? WorkStatus.DONE : WorkStatus.IN_PROGRESS,
      cannotDoReason: null,
      cannotDoText: null,
      note: null,
      carried: false,
      reportedBy: null,
      reportedAt: new Date(now.getTime() - (8 - i) * DAY),
    })),
  );
  // An additional project waiting for the province office's approval.
  const extra = await em.getRepository(Project).save(
    em.getRepository(Project).create({
      ...projects[0],
      id: undefined,
      version: undefined,
      seq: projects[projects.length - 1].seq + 1,
      origin: ProjectOrigin.ADDITIONAL,
      name: 'โครงการเสริมสร้างความโปร่งใสในการจัดซื้อจัดจ้างขององค์การบริหารส่วนตำบลวังป่วน',
    }),
  );
  await em.getRepository(ProjectYear).insert({
    projectId: extra.id,
    fiscalYear: year,
    laoCode: LIVE_LAO,
    planStatus: PlanStatus.ADD_PENDING,
    reviewReason: null,
    reductionNote: null,
    statusChangedAt: new Date(now.getTime() - 2 * DAY),
  });
  await em.getRepository(PlanYear).insert({ laoCode: LIVE_LAO, fiscalYear: year, baselineCount: null, minimumCount: 15 });
  // A baseline request waiting for the reviewer: from the 20 planned to 22.
  await em.getRepository(BaselineRequest).insert({
    laoCode: LIVE_LAO,
    fiscalYear: year,
    currentCount: 20,
    requestedCount: 22,
    status: RequestStatus.PENDING,
    reason: null,
    requestedBy: null,
    requestedAt: new Date(now.getTime() - DAY),
    decidedBy: null,
    decidedAt: null,
  });
  return year;
}
