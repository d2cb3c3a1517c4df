import { Role } from '../../server/src/modules/access/role';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { ProgressReport } from '../../server/src/modules/progress-report/progress-report.entity';
import type { Project } from '../../server/src/modules/project/project.entity';
import { makeLao, makeProject, makeSession, makeUser, PASSWORD } from '../fixtures/factories';
import { ChangeFeedSaveReportDocument, ChangesDocument, SetProjectComplianceDocument, type ChangesQuery } from '../gql/graphql';
import { codeOf, databases, signIn, TestServer } from './harness';

/** The largest amount a form takes. */
const BUDGET = 99_999_999_999_999; // satang: 999,999,999,999.99 baht

jest.setTimeout(120_000);

type Change = ChangesQuery['changes']['edges'][number]['node'];

/**
 * The change feed other NACC systems follow (`changes(after, first)`): every change, once, in the order
 * it was committed, written in the change's own transaction — read while dozens of officers save at
 * once, by a reader who must miss nothing it later finds behind its cursor.
 */
describe.each(databases)('the change feed ($name)', ({ name, url }) => {
  let server: TestServer;
  let reader: string;
  beforeAll(async () => {
    server = await TestServer.start(url());
    reader = await makeSession(server.db, await makeUser(server.db, Role.SERVICE));
  });
  afterAll(() => server.stop());

  /** Pages through the feed from `after` to its end; returns what it read and the cursor to go on from. */
  async function readOn(token: string, after: string | null): Promise<{ changes: Change[]; cursor: string | null }> {
    const changes: Change[] = [];
    for (;;) {
      const res = await server.gql(ChangesDocument, { first: 100, after }, { token });
      expect(res.errors).toBeUndefined();
      const page = res.data!.changes;
      changes.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.endCursor ?? after;
      if (!page.pageInfo.hasNextPage) return { changes, cursor: after };
    }
  }

  const saveInput = (project: Project, disbursed: string) => ({
    projectId: String(project.id),
    fiscalYear: 2567,
    round: 'SIX_MONTHS' as const,
    inOrdinance: true,
    ordinanceBudget: '999999999999.99',
    disbursed,
    status: 'IN_PROGRESS' as const,
  });

  it('gives every save once, in commit order, to a reader polling while dozens of officers save at once', async () => {
    const { cursor: start } = await readOn(reader, null);
    // 96 saves at once on MariaDB (8 LAOs × 3 projects × 4 saves); 36 on SQLite, whose one connection runs them
    // one by one anyway. (A thousand at once is the durability suite's, with a kill in the middle.)
    const [LAOS, PROJECTS, SAVES_PER_PROJECT] = name === 'mariadb' ? [8, 3, 4] : [3, 3, 4];
    const officers = await Promise.all(
      Array.from({ length: LAOS }, async () => {
        const user = await makeUser(server.db, Role.LAO_OFFICER);
        const lao = await server.db.getRepository(Lao).findOneByOrFail({ code: user.laoCode! });
        const token = await makeSession(server.db, user);
        const projects: Project[] = [];
        for (let i = 0; i < PROJECTS; i++) projects.push(await makeProject(server.db, lao, { budget: BUDGET }));
        return { token, projects, laoCode: lao.code };
      }),
    );
    const calls = officers.flatMap(({ token, projects }) =>
      projects.flatMap((project) => Array.from({ length: SAVES_PER_PROJECT }, (_, n) => ({ token, project, disbursed: `${n + 1}000.00` }))),
    );

    // A reader follows the feed while the saves run, from where it stood.
    let writing = true;
    const followed: Change[] = [];
    const follower = (async () => {
      let cursor = start;
      while (writing) {
        const { changes, cursor: next } = await readOn(reader, cursor);
        followed.push(...changes);
        cursor = next;
      }
      const { changes } = await readOn(reader, cursor);
      followed.push(...changes);
    })();

    const acknowledged: Array<{ reportId: string; disbursed: string }> = [];
    let conflicts = 0;
    const saving = Promise.all(
      calls.map(async ({ token, project, disbursed }) => {
        const res = await server.gql(ChangeFeedSaveReportDocument, { input: saveInput(project, disbursed) }, { token });
        if (res.errors) {
          expect(res.errors[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
          conflicts++;
        } else acknowledged.push({ reportId: res.data!.saveProgressReport.id, disbursed });
      }),
    );
    await saving.finally(() => (writing = false));
    await follower;

    // Read afresh from the same place, the feed is what the follower saw: nothing missed, nothing twice.
    const { changes: whole } = await readOn(reader, start);
    expect(followed.map((c) => c.seq)).toEqual(whole.map((c) => c.seq));
    const seqs = whole.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    // One event per acknowledged save; the last event of each report is what is stored (commit order).
    // (Suites sharing the database save too: these LAOs' saves are this test's.)
    const ourLaos = new Set(officers.map((o) => o.laoCode));
    const saves = whole.filter((c) => c.action === 'saveProgressReport' && ourLaos.has(c.laoCode!));
    expect(saves).toHaveLength(acknowledged.length);
    expect(acknowledged.length + conflicts).toBe(calls.length);
    console.log(
      `[change feed, ${name}] ${calls.length} saves at once: ${acknowledged.length} saved, ${conflicts} CONFLICT; the follower read ${followed.length} changes, the same as afresh`,
    );
    const lastOf = new Map(saves.map((c) => [c.targetId!, JSON.parse(c.data!) as { disbursed: unknown }]));
    const stored = await server.db.getRepository(ProgressReport).findBy({ round: 'SIX_MONTHS' as never });
    for (const [reportId, last] of lastOf) {
      const report = stored.find((r) => String(r.id) === reportId)!;
      expect({ reportId, disbursed: String(last.disbursed) }).toEqual({ reportId, disbursed: String(report.disbursed) });
    }
    for (const c of saves)
      expect({ event: c.event, targetType: c.targetType, fiscalYear: c.fiscalYear }).toMatchObject({
        event: 'progressReport.saved',
        targetType: 'ProgressReport',
        fiscalYear: 2567,
      });
  });

  it('names decisions, keeps each caller to its scope and refuses a forged cursor or an oversized page', async () => {
    const { cursor: start } = await readOn(reader, null);
    const officer = await makeUser(server.db, Role.LAO_OFFICER);
    const lao = await server.db.getRepository(Lao).findOneByOrFail({ code: officer.laoCode! });
    const elsewhere = await makeLao(server.db);
    const project = await makeProject(server.db, lao, { budget: BUDGET });
    const other = await makeProject(server.db, elsewhere);
    const province = await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: lao.provinceCode });
    const reviewer = await signIn(server, province.username, PASSWORD);
    const officerToken = await signIn(server, officer.username, PASSWORD);
    const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);

    expect(
      (await server.gql(ChangeFeedSaveReportDocument, { input: saveInput(project, '1.00') }, { token: officerToken })).errors,
    ).toBeUndefined();
    expect(
      (
        await server.gql(
          SetProjectComplianceDocument,
          { id: String(project.id), y: 2567, a: false, r: 'ไม่สอดคล้องกับหลักเกณฑ์' },
          { token: reviewer },
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (await server.gql(SetProjectComplianceDocument, { id: String(other.id), y: 2567, a: false, r: 'ไม่สอดคล้อง' }, { token: admin }))
        .errors,
    ).toBeUndefined();

    const { changes } = await readOn(reader, start);
    const reviewed = changes.find((c) => c.event === 'projectYear.reviewed' && c.laoCode === lao.code);
    expect(reviewed).toMatchObject({
      event: 'projectYear.reviewed',
      action: 'markNonCompliant',
      laoCode: lao.code,
      provinceCode: lao.provinceCode,
    });
    expect(JSON.parse(reviewed!.data!)).toMatchObject({ reviewReason: 'ไม่สอดคล้องกับหลักเกณฑ์' });

    // The LAO officer reads its own LAO's changes, not another's.
    const own = (await readOn(officerToken, start)).changes;
    expect(own.some((c) => c.laoCode === lao.code)).toBe(true);
    expect(own.filter((c) => c.laoCode !== null && c.laoCode !== lao.code)).toEqual([]);
    // The province officer its province's.
    const ofProvince = (await readOn(reviewer, start)).changes;
    expect(ofProvince.filter((c) => c.provinceCode !== null && c.provinceCode !== lao.provinceCode)).toEqual([]);

    const forged = Buffer.from('change:-1').toString('base64url');
    for (const after of [forged, 'not a cursor', Buffer.from('lao:1').toString('base64url')]) {
      expect(codeOf(await server.gql(ChangesDocument, { first: 10, after }, { token: reader }))).toBe('BAD_USER_INPUT');
    }
    for (const first of [0, 101, -1])
      expect(codeOf(await server.gql(ChangesDocument, { first }, { token: reader }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(ChangesDocument, { first: 10 }))).toBe('UNAUTHENTICATED');
  });
});
