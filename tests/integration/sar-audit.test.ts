import { Role } from '../../server/src/modules/access/role';
import { makeLao, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import {
  AuditLogDocument,
  NationalScoresDocument,
  NationalScoresLaosDocument,
  SarScoresDocument,
  SetPlanYearBaselineCountMinimumCount2Document,
  SetPlanYearBaselineCountMinimumCountDocument,
  SetPlanYearDocument,
  SetSarScoresDocument,
} from '../gql/graphql';

describe.each(databases)('SAR scores, the audit log and the national view ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  it('the province office enters SAR scores; the LAO reads its own; others are refused', async () => {
    const officer = await makeUser(server.db, Role.LAO_OFFICER);
    const reviewer = await signIn(server, (await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80' })).username, PASSWORD);
    const lao = await signIn(server, officer.username, PASSWORD);
    const rows = [
      { dimension: 1, selfScore: 85.5, evaluatedScore: 80, budget: '105000', projectCount: 15 },
      { dimension: 4, selfScore: 90, evaluatedScore: 77.25, budget: null, projectCount: 7 },
    ];
    const saved = await server.gql(SetSarScoresDocument, { l: officer.laoCode!, rows }, { token: reviewer });
    expect(saved.errors).toBeUndefined();
    const read = await server.gql(SarScoresDocument, { l: officer.laoCode! }, { token: lao });
    expect(read.data!.sarScores).toEqual([
      { dimension: 1, selfScore: 85.5, evaluatedScore: 80, budget: '105000.00', projectCount: 15 },
      { dimension: 4, selfScore: 90, evaluatedScore: 77.25, budget: null, projectCount: 7 },
    ]);
    expect(codeOf(await server.gql(SetSarScoresDocument, { l: officer.laoCode!, rows }, { token: lao }))).toBe('FORBIDDEN');
    const bad = await server.gql(
      SetSarScoresDocument,
      { l: officer.laoCode!, rows: [{ dimension: 1, selfScore: 85.555 }, { dimension: 2, evaluatedScore: 101 }, { dimension: 5 }] },
      { token: reviewer },
    );
    expect(bad.errors![0].extensions!.fields).toEqual([
      { field: 'rows.0.selfScore', message: 'คะแนนใส่ทศนิยมได้ไม่เกิน 2 ตำแหน่ง' },
      { field: 'rows.1.evaluatedScore', message: 'คะแนนต้องอยู่ระหว่าง 0–100' },
      { field: 'rows.2.dimension', message: 'มิติต้องเป็น 1–4' },
    ]);
    const other = await signIn(server, (await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '81' })).username, PASSWORD);
    expect(codeOf(await server.gql(SetSarScoresDocument, { l: officer.laoCode!, rows }, { token: other }))).toBe('FORBIDDEN');
  });

  it('ADMIN sets a minimum count, and clears it with an explicit null (left out: unchanged)', async () => {
    const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    const lao = await makeLao(server.db);
    expect((await server.gql(SetPlanYearDocument, { l: lao.code, b: 20, m: 15 }, { token: admin })).data!.setPlanYear).toEqual({
      baselineCount: 20,
      minimumCount: 15,
    });
    expect(
      (await server.gql(SetPlanYearBaselineCountMinimumCountDocument, { l: lao.code, b: 18 }, { token: admin })).data!.setPlanYear,
    ).toEqual({
      baselineCount: 18,
      minimumCount: 15,
    });
    expect(
      (await server.gql(SetPlanYearBaselineCountMinimumCount2Document, { l: lao.code, m: null }, { token: admin })).data!.setPlanYear,
    ).toEqual({
      baselineCount: 18,
      minimumCount: null,
    });
  });

  it('the audit log: ADMIN filters everything, a province officer reads its province only', async () => {
    const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    const officer = await makeUser(server.db, Role.LAO_OFFICER);
    await signIn(server, officer.username, PASSWORD);
    const mine = await server.gql(AuditLogDocument, { a: 'login', u: officer.username }, { token: admin });
    expect(mine.data!.auditLog).toEqual({
      total: 1,
      rows: [{ action: 'login', actorUsername: officer.username, laoCode: officer.laoCode, provinceCode: '80' }],
    });
    const krabi = await signIn(server, (await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '81' })).username, PASSWORD);
    expect(codeOf(await server.gql(AuditLogDocument, { p: '80' }, { token: krabi }))).toBe('FORBIDDEN');
    const own = await server.gql(AuditLogDocument, {}, { token: krabi });
    expect(own.data!.auditLog.rows.every((r) => r.provinceCode === '81')).toBe(true);
    const lao = await signIn(server, officer.username, PASSWORD);
    expect(codeOf(await server.gql(AuditLogDocument, {}, { token: lao }))).toBe('FORBIDDEN');
  });

  it('ADMIN sees the whole country: every province with its LAOs counted by level', async () => {
    const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    await makeLao(server.db, { provinceCode: '96', districtCode: '9601' });
    const res = await server.gql(NationalScoresDocument, {}, { token: admin });
    expect(res.data!.nationalScores).toHaveLength(77);
    const narathiwat = res.data!.nationalScores.find((r) => r.province.code === '96')!;
    expect(narathiwat.laos).toBeGreaterThanOrEqual(1);
    expect(narathiwat.high + narathiwat.medium + narathiwat.low).toBe(narathiwat.laos);
    const reviewer = await signIn(server, (await makeUser(server.db, Role.PROVINCE_OFFICER)).username, PASSWORD);
    expect(codeOf(await server.gql(NationalScoresLaosDocument, {}, { token: reviewer }))).toBe('FORBIDDEN');
  });
});
