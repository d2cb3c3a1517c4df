import { Role } from '../../server/src/modules/access/role';
import { ProgressReport } from '../../server/src/modules/progress-report/progress-report.entity';
import { figureDifferences } from '../../server/src/modules/scoring/figures.store';
import { PlanStatus } from '../../server/src/modules/plan/project.enums';
import { countStatements, makeLao, makeProject, makeReport, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import {
  EndReopeningDocument,
  OpenReopeningsDocument,
  LaoDashboardDocument,
  LaoDashboardLaoOverviewDocument,
  PlanResultsDocument,
  ProjectYearsDocument,
  ReopenRoundDocument,
  ReopenRoundOfYearDocument,
  RoundsOpenDocument,
  ReportDraftDocument,
  ReportingReopeningsDocument,
  SavePlanResultNoteDocument,
  SaveProgressReportDocument,
  SetReportingWindowDocument,
  type ProgressReportInput,
  type ReportRound,
} from '../gql/graphql';

describe.each(databases)('progress reports ($name)', ({ name, url }) => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await TestServer.start(url());
    const a = await makeUser(server.db, Role.ADMIN);
    admin = await signIn(server, a.username, PASSWORD);
  });
  afterAll(() => server.stop());

  async function officerWithProject(budget: number | null = 5_000_000, planStatus?: PlanStatus) {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const lao = await server.db.getRepository('Lao').findOneByOrFail({ code: user.laoCode! });
    const project = await makeProject(server.db, lao as never, { budget, planStatus, fiscalYears: [2567] });
    return { user, project, token: await signIn(server, user.username, PASSWORD) };
  }
  const input = (projectId: number, over: Partial<ProgressReportInput> = {}): ProgressReportInput => ({
    projectId: String(projectId),
    fiscalYear: 2567,
    round: 'SIX_MONTHS',
    inOrdinance: true,
    ordinanceBudget: '50,000.00',
    disbursed: '12,345.67',
    status: 'IN_PROGRESS',
    note: ' ดำเนินการแล้วบางส่วน ',
    ...over,
  });

  it('saves a report, shows it as รายงานแล้ว, and opens it again for editing', async () => {
    const { project, token } = await officerWithProject();
    const first = await server.gql(SaveProgressReportDocument, { input: input(project.id) }, { token });
    expect(first.errors).toBeUndefined();
    expect(first.data!.saveProgressReport).toMatchObject({
      round: 'SIX_MONTHS',
      status: 'IN_PROGRESS',
      inOrdinance: true,
      ordinanceBudget: '50000.00',
      disbursed: '12345.67',
      cannotDoReason: null,
      note: 'ดำเนินการแล้วบางส่วน',
      carried: false,
      reportedAt: server.clock
        .now()
        .toISOString()
        .replace(/\.\d+Z/, '.000Z'),
    });
    const edit = await server.gql(SaveProgressReportDocument, { input: input(project.id, { disbursed: '20000', note: null }) }, { token });
    expect(edit.data!.saveProgressReport).toMatchObject({ id: first.data!.saveProgressReport.id, disbursed: '20000.00', note: null });
    expect(await server.db.getRepository(ProgressReport).countBy({ projectId: project.id })).toBe(1);
  });

  it('carries a six-month DONE into the twelve-month round, follows it while carried, and keeps a report the LAO wrote', async () => {
    const { project, token } = await officerWithProject();
    await server.gql(SaveProgressReportDocument, { input: input(project.id, { status: 'DONE', disbursed: '49,999.99' }) }, { token });
    let years = (await server.gql(ProjectYearsDocument, { id: String(project.id) }, { token })).data!.project!.years[0];
    expect(years.twelveMonths).toEqual({ status: 'DONE', disbursed: '49999.99', carried: true, note: 'ดำเนินการแล้วบางส่วน' });

    await server.gql(SaveProgressReportDocument, { input: input(project.id, { status: 'DONE', disbursed: '50,000.00' }) }, { token });
    years = (await server.gql(ProjectYearsDocument, { id: String(project.id) }, { token })).data!.project!.years[0];
    expect(years.twelveMonths).toMatchObject({ disbursed: '50000.00', carried: true });

    await server.gql(SaveProgressReportDocument, { input: input(project.id, { status: 'IN_PROGRESS' }) }, { token });
    years = (await server.gql(ProjectYearsDocument, { id: String(project.id) }, { token })).data!.project!.years[0];
    expect(years.twelveMonths).toBeNull();

    await server.gql(SaveProgressReportDocument, { input: input(project.id, { status: 'DONE' }) }, { token });
    await server.gql(
      SaveProgressReportDocument,
      { input: input(project.id, { round: 'TWELVE_MONTHS', status: 'DONE', disbursed: '50,000.00', note: 'ปิดโครงการ' }) },
      { token },
    );
    await server.gql(SaveProgressReportDocument, { input: input(project.id, { status: 'IN_PROGRESS' }) }, { token });
    years = (await server.gql(ProjectYearsDocument, { id: String(project.id) }, { token })).data!.project!.years[0];
    expect(years.twelveMonths).toEqual({ status: 'DONE', disbursed: '50000.00', carried: false, note: 'ปิดโครงการ' });
  });

  it.each<[string, Partial<ProgressReportInput>, string, string]>([
    [
      'no ordinance budget on a budgeted project',
      { ordinanceBudget: null },
      'ordinanceBudget',
      'กรุณากรอกงบประมาณตามข้อบัญญัติ/เทศบัญญัติ (ถ้าไม่มีให้กรอก 0)',
    ],
    ['no disbursement on a budgeted project', { disbursed: null }, 'disbursed', 'กรุณากรอกการเบิกจ่ายงบประมาณ (ถ้าไม่มีให้กรอก 0)'],
    ['a negative disbursement', { disbursed: '-1' }, 'disbursed', 'การเบิกจ่ายงบประมาณต้องไม่ติดลบ'],
    ['cannot do without a reason', { status: 'CANNOT_DO' }, 'cannotDoReason', 'กรุณาเลือกเหตุผลที่ไม่สามารถดำเนินการได้'],
    [
      'the reason อื่น ๆ without text',
      { status: 'CANNOT_DO', cannotDoReason: 'OTHER', cannotDoText: '  ' },
      'cannotDoText',
      'กรุณากรอกเหตุผลที่ไม่สามารถดำเนินการได้',
    ],
    ['a note over 2,000 characters', { note: 'ก'.repeat(2001) }, 'note', 'หมายเหตุต้องไม่เกิน 2,000 ตัวอักษร'],
    ['no answer on the ordinance', { inOrdinance: null }, 'inOrdinance', 'กรุณาเลือกการบรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน'],
    ['no work status', { status: null }, 'status', 'กรุณาเลือกสถานะการดำเนินงาน'],
  ])('refuses %s and saves nothing', async (_case, change, field, message) => {
    const { project, token } = await officerWithProject();
    const res = await server.gql(SaveProgressReportDocument, { input: input(project.id, change) }, { token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toContainEqual({ field, message });
    expect(await server.db.getRepository(ProgressReport).countBy({ projectId: project.id })).toBe(0);
  });

  it('answers every missing answer of a blank form at once, each under its field in Thai, as the form shows them', async () => {
    const { project, token } = await officerWithProject();
    const blank = { inOrdinance: null, ordinanceBudget: null, disbursed: null, status: null, note: null };
    const res = await server.gql(SaveProgressReportDocument, { input: input(project.id, blank) }, { token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toEqual([
      { field: 'inOrdinance', message: 'กรุณาเลือกการบรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน' },
      { field: 'ordinanceBudget', message: 'กรุณากรอกงบประมาณตามข้อบัญญัติ/เทศบัญญัติ (ถ้าไม่มีให้กรอก 0)' },
      { field: 'disbursed', message: 'กรุณากรอกการเบิกจ่ายงบประมาณ (ถ้าไม่มีให้กรอก 0)' },
      { field: 'status', message: 'กรุณาเลือกสถานะการดำเนินงาน' },
    ]);
    const other = await server.gql(
      SaveProgressReportDocument,
      { input: input(project.id, { status: 'CANNOT_DO', cannotDoReason: null, ordinanceBudget: null }) },
      { token },
    );
    expect(other.errors![0].extensions!.fields).toEqual([
      { field: 'ordinanceBudget', message: 'กรุณากรอกงบประมาณตามข้อบัญญัติ/เทศบัญญัติ (ถ้าไม่มีให้กรอก 0)' },
      { field: 'cannotDoReason', message: 'กรุณาเลือกเหตุผลที่ไม่สามารถดำเนินการได้' },
    ]);
    expect(await server.db.getRepository(ProgressReport).countBy({ projectId: project.id })).toBe(0);
  });

  it("starts a round's form from the saved report, and a twelve-month report not yet written from the six-month ordinance figures", async () => {
    const draftOf = async (id: number, round: ReportRound, token: string) =>
      (await server.gql(ReportDraftDocument, { id: String(id), year: 2567, round }, { token })).data!.reportDraft;
    const nothing = {
      inOrdinance: null,
      ordinanceBudget: null,
      disbursed: null,
      status: null,
      cannotDoReason: null,
      cannotDoText: null,
      note: null,
    };

    const { project, token } = await officerWithProject();
    expect(await draftOf(project.id, 'SIX_MONTHS', token)).toEqual({ round: 'SIX_MONTHS', ...nothing, prefilledFromSixMonths: false });
    expect(await draftOf(project.id, 'TWELVE_MONTHS', token)).toEqual({
      round: 'TWELVE_MONTHS',
      ...nothing,
      prefilledFromSixMonths: false,
    });

    await server.gql(SaveProgressReportDocument, { input: input(project.id) }, { token });
    const saved = {
      inOrdinance: true,
      ordinanceBudget: '50000.00',
      disbursed: '12345.67',
      status: 'IN_PROGRESS',
      note: 'ดำเนินการแล้วบางส่วน',
    };
    expect(await draftOf(project.id, 'SIX_MONTHS', token)).toEqual({
      ...nothing,
      ...saved,
      round: 'SIX_MONTHS',
      prefilledFromSixMonths: false,
    });
    // The year's ordinance is the same in both rounds; the disbursement, status and note are the twelve months' own.
    expect(await draftOf(project.id, 'TWELVE_MONTHS', token)).toEqual({
      ...nothing,
      round: 'TWELVE_MONTHS',
      inOrdinance: true,
      ordinanceBudget: '50000.00',
      prefilledFromSixMonths: true,
    });

    const twelve = {
      round: 'TWELVE_MONTHS',
      inOrdinance: false,
      status: 'CANNOT_DO',
      cannotDoReason: 'OTHER',
      cannotDoText: 'น้ำท่วม',
      note: null,
    } as const;
    // An ordinance budget on a project not in the ordinance: saved once the LAO confirms it.
    const confirmed = { confirmedWarnings: ['ORDINANCE_BUDGET_NOT_IN_ORDINANCE' as const] };
    await server.gql(SaveProgressReportDocument, { input: input(project.id, { ...twelve, ...confirmed }) }, { token });
    expect(await draftOf(project.id, 'TWELVE_MONTHS', token)).toEqual({
      ...twelve,
      ordinanceBudget: '50000.00',
      disbursed: '12345.67',
      prefilledFromSixMonths: false,
    });

    // A project with no budget starts with no amounts; another LAO's officer reads no draft of it.
    const unbudgeted = await officerWithProject(null);
    await server.gql(
      SaveProgressReportDocument,
      { input: input(unbudgeted.project.id, { ordinanceBudget: null, disbursed: null }) },
      { token: unbudgeted.token },
    );
    expect(await draftOf(unbudgeted.project.id, 'TWELVE_MONTHS', unbudgeted.token)).toMatchObject({
      inOrdinance: true,
      ordinanceBudget: null,
      prefilledFromSixMonths: true,
    });
    const stranger = await server.gql(
      ReportDraftDocument,
      { id: String(unbudgeted.project.id), year: 2567, round: 'SIX_MONTHS' },
      { token },
    );
    expect(codeOf(stranger)).toBe('FORBIDDEN');
    const notInPlan = await server.gql(ReportDraftDocument, { id: String(project.id), year: 2568, round: 'SIX_MONTHS' }, { token });
    expect(codeOf(notInPlan)).toBe('NOT_FOUND');
  });

  it('a project with no budget takes no amounts', async () => {
    const { project, token } = await officerWithProject(null);
    const refused = await server.gql(SaveProgressReportDocument, { input: input(project.id) }, { token });
    expect(refused.errors![0].extensions!.fields).toEqual([
      { field: 'ordinanceBudget', message: 'โครงการที่ไม่ใช้งบประมาณไม่ต้องกรอกงบประมาณตามข้อบัญญัติ/เทศบัญญัติ' },
      { field: 'disbursed', message: 'โครงการที่ไม่ใช้งบประมาณไม่ต้องกรอกการเบิกจ่ายงบประมาณ' },
    ]);
    const ok = await server.gql(
      SaveProgressReportDocument,
      {
        input: input(project.id, {
          ordinanceBudget: null,
          disbursed: null,
          status: 'CANNOT_DO',
          cannotDoReason: 'OTHER',
          cannotDoText: 'น้ำท่วมพื้นที่',
        }),
      },
      { token },
    );
    expect(ok.data!.saveProgressReport).toMatchObject({
      ordinanceBudget: null,
      disbursed: null,
      status: 'CANNOT_DO',
      cannotDoReason: 'OTHER',
      cannotDoText: 'น้ำท่วมพื้นที่',
    });
  });

  it.each([
    [PlanStatus.ADD_PENDING, 'รอการอนุมัติเพิ่ม'],
    [PlanStatus.ADD_REJECTED, 'ไม่อนุมัติการขอเพิ่ม'],
    [PlanStatus.REDUCED, 'ลดโครงการสำเร็จ'],
    [PlanStatus.NON_COMPLIANT, 'ไม่สอดคล้อง'],
  ])('refuses a report for a project that does not count (%s)', async (status, label) => {
    const { project, token } = await officerWithProject(5_000_000, status);
    const res = await server.gql(SaveProgressReportDocument, { input: input(project.id) }, { token });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toBe(`โครงการนี้มีสถานะ "${label}" ในปี พ.ศ. 2567 จึงยังรายงานผลไม่ได้`);
  });

  it('outside the reporting window the LAO reads but cannot save; NACC can reopen the round for that LAO', async () => {
    const { user, project, token } = await officerWithProject();
    // A fiscal year of its own, so the window set here touches no other test.
    const year = 2566;
    await server.db.getRepository('ProjectYear').insert({
      projectId: project.id,
      fiscalYear: year,
      laoCode: user.laoCode!,
      planStatus: 'COMPLIANT',
      reviewReason: null,
      reductionNote: null,
      statusChangedAt: null,
    });
    const closes = new Date(server.clock.now().getTime() - 1000).toISOString();
    const set = await server.gql(SetReportingWindowDocument, { c: closes }, { token: admin });
    expect(set.errors).toBeUndefined();
    const closed = await server.gql(SaveProgressReportDocument, { input: input(project.id, { fiscalYear: year }) }, { token });
    expect(codeOf(closed)).toBe('ROUND_CLOSED');
    expect(closed.errors![0].message).toBe(
      'ขณะนี้ไม่อยู่ในช่วงเวลารายงานผลรอบ 6 เดือน ปีงบประมาณ พ.ศ. 2566 ท่านดูข้อมูลได้แต่บันทึกไม่ได้ หากจำเป็นกรุณาติดต่อสำนักงาน ป.ป.ช.',
    );
    const dash = await server.gql(LaoDashboardDocument, { l: user.laoCode! }, { token });
    expect(dash.data!.laoDashboard.rounds).toEqual([
      { round: 'SIX_MONTHS', open: false, closesAt: closes },
      { round: 'TWELVE_MONTHS', open: true, closesAt: null },
    ]);

    const until = new Date(server.clock.now().getTime() + 3600_000).toISOString();
    const reopen = await server.gql(ReopenRoundDocument, { l: user.laoCode!, u: until }, { token: admin });
    expect(reopen.errors).toBeUndefined();
    expect(
      (await server.gql(SaveProgressReportDocument, { input: input(project.id, { fiscalYear: year }) }, { token })).errors,
    ).toBeUndefined();
    const listed = await server.gql(ReportingReopeningsDocument, {}, { token: admin });
    expect(listed.data!.reportingReopenings).toContainEqual({ laoCode: user.laoCode!, round: 'SIX_MONTHS', openUntil: until });
    // The LAO's card lists what is still open, to end it there.
    const open = async () => (await server.gql(OpenReopeningsDocument, { l: user.laoCode! }, { token: admin })).data?.openReopenings;
    expect(await open()).toEqual([{ fiscalYear: year, round: 'SIX_MONTHS', openUntil: until }]);
    const ended = await server.gql(EndReopeningDocument, { l: user.laoCode! }, { token: admin });
    expect(ended.data).toEqual({ endReopening: true });
    expect(await open()).toEqual([]);
    expect(codeOf(await server.gql(SaveProgressReportDocument, { input: input(project.id, { fiscalYear: year }) }, { token }))).toBe(
      'ROUND_CLOSED',
    );
    // A closed round is said before any field error: the form cannot be saved anyway.
    expect(
      codeOf(await server.gql(SaveProgressReportDocument, { input: input(project.id, { fiscalYear: year, disbursed: null }) }, { token })),
    ).toBe('ROUND_CLOSED');
    await server.gql(ReopenRoundDocument, { l: user.laoCode!, u: until }, { token: admin });
    expect(await open()).toHaveLength(1);
    server.clock.advance(3600_000 + 1000);
    expect(codeOf(await server.gql(SaveProgressReportDocument, { input: input(project.id, { fiscalYear: year }) }, { token }))).toBe(
      'ROUND_CLOSED',
    );
    // A reopening past its time is not listed: there is nothing to end.
    expect(await open()).toEqual([]);
    const unknown = await server.gql(OpenReopeningsDocument, { l: '9999999' }, { token: admin });
    expect(unknown.errors![0]).toMatchObject({ message: 'ไม่พบ อปท. รหัสนี้', extensions: { code: 'NOT_FOUND' } });
    expect(codeOf(await server.gql(ReopenRoundDocument, { l: user.laoCode!, u: until }, { token }))).toBe('FORBIDDEN');
  });

  it('history stays as reported: a past round NACC set no window for is closed, last year’s twelve months and this year’s are open', async () => {
    const { user, project, token } = await officerWithProject();
    const l = user.laoCode!;
    const openness = async (y: number) =>
      (await server.gql(RoundsOpenDocument, { l, y }, { token })).data!.laoDashboard.rounds.map((r) => `${r.round} ${r.open}`);
    // The clock is in fiscal year 2567 (2 May 2567).
    expect(await openness(2565)).toEqual(['SIX_MONTHS false', 'TWELVE_MONTHS false']);
    expect((await openness(2566))[1]).toBe('TWELVE_MONTHS true');
    expect(await openness(2567)).toEqual(['SIX_MONTHS true', 'TWELVE_MONTHS true']);
    await server.db.getRepository('ProjectYear').insert({
      projectId: project.id,
      fiscalYear: 2565,
      laoCode: l,
      planStatus: 'COMPLIANT',
      reviewReason: null,
      reductionNote: null,
      statusChangedAt: null,
    });
    const twelve = input(project.id, { fiscalYear: 2565, round: 'TWELVE_MONTHS' });
    expect(codeOf(await server.gql(SaveProgressReportDocument, { input: twelve }, { token }))).toBe('ROUND_CLOSED');
    // NACC reopens it for the LAO: then it may be corrected.
    const until = new Date(server.clock.now().getTime() + 3600_000).toISOString();
    expect((await server.gql(ReopenRoundOfYearDocument, { l, y: 2565, u: until }, { token: admin })).errors).toBeUndefined();
    expect((await server.gql(SaveProgressReportDocument, { input: twelve }, { token })).errors).toBeUndefined();
  });

  it('an officer of another LAO cannot report on, or read the figures of, this LAO', async () => {
    const { user, project } = await officerWithProject();
    const other = await makeUser(server.db, Role.LAO_OFFICER);
    const token = await signIn(server, other.username, PASSWORD);
    expect(codeOf(await server.gql(SaveProgressReportDocument, { input: input(project.id) }, { token }))).toBe('FORBIDDEN');
    for (const q of [
      'query($l: String!) { laoDashboard(laoCode: $l, fiscalYear: 2567) { created } }',
      'query($l: String!) { laoOverview(laoCode: $l, fiscalYear: 2567, round: SIX_MONTHS) { score } }',
      'query($l: String!) { planResults(laoCode: $l, fiscalYear: 2567, round: SIX_MONTHS) { done } }',
      'mutation($l: String!) { savePlanResultNote(laoCode: $l, fiscalYear: 2567, round: SIX_MONTHS, input: { problems: "x" }) { problems } }',
    ]) {
      expect([q.slice(0, 40), codeOf(await server.gql(LaoDashboardLaoOverviewDocument, { l: user.laoCode! }, { token }))]).toEqual([
        q.slice(0, 40),
        'FORBIDDEN',
      ]);
    }
    expect(await server.db.getRepository(ProgressReport).countBy({ projectId: project.id })).toBe(0);
  });

  it('plan results list every counted project with its report, and keep the LAO’s notes', async () => {
    const { user, project, token } = await officerWithProject();
    const lao = await server.db.getRepository('Lao').findOneByOrFail({ code: user.laoCode! });
    const waiting = await makeProject(server.db, lao as never, { name: 'ยังไม่รายงาน', fiscalYears: [2567] });
    await makeProject(server.db, lao as never, { name: 'รออนุมัติ', fiscalYears: [2567], planStatus: PlanStatus.ADD_PENDING });
    await server.gql(SaveProgressReportDocument, { input: input(project.id, { status: 'DONE' }) }, { token });
    const note = await server.gql(SavePlanResultNoteDocument, { l: user.laoCode! }, { token });
    expect(note.errors).toBeUndefined();
    const res = await server.gql(PlanResultsDocument, { l: user.laoCode! }, { token });
    expect(res.data!.planResults).toEqual({
      rows: [
        { no: 1, project: { name: project.name }, budget: '50000.00', disbursed: '12345.67', status: 'DONE', note: 'ดำเนินการแล้วบางส่วน' },
        { no: 2, project: { name: waiting.name }, budget: '0.00', disbursed: '0.00', status: null, note: null },
      ],
      note: { problems: 'ขาดงบประมาณ', suggestions: 'ควรสนับสนุน', reporterName: 'นางสาวอนุศาสน์ อภัยรัตน์', reporterPosition: 'นิติกร' },
      waiting: 1,
      inProgress: 0,
      done: 1,
      cannotDo: 0,
      disbursed: '12345.67',
      disbursedPercent: 24.69,
      cappedScore: 50,
      level: 'HIGH',
    });
  });

  it('a save costs the same few SQL statements whether it writes, edits, carries or removes the carry, and the figures follow', async () => {
    const { project, token } = await officerWithProject();
    const other = await makeProject(server.db, (await server.db.getRepository('Lao').findOneByOrFail({ code: project.laoCode })) as never, {
      budget: 1_000_000,
      fiscalYears: [2567],
    });
    // The LAO-year's figures row, made by a first save (the factories write around the application).
    expect(
      codeOf(await server.gql(SaveProgressReportDocument, { input: input(other.id, { disbursed: '1.00' }) }, { token })),
    ).toBeUndefined();
    const counts: number[] = [];
    for (const status of ['IN_PROGRESS', 'IN_PROGRESS', 'DONE', 'DONE', 'CANNOT_DO'] as const) {
      const change = status === 'CANNOT_DO' ? { status, cannotDoReason: 'NO_BUDGET' as const } : { status };
      const { result, statements } = await countStatements(server.db, () =>
        server.gql(SaveProgressReportDocument, { input: input(project.id, change) }, { token }),
      );
      expect(result.errors).toBeUndefined();
      counts.push(statements.length);
    }
    // The session; the project's LAO; its write lock (MySQL/MariaDB only); one read under it; the report;
    // its audit row and change event; the year's figures — and a carry's (or its removal's) three more.
    const lock = name === 'mariadb' ? 1 : 0;
    expect(counts).toEqual([7 + lock, 7 + lock, 10 + lock, 10 + lock, 10 + lock]);
    // Changed by each save's difference, they equal the figures made afresh.
    expect(await figureDifferences(server.db)).toEqual([]);
  });

  it('the dashboard and overview cost the same number of SQL statements for 2 or 40 projects', async () => {
    const small = await makeLao(server.db);
    const large = await makeLao(server.db);
    for (let i = 0; i < 2; i++)
      await makeReport(server.db, await makeProject(server.db, small, { budget: 100 }), { status: 'DONE' as never, disbursed: 50 });
    for (let i = 0; i < 40; i++)
      await makeReport(server.db, await makeProject(server.db, large, { budget: 100, dimension: (i % 4) + 1 }), { disbursed: 50 });
    const a = await countStatements(server.db, () => server.gql(LaoDashboardLaoOverviewDocument, { l: small.code }, { token: admin }));
    const b = await countStatements(server.db, () => server.gql(LaoDashboardLaoOverviewDocument, { l: large.code }, { token: admin }));
    expect(a.result.data!.laoOverview.total).toEqual({ plannedProjects: 2, disbursed: '1.00' });
    expect(b.result.data!.laoOverview.total).toEqual({ plannedProjects: 40, disbursed: '20.00' });
    expect(b.statements.length).toBe(a.statements.length);
    expect(b.statements.length).toBeLessThanOrEqual(12);
  });
});
