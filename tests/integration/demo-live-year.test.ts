import fs from 'node:fs';
import path from 'node:path';
import { ManualClock } from '../../server/src/core/clock';
import { DEMO_PASSWORDS } from '../../server/src/demo/demo-data';
import { LIVE_LAO } from '../../server/src/demo/live-year';
import { demoDatabaseUrl } from './demo-database';
import { databases, signIn, TestServer } from './harness';
import {
  DemoLiveBaselineDocument,
  DemoLiveDashboardDocument,
  DemoLiveProjectsDocument,
  DemoLiveQueueDocument,
  DemoLiveReportDocument,
  DemoLiveYearOptionsDocument,
} from '../gql/graphql';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The demo's live current year as the README sends a first-time user to it: the LAO 6810253 signed in the
 * day the demo database was made sees its plan with reports in progress and the round of the season closing
 * within days; the Krabi province office (nacc81) finds its requests waiting in the review queue. Each
 * season is laid out relative to the day the database is made, so both are tried, each with a clock of its own.
 */
const seasons = [
  { season: 'six months', madeAt: new Date('2027-01-20T03:00:00Z'), year: 2570, round: 'SIX_MONTHS', other: 'TWELVE_MONTHS' },
  { season: 'twelve months', madeAt: new Date('2027-07-10T03:00:00Z'), year: 2570, round: 'TWELVE_MONTHS', other: 'SIX_MONTHS' },
] as const;

const cases = databases.flatMap((db) => seasons.map((s) => ({ ...s, name: db.name })));

