import { DEMO_PASSWORDS, KHON_HAT, loadDemoDataIfEmpty } from '../../server/src/demo/demo-data';
import { demoDatabaseUrl } from './demo-database';
import { databases, signIn, TestServer } from './harness';
import {
  DemoMemoDashboardDocument,
  DemoMemoExplanationsDocument,
  DemoMemoKrabiExplanationsDocument,
  DemoMemoKrabiScoresDocument,
  DemoMemoOverviewDocument,
} from '../gql/graphql';

describe.each(databases)('the demo data reproduce the memo of อบต.ขอนหาด, FY 2567, six months ($name)', ({ name }) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await TestServer.start(await demoDatabaseUrl(name));
    expect(await loadDemoDataIfEmpty(server.db)).toBe(false);
    token = await signIn(server, DEMO_PASSWORDS.lao.username, DEMO_PASSWORDS.lao.password);
  });
  afterAll(() => server.stop());

  it('the per-dimension table and totals (49 planned, 31 done, 63.27; 370,000.00 and 112,652.00, 30.45)', async () => {
    const res = await server.gql(DemoMemoOverviewDocument, { lao: KHON_HAT.code }, { token });
    expect(res.errors).toBeUndefined();
    const o = res.data!.laoOverview;
    expect(o.lao).toEqual({ name: 'องค์การบริหารส่วนตำบลขอนหาด', district: { name: 'ชะอวด' }, province: { name: 'นครศรีธรรมราช' } });
    const row = (d: number | null, p: number, done: number, pb: string, ob: string, dis: string, pp: number, bp: number) => ({
      dimension: d,
      plannedProjects: p,
      doneProjects: done,
      plannedBudget: pb,
      ordinanceBudget: ob,
      disbursed: dis,
      projectPercent: pp,
      budgetPercent: bp,
    });
    expect(o.dimensions).toEqual([
      row(1, 15, 5, '105000.00', '0.00', '0.00', 33.33, 0),
      row(2, 20, 20, '0.00', '0.00', '0.00', 100, 0),
      row(3, 7, 2, '35000.00', '0.00', '0.00', 28.57, 0),
      row(4, 7, 4, '230000.00', '0.00', '112652.00', 57.14, 48.98),
    ]);
    expect(o.total).toEqual(row(null, 49, 31, '370000.00', '0.00', '112652.00', 63.27, 30.45));
  });

  it('the status table: minimum 15, 49 in all, 3 in the ordinance, 18 / 31 / 0 / 0, 100.00* มาก', async () => {
    const o = (await server.gql(DemoMemoOverviewDocument, { lao: KHON_HAT.code }, { token })).data!.laoOverview;
    expect(o.status).toEqual({ minimumCount: 15, total: 49, inOrdinance: 3, inProgress: 18, done: 31, cannotDo: 0, waiting: 0 });
    expect(o).toMatchObject({ score: 266.67, cappedScore: 100, level: 'HIGH', denominator: 15, fromMinimum: true });
  });

  it('the home page: 49 created, all reported in six months; the done ones carried into twelve months', async () => {
    const res = await server.gql(DemoMemoDashboardDocument, { lao: KHON_HAT.code }, { token });
    expect(res.data!.laoDashboard).toEqual({
      baselineCount: 49,
      minimumCount: 15,
      created: 49,
      rounds: [
        {
          round: 'SIX_MONTHS',
          reported: 49,
          waiting: 0,
          reportingRate: 100,
          score: 266.67,
          cappedScore: 100,
          level: 'HIGH',
          done: 31,
          inProgress: 18,
          notReported: 0,
        },
        {
          round: 'TWELVE_MONTHS',
          reported: 31,
          waiting: 18,
          reportingRate: 63.27,
          score: 206.67,
          cappedScore: 100,
          level: 'HIGH',
          done: 31,
          inProgress: 0,
          notReported: 18,
        },
      ],
    });
  });

  it('the manual’s province table of Krabi, FY 2563, six months: raw scores, levels, counts by level', async () => {
    const admin = await signIn(server, DEMO_PASSWORDS.admin.username, DEMO_PASSWORDS.admin.password);
    const res = await server.gql(DemoMemoKrabiScoresDocument, {}, { token: admin });
    expect(res.errors).toBeUndefined();
    const r = res.data!.provinceScores;
    const byName = Object.fromEntries(r.rows.map((row) => [row.lao.name, [row.score, row.level]]));
    expect(byName).toMatchObject({
      องค์การบริหารส่วนตำบลคลองยาง: [70.51, 'HIGH'],
      เทศบาลตำบลลาดาตัน: [20, 'LOW'],
      เทศบาลตำบลเขาพนม: [121.43, 'HIGH'],
      องค์การบริหารส่วนตำบลเขาพนม: [63.79, 'HIGH'],
      เทศบาลตำบลคลองขนิงนิคม: [4.76, 'LOW'],
      องค์การบริหารส่วนตำบลเทพา: [34.67, 'MEDIUM'],
    });
    expect(r.rows.find((row) => row.lao.name === 'เทศบาลตำบลเขาพนม')!.cappedScore).toBe(100);
    expect(r.rows.map((row) => row.districtName)).toEqual([
      ...Array(6).fill('เกาะลันตา'),
      ...Array(7).fill('เขาพนม'),
      ...Array(6).fill('คลองท่อม'),
    ]);
    // 18 LAOs of the manual's table (11 มาก, 1 กลาง, 6 น้อย) and เทศบาลตำบลคลองท่อมใต้, with no plan for 2563 (น้อย).
    expect([r.high, r.medium, r.low]).toEqual([11, 1, 7]);
  });

  it('explains the score where it is read: 31 × 1 + 18 × 0.5 = 40 ÷ โครงการขั้นต่ำ 15 = 266.67 → แสดง 100.00*', async () => {
    const res = await server.gql(DemoMemoExplanationsDocument, { lao: KHON_HAT.code }, { token });
    expect(res.errors).toBeUndefined();
    const rule = '(เกณฑ์ของรอบ: มาก ≥ 50.00, กลาง > 20.00, น้อย ต่ำกว่านั้น)';
    const six = 'ดำเนินการแล้วเสร็จ 31 × 1 + อยู่ระหว่างดำเนินการ 18 × 0.5 = 40 ÷ โครงการขั้นต่ำ 15 = 266.67 → แสดง 100.00* ระดับมาก ' + rule;
    expect(res.data!.laoOverview.explanation).toBe(six);
    expect(res.data!.laoDashboard.rounds).toEqual([
      { round: 'SIX_MONTHS', explanation: six },
      {
        round: 'TWELVE_MONTHS',
        explanation:
          'ดำเนินการแล้วเสร็จ 31 × 1 + อยู่ระหว่างดำเนินการ 0 × 0.5 = 31 ÷ โครงการขั้นต่ำ 15 = 206.67 → แสดง 100.00* ระดับมาก ' +
          '(เกณฑ์ของรอบ: มาก ≥ 80.00, กลาง ≥ 50.00, น้อย ต่ำกว่านั้น)',
      },
    ]);
  });

  it('explains every row of the manual’s Krabi table with the score the row shows', async () => {
    const admin = await signIn(server, DEMO_PASSWORDS.admin.username, DEMO_PASSWORDS.admin.password);
    const res = await server.gql(DemoMemoKrabiExplanationsDocument, {}, { token: admin });
    expect(res.errors).toBeUndefined();
    const why = Object.fromEntries(res.data!.provinceScores.rows.map((row) => [row.lao.name, row.explanation]));
    expect(why['เทศบาลตำบลเขาพนม']).toBe(
      'ดำเนินการแล้วเสร็จ 17 × 1 + อยู่ระหว่างดำเนินการ 0 × 0.5 = 17 ÷ โครงการตั้งต้น 14 = 121.43 → แสดง 100.00* ระดับมาก ' +
        '(เกณฑ์ของรอบ: มาก ≥ 50.00, กลาง > 20.00, น้อย ต่ำกว่านั้น)',
    );
    expect(why['องค์การบริหารส่วนตำบลเทพา']).toMatch(/= 26 ÷ โครงการตั้งต้น 75 = 34\.67 ระดับกลาง .* อีก 12 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับมาก$/);
    expect(why['องค์การบริหารส่วนตำบลคลองยาง']).toContain('= 27.5 ÷ โครงการตั้งต้น 39 = 70.51 ระดับมาก');
    // เทศบาลตำบลคลองท่อมใต้ has no plan for 2563: 0.00 and why.
    expect(why['เทศบาลตำบลคลองท่อมใต้']).toContain('ยังไม่มีโครงการตั้งต้น คะแนนจึงเป็น 0.00');
    for (const row of res.data!.provinceScores.rows) {
      expect(row.explanation).toMatch(new RegExp(`(= |เป็น )${row.score.toFixed(2).replace('.', '\\.')}([ )]|$)`));
      expect(row.explanation).toContain(`ระดับ${{ HIGH: 'มาก', MEDIUM: 'กลาง', LOW: 'น้อย' }[row.level]} (`);
    }
  });
});
