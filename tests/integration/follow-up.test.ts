import ExcelJS from 'exceljs';
import { Role } from '../../server/src/modules/access/role';
import { ReportingReopening, ReportingWindow } from '../../server/src/modules/reporting-window/reporting-window.entity';
import { ReportRound } from '../../server/src/modules/plan/report.enums';
import { makeLao, makeProject, makeReport, makeSession, makeUser } from '../fixtures/factories';
import { FollowUpDashboardDocument, FollowUpNationalDocument, FollowUpProvinceDocument, FollowUpWorklistDocument } from '../gql/graphql';
import { codeOf, databases, TestServer } from './harness';

/**
 * ติดตามการรายงานผล: a province office sees every LAO of its province with what it created, reported and
 * still owes in a round, when it last reported, and whether NACC reopened the round for it; NACC central
 * sees the country by province with reporting and on-time rates. Nobody else sees it.
 */
describe.each(databases)('reporting follow-up ($name)', ({ name, url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  it("gives each LAO the figures its own dashboard shows (every LAO of the district; this test's own on the shared database)", async () => {
    const db = server.db;
    // In Krabi: the other scenarios count province 80's LAOs.
    const place = { provinceCode: '81', districtCode: '8101' };
    const made = [await makeLao(db, place), await makeLao(db, place), await makeLao(db, place)];
    for (const [i, lao] of made.entries()) {
      const projects = [];
      for (let n = 0; n < 3 + i; n++) projects.push(await makeProject(db, lao));
      for (const project of projects.slice(0, i + 1)) await makeReport(db, project);
    }
    await db.getRepository(ReportingReopening).insert({
      laoCode: made[1].code,
      fiscalYear: 2567,
      round: ReportRound.SIX_MONTHS,
      openUntil: new Date('2024-05-20T10:00:00Z'),
    });
    const officer = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: made[0].provinceCode }));
    for (const round of ['SIX_MONTHS', 'TWELVE_MONTHS'] as const) {
      const res = await server.gql(
        FollowUpWorklistDocument,
        { y: 2567, r: round, p: made[0].provinceCode, d: made[0].districtCode },
        { token: officer },
      );
      expect(res.errors).toBeUndefined();
      const ours = new Set(made.map((l) => l.code));
      const rows = res.data!.reportingWorklist.filter((row) => name === 'sqlite' || ours.has(row.lao.code));
      expect(rows.map((r) => r.lao.code)).toEqual(expect.arrayContaining([...ours]));
      for (const row of rows) {
        const dashboard = await server.gql(FollowUpDashboardDocument, { lao: row.lao.code, y: 2567 }, { token: officer });
        expect(dashboard.errors).toBeUndefined();
        const shown = dashboard.data!.laoDashboard.rounds.find((r) => r.round === round)!;
        expect({ code: row.lao.code, ...row }).toEqual({
          code: row.lao.code,
          lao: row.lao,
          created: dashboard.data!.laoDashboard.created,
          reported: shown.reported,
          waiting: shown.waiting,
          reportingRate: shown.reportingRate,
          reopenedUntil: shown.reopenedUntil,
        });
      }
    }
  });

  it('lists each LAO of the province with created, reported, waiting, last report and reopening', async () => {
    const db = server.db;
    const behind = await makeLao(db, { name: 'องค์การบริหารส่วนตำบลล่าช้า' });
    const done = await makeLao(db, { name: 'องค์การบริหารส่วนตำบลครบถ้วน' });
    const empty = await makeLao(db, { name: 'องค์การบริหารส่วนตำบลยังไม่เริ่ม' });
    const behindProjects = [await makeProject(db, behind), await makeProject(db, behind), await makeProject(db, behind)];
    await makeReport(db, behindProjects[0], { reportedAt: new Date('2024-04-01T03:00:00Z') });
    await makeReport(db, behindProjects[1], { reportedAt: new Date('2024-04-20T09:30:00Z') });
    // The twelve-month round's report is not the six-month round's.
    await makeReport(db, behindProjects[2], { round: ReportRound.TWELVE_MONTHS, reportedAt: new Date('2024-04-25T00:00:00Z') });
    for (const project of [await makeProject(db, done), await makeProject(db, done)]) await makeReport(db, project);
    await db.getRepository(ReportingReopening).insert({
      laoCode: behind.code,
      fiscalYear: 2567,
      round: ReportRound.SIX_MONTHS,
      openUntil: new Date('2024-05-10T10:00:00Z'),
    });
    const officer = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '80' }));

    const res = await server.gql(FollowUpProvinceDocument, { p: '80', d: '8007', r: 'SIX_MONTHS' }, { token: officer });
    expect(res.errors).toBeUndefined();
    const table = res.data!.provinceFollowUp;
    const ours = new Map(table.rows.map((r) => [r.laoCode, r]));
    expect(ours.get(behind.code)).toMatchObject({
      laoName: 'องค์การบริหารส่วนตำบลล่าช้า',
      created: 3,
      reported: 2,
      waiting: 1,
      reportingRate: 66.67,
      lastReportedAt: '2024-04-20T09:30:00.000Z',
      reopenedUntil: '2024-05-10T10:00:00.000Z',
    });
    expect(ours.get(behind.code)!.districtLabel).toMatch(/^อำเภอ/);
    expect(ours.get(done.code)).toMatchObject({ created: 2, reported: 2, waiting: 0, reportingRate: 100, reopenedUntil: null });
    expect(ours.get(empty.code)).toMatchObject({ created: 0, reported: 0, waiting: 0, reportingRate: 0, lastReportedAt: null });
    expect(table.finished).toBeLessThanOrEqual(table.laos);

    // Not finished: projects still waiting, or none created yet.
    const unfinished = await server.gql(
      FollowUpProvinceDocument,
      { p: '80', d: '8007', r: 'SIX_MONTHS', unfinished: true },
      { token: officer },
    );
    const codes = unfinished.data!.provinceFollowUp.rows.map((r) => r.laoCode);
    expect(codes).toEqual(expect.arrayContaining([behind.code, empty.code]));
    expect(codes).not.toContain(done.code);
    expect(unfinished.data!.provinceFollowUp.laos).toBe(table.laos);

    // The twelve-month round counts its own reports.
    const twelve = await server.gql(FollowUpProvinceDocument, { p: '80', d: '8007', r: 'TWELVE_MONTHS' }, { token: officer });
    expect(twelve.data!.provinceFollowUp.rows.find((r) => r.laoCode === behind.code)).toMatchObject({
      reported: 1,
      waiting: 2,
      reopenedUntil: null,
    });

    // The same table as a workbook for the office to work down: the rows it showed, only the unfinished when asked.
    const res2 = await fetch(`${server.url}/export/follow-up.xlsx?province=80&district=8007&year=2567&round=SIX_MONTHS&unfinished=1`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(res2.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res2.arrayBuffer()) as unknown as ArrayBuffer);
    const lines: unknown[][] = [];
    book.worksheets[0].eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    const line = lines.find((v) => v[1] === behind.code)!;
    expect(line.slice(2, 8)).toEqual(['องค์การบริหารส่วนตำบลล่าช้า', ours.get(behind.code)!.districtLabel, 3, 2, 1, 66.67]);
    expect(line[8]).toBe('20 เมษายน 2567 เวลา 16:30 น.');
    expect(lines.some((v) => v[1] === done.code)).toBe(false);

    if (name === 'sqlite') {
      // The database is this suite's own: the whole table, and the days left to the close in Thailand's calendar.
      expect(table.laos).toBe(3);
      expect(table.finished).toBe(1);
      expect(table.daysLeft).toBeNull();
      await db.getRepository(ReportingWindow).insert({
        fiscalYear: 2567,
        round: ReportRound.SIX_MONTHS,
        opensAt: null,
        closesAt: new Date('2024-05-09T10:00:00Z'),
      });
      const closing = await server.gql(FollowUpProvinceDocument, { p: '80', r: 'SIX_MONTHS' }, { token: officer });
      expect(closing.data!.provinceFollowUp).toMatchObject({ closesAt: '2024-05-09T10:00:00.000Z', daysLeft: 7 });

      // The country by province: the done LAO finished before the close; the rates are exact to two decimals.
      const admin = await makeSession(db, await makeUser(db, Role.ADMIN));
      const national = await server.gql(FollowUpNationalDocument, { r: 'SIX_MONTHS' }, { token: admin });
      expect(national.errors).toBeUndefined();
      expect(national.data!.nationalFollowUp).toHaveLength(77);
      expect(national.data!.nationalFollowUp.find((p) => p.province.code === '80')).toEqual({
        province: { code: '80' },
        laos: 3,
        finished: 1,
        onTime: 1,
        created: 5,
        reported: 4,
        reportingRate: 80,
        onTimeRate: 50,
      });
    }
  });

  it('is refused to another province, to LAO officers and, for the country, to province offices', async () => {
    const db = server.db;
    const otherOffice = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '81' }));
    const laoOfficer = await makeSession(db, await makeUser(db, Role.LAO_OFFICER));
    const own = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '80' }));
    for (const token of [otherOffice, laoOfficer]) {
      const res = await server.gql(FollowUpProvinceDocument, { p: '80', r: 'SIX_MONTHS' }, { token });
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors![0].message).toMatch(/[\u0E00-\u0E7F]/);
    }
    expect(codeOf(await server.gql(FollowUpNationalDocument, { r: 'SIX_MONTHS' }, { token: own }))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await server.gql(
          FollowUpProvinceDocument,
          { p: 'ZZ', r: 'SIX_MONTHS' },
          { token: await makeSession(db, await makeUser(db, Role.ADMIN)) },
        ),
      ),
    ).toBe('NOT_FOUND');
  });
});