describe.each(cases)('the demo’s live current year, made in the $season season ($name)', ({ name, madeAt, year, round, other }) => {
  let server: TestServer;
  let lao: string;
  let reviewer: string;
  beforeAll(async () => {
    const url = await demoDatabaseUrl(name, round === 'SIX_MONTHS' ? 'live6' : 'live12', madeAt);
    // The user signs in an hour after `npm start` made the database.
    server = await TestServer.start(url, { clock: new ManualClock(new Date(madeAt.getTime() + HOUR)) });
    lao = await signIn(server, LIVE_LAO, DEMO_PASSWORDS.lao.password);
    reviewer = await signIn(server, DEMO_PASSWORDS.provinceKrabi.username, DEMO_PASSWORDS.provinceKrabi.password);
  });
  afterAll(() => server.stop());

  const dashboard = async () => {
    const res = await server.gql(DemoLiveDashboardDocument, { lao: LIVE_LAO, year }, { token: lao });
    expect(res.errors).toBeUndefined();
    return res.data!.laoDashboard;
  };

  it('the header opens on the current fiscal year, the one with the live data', async () => {
    const res = await server.gql(DemoLiveYearOptionsDocument, {}, { token: lao });
    expect(res.data!.fiscalYearOptions.current).toBe(year);
    expect(res.data!.fiscalYearOptions.years).toContain(year);
  });

  it('the home page: 20 planned and 1 added, 8 reported (3 done) in the round of the season, open and closing in a week', async () => {
    const d = await dashboard();
    // Created counts every project-year of the year, the addition waiting for approval too (PRODUCT.md §5).
    expect(d.created).toBe(21);
    expect(d.minimumCount).toBe(15);
    const live = d.rounds.find((r) => r.round === round)!;
    expect(live).toMatchObject({ reported: 8, waiting: 13, done: 3, inProgress: 5, notReported: 12, open: true });
    const now = server.clock.now().getTime();
    const closesIn = new Date(live.closesAt!).getTime() - now;
    expect(closesIn).toBeGreaterThan(5 * DAY);
    expect(closesIn).toBeLessThan(8 * DAY);
    expect(new Date(live.opensAt!).getTime()).toBeLessThan(now);
    // Nothing of the other round is reported yet.
    expect(d.rounds.find((r) => r.round === other)).toMatchObject({ reported: 0, waiting: 21, notReported: 20 });
  });

  it('the projects list shows which are reported and which wait, and the additional project pending approval', async () => {
    const res = await server.gql(DemoLiveProjectsDocument, { lao: LIVE_LAO, year }, { token: lao });
    expect(res.errors).toBeUndefined();
    const projects = res.data!.projects;
    const key = round === 'SIX_MONTHS' ? 'sixMonths' : 'twelveMonths';
    const counted = projects.filter((p) => p.years.find((y) => y.fiscalYear === year)!.counted);
    expect(counted).toHaveLength(20);
    const reported = counted.filter((p) => p.years.find((y) => y.fiscalYear === year)![key] !== null);
    expect(reported).toHaveLength(8);
    expect(reported.map((p) => p.years[0][key]!.status).sort()).toEqual([...Array(3).fill('DONE'), ...Array(5).fill('IN_PROGRESS')]);
    const pending = projects.filter((p) => p.years.find((y) => y.fiscalYear === year)!.planStatus === 'ADD_PENDING');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ origin: 'ADDITIONAL' });
    expect(pending[0].name).toContain('วังป่วน');
  });

  it('the LAO’s baseline request (20 → 22) shows as pending on its ขอเพิ่ม/ลดโครงการ page', async () => {
    const res = await server.gql(DemoLiveBaselineDocument, { lao: LIVE_LAO }, { token: lao });
    expect(res.errors).toBeUndefined();
    expect(res.data!.baselineYears.find((y) => y.fiscalYear === year)).toMatchObject({
      baselineCount: 20,
      createdCount: 21,
      standing: 'PENDING',
      latestRequest: { currentCount: 20, requestedCount: 22, status: 'PENDING' },
    });
  });

  it('the Krabi province office finds the additional project and the baseline request in its review queue', async () => {
    const res = await server.gql(DemoLiveQueueDocument, {}, { token: reviewer });
    expect(res.errors).toBeUndefined();
    const q = res.data!.reviewQueue;
    expect(q.additions.filter((a) => a.lao.code === LIVE_LAO)).toEqual([
      expect.objectContaining({ fiscalYear: year, canReview: true, project: { name: expect.stringContaining('วังป่วน') } }),
    ]);
    expect(q.baselineRequests.filter((r) => r.lao.code === LIVE_LAO)).toEqual([
      { fiscalYear: year, currentCount: 20, requestedCount: 22, status: 'PENDING', canReview: true, lao: { code: LIVE_LAO } },
    ]);
  });

  it('the officer reports one more project (9 reported); a week later the round has closed and refuses a report', async () => {
    const projects = (await server.gql(DemoLiveProjectsDocument, { lao: LIVE_LAO, year }, { token: lao })).data!.projects;
    const key = round === 'SIX_MONTHS' ? 'sixMonths' : 'twelveMonths';
    const waiting = projects.filter((p) => {
      const y = p.years.find((py) => py.fiscalYear === year)!;
      return y.counted && y[key] === null;
    });
    const report = (p: (typeof waiting)[number]) =>
      server.gql(
        DemoLiveReportDocument,
        {
          input: {
            projectId: p.id,
            fiscalYear: year,
            round,
            inOrdinance: false,
            ...(p.budget === null ? {} : { ordinanceBudget: '0.00', disbursed: '0.00' }),
            status: 'IN_PROGRESS',
          },
        },
        { token: lao },
      );
    const saved = await report(waiting[0]);
    expect(saved.errors).toBeUndefined();
    expect((await dashboard()).rounds.find((r) => r.round === round)).toMatchObject({ reported: 9, notReported: 11, open: true });

    server.clock.advance(7 * DAY);
    lao = await signIn(server, LIVE_LAO, DEMO_PASSWORDS.lao.password);
    expect((await dashboard()).rounds.find((r) => r.round === round)).toMatchObject({ reported: 9, open: false });
    const refused = await report(waiting[1]);
    expect(refused.errors?.[0]?.extensions?.code).toBe('ROUND_CLOSED');
  });
});

describe('the README sends a first-time user to the live year', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  it('names the live LAO, its password, the province office and what each will find', () => {
    const where = readme.slice(readme.indexOf('Where to look'));
    expect(where).toContain('**current fiscal year**');
    expect(where).toContain(`\`${LIVE_LAO}\``);
    expect(where).toContain(`\`${DEMO_PASSWORDS.lao.password}\``);
    expect(where).toContain(`\`${DEMO_PASSWORDS.provinceKrabi.username}\``);
    expect(where).toMatch(/20 projects of which 8 are reported/);
    expect(where).toMatch(/closing in a week/);
    expect(where).toMatch(/review queue/);
  });
});
