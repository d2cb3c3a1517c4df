import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Role } from '../../server/src/modules/access/role';
import type { Lao } from '../../server/src/modules/lao/lao.entity';
import { figureDifferences } from '../../server/src/modules/scoring/figures.store';
import { makeProject, makeUser, PASSWORD } from '../fixtures/factories';
import { databases, signIn, TestServer, type GqlResult } from './harness';
import {
  FiguresApproveReductionDocument,
  FiguresCreateProjectDocument,
  FiguresDeleteProjectDocument,
  FiguresNationalScoresDocument,
  FiguresOverviewTotalDocument,
  FiguresProvinceScoresDocument,
  FiguresRequestReductionDocument,
  FiguresSaveReportDocument,
  FiguresSetMinimumDocument,
  type ProgressReportInput,
  type ProjectInput,
  type ReportRound,
  type WorkStatus,
} from '../gql/graphql';

/**
 * The figures NACC's tables read are maintained by every write (modules/scoring/figures.store.ts): after
 * each step of an LAO's year — reports with their carry into twelve months, a reduction, NACC's
 * minimum, a project created and deleted — what the province table shows follows, and the maintained
 * rows equal a fresh computation. (Every integration suite checks the latter when its server stops.)
 */
describe.each(databases)('maintained figures ($name)', ({ url }) => {
  let server: TestServer;
  let admin: string;
  let officer: string;
  let lao: Lao;
  beforeAll(async () => {
    server = await TestServer.start(url());
    admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    lao = (await server.db.getRepository('Lao').findOneByOrFail({ code: user.laoCode! })) as Lao;
    officer = await signIn(server, user.username, PASSWORD);
  });
  afterAll(() => server.stop());
  const dbUrl = () => (server.config.db.kind === 'sqlite' ? `sqlite:${server.config.db.path}` : server.config.db.url);

  async function scoreOf(round: ReportRound): Promise<number | undefined> {
    const res = ok(
      await server.gql(FiguresProvinceScoresDocument, { p: lao.provinceCode, d: lao.districtCode, r: round }, { token: admin }),
    );
    return res.provinceScores.rows.find((r) => r.lao.code === lao.code)?.score;
  }
  function ok<T>(res: GqlResult<T>): T {
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  const report = (projectId: number, status: WorkStatus): ProgressReportInput => ({
    projectId: String(projectId),
    fiscalYear: 2567,
    round: 'SIX_MONTHS',
    inOrdinance: true,
    ordinanceBudget: null,
    disbursed: null,
    status,
  });

  it('follow every write of an LAO’s year, and equal a fresh computation after each', async () => {
    const [p1, p2, , p4] = [
      await makeProject(server.db, lao),
      await makeProject(server.db, lao),
      await makeProject(server.db, lao),
      await makeProject(server.db, lao),
    ];
    expect(await scoreOf('SIX_MONTHS')).toBe(0);

    // Done counts twice, in progress once, over twice the four counted projects: (2 + 1) / 8.
    ok(await server.gql(FiguresSaveReportDocument, { input: report(p1.id, 'DONE') }, { token: officer }));
    ok(await server.gql(FiguresSaveReportDocument, { input: report(p2.id, 'IN_PROGRESS') }, { token: officer }));
    expect(await scoreOf('SIX_MONTHS')).toBe(37.5);
    // The six-month DONE is carried into twelve months: 2 / 8.
    expect(await scoreOf('TWELVE_MONTHS')).toBe(25);
    expect(await figureDifferences(server.db)).toEqual([]);

    // A reduction NACC approves takes the project out of the plan: (2 + 1) / 6.
    ok(await server.gql(FiguresRequestReductionDocument, { id: String(p4.id) }, { token: officer }));
    ok(await server.gql(FiguresApproveReductionDocument, { id: String(p4.id) }, { token: admin }));
    expect(await scoreOf('SIX_MONTHS')).toBe(50);

    // NACC's minimum is the denominator once set: (2 + 1) / 4; cleared, the baseline again.
    ok(await server.gql(FiguresSetMinimumDocument, { l: lao.code, m: 2 }, { token: admin }));
    expect(await scoreOf('SIX_MONTHS')).toBe(75);
    ok(await server.gql(FiguresSetMinimumDocument, { l: lao.code, m: null }, { token: admin }));
    expect(await scoreOf('SIX_MONTHS')).toBe(50);

    // A project created through the form counts at once; deleted, it no longer does.
    const input: ProjectInput = {
      fiscalYears: [2567],
      origin: 'PLANNED',
      name: 'โครงการเพิ่มเติมทดสอบ',
      category: 'PROJECT',
      quarters: [1],
      dimension: 1,
      targetGroups: ['LOCAL_STAFF'],
      objective: 'เพื่อทดสอบ',
    };
    const created = ok(await server.gql(FiguresCreateProjectDocument, { l: lao.code, input }, { token: officer }));
    expect(await scoreOf('SIX_MONTHS')).toBe(37.5);
    expect(await figureDifferences(server.db)).toEqual([]);
    ok(await server.gql(FiguresDeleteProjectDocument, { id: created.createProject.id }, { token: officer }));
    expect(await scoreOf('SIX_MONTHS')).toBe(50);

    // An edit of a saved report moves the figures too: (2 + 2) / 6.
    ok(await server.gql(FiguresSaveReportDocument, { input: report(p2.id, 'DONE') }, { token: officer }));
    expect(await scoreOf('SIX_MONTHS')).toBe(66.67);
    expect(await figureDifferences(server.db)).toEqual([]);

    // The national table counts the LAO at the level its province row shows.
    const national = ok(await server.gql(FiguresNationalScoresDocument, { r: 'SIX_MONTHS' }, { token: admin }));
    expect(national.nationalScores.find((p) => p.province.code === lao.provinceCode)?.high).toBeGreaterThanOrEqual(1);
  });

  it('a report saved makes only its own year’s figures again: the LAO’s other years are neither read nor written', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const other = (await server.db.getRepository('Lao').findOneByOrFail({ code: user.laoCode })) as Lao;
    const token = await signIn(server, user.username, PASSWORD);
    const project = await makeProject(server.db, other, { fiscalYears: [2566, 2567] });
    // A mark on the 2566 row that only a computation of 2566 would wipe out.
    const mark = (by: number) =>
      server.db.query('UPDATE lao_year_figures SET done_six = done_six + ? WHERE lao_code = ? AND fiscal_year = 2566', [by, other.code]);
    const doneSix = async (year: number) =>
      Number(
        (await server.db.query('SELECT done_six AS d FROM lao_year_figures WHERE lao_code = ? AND fiscal_year = ?', [other.code, year]))[0]
          .d,
      );
    await mark(7);
    ok(await server.gql(FiguresSaveReportDocument, { input: report(project.id, 'DONE') }, { token }));
    expect(await doneSix(2567)).toBe(1);
    expect(await doneSix(2566)).toBe(7);
    await mark(-7);
    expect(await figureDifferences(server.db)).toEqual([]);
  });

  it('refuses in Thai, and stores nothing, a write that would make a year’s total exceed what is exact (≈ 90 trillion baht)', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const rich = (await server.db.getRepository('Lao').findOneByOrFail({ code: user.laoCode })) as Lao;
    const token = await signIn(server, user.username, PASSWORD);
    // 90 projects of 999,999,999,999.99 baht: 8,999,999,999,999,910 satang, still exact.
    for (let i = 0; i < 90; i++) await makeProject(server.db, rich, { budget: 99_999_999_999_999 });
    const input: ProjectInput = {
      fiscalYears: [2567],
      origin: 'PLANNED',
      name: 'โครงการที่ 91',
      category: 'PROJECT',
      quarters: [1],
      dimension: 1,
      budget: '999,999,999,999.99',
      targetGroups: ['LOCAL_STAFF'],
      objective: 'เพื่อทดสอบ',
    };
    const refused = await server.gql(FiguresCreateProjectDocument, { l: rich.code, input }, { token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('เกินกว่าที่ระบบคำนวณได้ถูกต้อง');
    expect(await server.db.getRepository('Project').countBy({ laoCode: rich.code })).toBe(90);
    // The year's pages still add up to the last satang.
    const overview = ok(await server.gql(FiguresOverviewTotalDocument, { l: rich.code }, { token }));
    expect(overview.laoOverview.total.plannedBudget).toBe('89999999999999.10');
  }, 120_000);

  it('figures:verify names a maintained row that went wrong, and --repair makes them again', async () => {
    const project = await makeProject(server.db, lao, { fiscalYears: [2568] });
    expect(project.id).toBeGreaterThan(0);
    await server.db.query('UPDATE lao_year_figures SET done_six = done_six + 5 WHERE lao_code = ? AND fiscal_year = ?', [lao.code, 2568]);
    const verify = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', path.resolve('scripts/figures-verify.ts'), ...args], {
        env: { ...process.env, DB_URL: dbUrl(), LOG_LEVEL: 'silent' },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`${lao.code}/2568: doneSix 5 → 0`);
    expect(await verify('--repair')).toMatchObject({ code: 0, out: expect.stringContaining('repaired') });
    expect(await verify()).toMatchObject({ code: 0, out: expect.stringContaining('0 difference(s)') });
  }, 180_000);
});
