import { randomInt } from 'node:crypto';
import { Role } from '../../server/src/modules/access/role';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { Project } from '../../server/src/modules/project/project.entity';
import { ReportRound } from '../../server/src/modules/plan/report.enums';
import { countStatements, makeLao, makeProject, makeReport, makeSession, makeUser } from '../fixtures/factories';
import { codeOf, databases, TestServer, type GqlAuth, type GqlResult } from './harness';
import { LaosPageDocument, ProgressReportsPageDocument, ProjectsPageDocument } from '../gql/graphql';

/** LAOs of the registry made for paging: about as many as the country has, in one district. */
const MANY = 7_500;
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

jest.setTimeout(180_000);

describe.each(databases)('connections for other systems ($name)', ({ url }) => {
  let server: TestServer;
  /** Another NACC system: reads the whole country. */
  let service: GqlAuth;
  /**
   * The district of the many LAOs (Mueang Mae Hong Son: no other suite adds LAOs there), and the two
   * digits that begin their codes (no other LAO's).
   */
  const district = '5801';
  let block: string;

  /** LAO rows straight into the registry, a few hundred a statement (as an import would), not one mutation each. */
  async function insertLaos(codes: string[]): Promise<void> {
    const now = new Date();
    for (let i = 0; i < codes.length; i += 500) {
      await server.db
        .createQueryBuilder()
        .insert()
        .into(Lao)
        .values(
          codes.slice(i, i + 500).map((code) => ({
            code,
            name: `อบต.ทดสอบ ${code}`,
            type: 'SAO',
            size: 'MEDIUM',
            provinceCode: '58',
            districtCode: district,
            active: true,
            createdAt: now,
            updatedAt: now,
          })) as Array<Partial<Lao>>,
        )
        .execute();
    }
  }

  beforeAll(async () => {
    server = await TestServer.start(url());
    service = { token: await makeSession(server.db, await makeUser(server.db, Role.SERVICE)) };
    // Codes 0B00000–0B14998, even last digits: an odd code inserted while paging falls between two of them.
    for (;;) {
      block = `0${randomInt(0, 10)}`;
      if (
        (await server.db
          .getRepository(Lao)
          .createQueryBuilder('l')
          .where('l.code LIKE :b', { b: `${block}%` })
          .getCount()) === 0
      )
        break;
    }
    await insertLaos(Array.from({ length: MANY }, (_, i) => `${block}${String(i * 2).padStart(5, '0')}`));
  });
  afterAll(async () => {
    // The many LAOs go again: nothing refers to them, and a kept database stays small.
    await server.db
      .getRepository(Lao)
      .createQueryBuilder()
      .delete()
      .where('code LIKE :b', { b: `${block}%` })
      .execute();
    await server.stop();
  });

  const pageOfLaos = (variables: Record<string, unknown>, auth: GqlAuth = service) => server.gql(LaosPageDocument, variables, auth);

  /** Odd codes of the block not yet taken: LAOs that fall between the even ones of the start. */
  const added = new Set<string>();
  const laosBetween = (n: number) => {
    const codes: string[] = [];
    while (codes.length < n) {
      const code = `${block}${String(randomInt(0, MANY) * 2 + 1).padStart(5, '0')}`;
      if (added.has(code)) continue;
      added.add(code);
      codes.push(code);
    }
    return codes;
  };

  type LaoPage = GqlResult<{
    laosConnection: {
      edges: Array<{ cursor: string; node: { code: string } }>;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
      totalCount: number;
    };
  }>;

  it(`pages through ${MANY} LAOs with LAOs added between pages: each LAO there at the start once, in code order`, async () => {
    const atStart = (await server.db.getRepository(Lao).find({ where: { districtCode: district } })).map((l) => l.code);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: LaoPage = await pageOfLaos({ first: 100, after, districtCode: district });
      expect(res.errors).toBeUndefined();
      const page = res.data!.laosConnection;
      if (pages === 0) expect(page.totalCount).toBe(atStart.length);
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...page.edges.map((e) => e.node.code));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      // Others add LAOs meanwhile, before and after where this caller stands.
      await insertLaos(laosBetween(3));
    }
    expect(pages).toBeGreaterThanOrEqual(MANY / 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    const seenSet = new Set(seen);
    expect(atStart.filter((c) => !seenSet.has(c))).toEqual([]);
  });

  it('pages backwards with last/before, the same LAOs in the same order as forwards', async () => {
    const forwards: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: LaoPage['data'] = (await pageOfLaos({ first: 100, after, districtCode: district })).data;
      forwards.push(...page!.laosConnection.edges.map((e) => e.node.code));
      if (!page!.laosConnection.pageInfo.hasNextPage) break;
      after = page!.laosConnection.pageInfo.endCursor;
    }
    const backwards: string[][] = [];
    let before: string | null = null;
    for (;;) {
      const res: LaoPage = await pageOfLaos({ last: 100, before, districtCode: district });
      const page = res.data!.laosConnection;
      backwards.unshift(page.edges.map((e) => e.node.code));
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backwards[backwards.length - 1]).toHaveLength(100);
    expect(backwards.flat()).toEqual(forwards);
  });

  it('refuses a page of more than 100, of none, or of both ends, with a Thai message', async () => {
    for (const [variables, field] of [
      [{ first: 101 }, 'first'],
      [{ last: 1000 }, 'last'],
      [{ first: 0 }, 'first'],
      [{ first: -5 }, 'first'],
      [{}, 'first'],
      [{ first: 10, last: 10 }, 'last'],
    ] as const) {
      const res = await pageOfLaos(variables);
      expect({ variables, code: codeOf(res), data: res.data }).toEqual({ variables, code: 'BAD_USER_INPUT', data: null });
      expect(res.errors![0].extensions!.fields).toEqual([{ field, message: expect.stringMatching(/[ก-๙]/) }]);
    }
    expect((await pageOfLaos({ first: 101 })).errors![0].message).toBe('first ต้องเป็นจำนวนเต็ม 1–100 (first must be 1–100)');
    // The filters are checked as every input is.
    for (const res of [
      await pageOfLaos({ first: 10, provinceCode: 'x' }),
      await pageOfLaos({ first: 10, districtCode: '80071' }),
      await server.gql(ProjectsPageDocument, { first: 10, laoCode: '12' }, service),
      await server.gql(ProjectsPageDocument, { first: 10, fiscalYear: 1999 }, service),
      await server.gql(ProgressReportsPageDocument, { first: 10, fiscalYear: 3000 }, service),
      await server.gql(ProgressReportsPageDocument, { first: 10, updatedSince: 'yesterday' }, service),
    ]) {
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/[ก-๙]/);
    }
    expect((await pageOfLaos({ first: 100, districtCode: district })).data!.laosConnection.edges).toHaveLength(100);
  });

  it('refuses a cursor it did not make: malformed, forged, or of another list', async () => {
    const [lao] = (await pageOfLaos({ first: 1, districtCode: district })).data!.laosConnection.edges;
    const project = await makeProject(server.db, await makeLao(server.db));
    const projectCursor = (await server.gql(ProjectsPageDocument, { first: 1, laoCode: project.laoCode }, service)).data!.projectsConnection
      .edges[0].cursor;
    for (const cursor of [
      'not a cursor!',
      'Zm9v', // "foo"
      cursorOf(['lao']),
      cursorOf(['lao', "1' OR '1'='1"]),
      cursorOf(['lao', 1234567]),
      cursorOf({ code: '6800707' }),
      projectCursor,
      'x'.repeat(500),
    ]) {
      const res = await pageOfLaos({ first: 10, after: cursor });
      expect({ cursor, code: codeOf(res) }).toEqual({ cursor, code: 'BAD_USER_INPUT' });
      expect(res.errors![0].message).toMatch(/^cursor ไม่ถูกต้อง/);
    }
    expect(codeOf(await pageOfLaos({ last: 10, before: projectCursor }))).toBe('BAD_USER_INPUT');
    // A cursor of a list's own kind: the caller sees the rows after it.
    expect(codeOf(await pageOfLaos({ first: 10, after: lao.cursor }))).toBeUndefined();
    expect(codeOf(await server.gql(ProjectsPageDocument, { first: 1, after: lao.cursor }, service))).toBe('BAD_USER_INPUT');
  });

  it('scopes pages as the lists are scoped: an LAO officer sees its own LAO’s projects only, a province officer its province', async () => {
    const [mine, theirs] = [await makeLao(server.db), await makeLao(server.db)];
    for (const lao of [mine, theirs]) for (let i = 0; i < 3; i++) await makeProject(server.db, lao);
    const officer = await makeUser(server.db, Role.LAO_OFFICER, { lao: mine });
    const auth = { token: await makeSession(server.db, officer) };
    const res = await server.gql(ProjectsPageDocument, { first: 100 }, auth);
    expect(res.errors).toBeUndefined();
    const page = res.data!.projectsConnection;
    expect(page.edges.map((e) => e.node.lao.code)).toEqual([mine.code, mine.code, mine.code]);
    expect(page.totalCount).toBe(3);
    expect(codeOf(await server.gql(ProjectsPageDocument, { first: 100, laoCode: theirs.code }, auth))).toBe('FORBIDDEN');
    // Walking its own pages one by one never reaches another LAO's projects either.
    let after: string | null = null;
    const walked: string[] = [];
    do {
      const one: GqlResult<{
        projectsConnection: {
          edges: Array<{ node: { lao: { code: string } } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }> = await server.gql(ProjectsPageDocument, { first: 1, after }, auth);
      walked.push(...one.data!.projectsConnection.edges.map((e) => e.node.lao.code));
      after = one.data!.projectsConnection.pageInfo.hasNextPage ? one.data!.projectsConnection.pageInfo.endCursor : null;
    } while (after);
    expect(walked).toEqual([mine.code, mine.code, mine.code]);
    // An LAO officer's LAO page holds its LAO only.
    expect((await pageOfLaos({ first: 100 }, auth)).data!.laosConnection.edges.map((e) => e.node.code)).toEqual([mine.code]);

    await makeLao(server.db, { provinceCode: '81', districtCode: '8101' });
    const province = { token: await makeSession(server.db, await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '81' })) };
    expect(codeOf(await pageOfLaos({ first: 10, provinceCode: '80' }, province))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(ProjectsPageDocument, { first: 10, laoCode: mine.code }, province))).toBe('FORBIDDEN');
    const krabi = await pageOfLaos({ first: 100 }, province);
    expect(krabi.errors).toBeUndefined();
    expect(krabi.data!.laosConnection.edges.length).toBeGreaterThan(0);
    expect(new Set(krabi.data!.laosConnection.edges.map((e) => e.node.province.name))).toEqual(new Set(['กระบี่']));
    // Signed out: nothing.
    expect(codeOf(await pageOfLaos({ first: 10 }, {}))).toBe('UNAUTHENTICATED');
  });

  it('pages what changed since an instant in the order of the changes, a project changed again coming again at the end', async () => {
    const lao = await makeLao(server.db);
    const [p1, p2, old] = [await makeProject(server.db, lao), await makeProject(server.db, lao), await makeProject(server.db, lao)];
    const stamp = (p: Project, at: string) => server.db.getRepository(Project).update({ id: p.id }, { updatedAt: new Date(at) });
    await stamp(p2, '2031-01-01T00:00:00Z');
    await stamp(p1, '2031-01-02T00:00:00Z');
    await stamp(old, '2020-01-01T00:00:00Z');
    const since = '2030-12-31T00:00:00.000Z';
    const first = await server.gql(ProjectsPageDocument, { first: 1, laoCode: lao.code, updatedSince: since }, service);
    expect(first.data!.projectsConnection.edges.map((e) => e.node.id)).toEqual([String(p2.id)]);
    expect(first.data!.projectsConnection.totalCount).toBe(2);
    const cursor = first.data!.projectsConnection.pageInfo.endCursor;
    const second = await server.gql(ProjectsPageDocument, { first: 10, after: cursor, laoCode: lao.code, updatedSince: since }, service);
    expect(second.data!.projectsConnection.edges.map((e) => [e.node.id, e.node.updatedAt])).toEqual([
      [String(p1.id), '2031-01-02T00:00:00.000Z'],
    ]);
    // p2 changes again: a caller that goes on from where it stood meets it once more.
    await stamp(p2, '2031-01-03T00:00:00Z');
    const again = await server.gql(
      ProjectsPageDocument,
      { first: 10, after: second.data!.projectsConnection.pageInfo.endCursor, laoCode: lao.code, updatedSince: since },
      service,
    );
    expect(again.data!.projectsConnection.edges.map((e) => e.node.id)).toEqual([String(p2.id)]);
    // A cursor of the list in id order does not fit the list in order of change.
    const byId = (await server.gql(ProjectsPageDocument, { first: 1, laoCode: lao.code }, service)).data!.projectsConnection.pageInfo
      .endCursor;
    expect(codeOf(await server.gql(ProjectsPageDocument, { first: 1, after: byId, laoCode: lao.code, updatedSince: since }, service))).toBe(
      'BAD_USER_INPUT',
    );

    // Progress reports saved since an instant, of a fiscal year and round, within an LAO officer's own LAO.
    const [r1, r2] = [
      await makeReport(server.db, p1, { reportedAt: new Date('2031-02-02T00:00:00Z') }),
      await makeReport(server.db, p2, { reportedAt: new Date('2031-02-01T00:00:00Z') }),
    ];
    await makeReport(server.db, old, { reportedAt: new Date('2020-01-01T00:00:00Z') });
    await makeReport(server.db, p1, { round: ReportRound.TWELVE_MONTHS, reportedAt: new Date('2031-02-03T00:00:00Z') });
    const officer = { token: await makeSession(server.db, await makeUser(server.db, Role.LAO_OFFICER, { lao })) };
    const reports = await server.gql(
      ProgressReportsPageDocument,
      { first: 10, fiscalYear: 2567, round: ReportRound.SIX_MONTHS, updatedSince: '2031-01-01T00:00:00Z' },
      officer,
    );
    expect(reports.errors).toBeUndefined();
    expect(reports.data!.progressReportsConnection.edges.map((e) => [e.node.id, e.node.project.lao.code, e.node.fiscalYear])).toEqual([
      [String(r2.id), lao.code, 2567],
      [String(r1.id), lao.code, 2567],
    ]);
    const all = await server.gql(ProgressReportsPageDocument, { first: 10 }, officer);
    expect(all.data!.progressReportsConnection.totalCount).toBe(4);
    expect(codeOf(await server.gql(ProgressReportsPageDocument, { first: 10, provinceCode: '81' }, officer))).toBe('FORBIDDEN');
  });

  it('answers a page in a fixed number of statements, whatever its size (related fields batched)', async () => {
    const lao = await makeLao(server.db);
    for (let i = 0; i < 12; i++) await makeReport(server.db, await makeProject(server.db, lao));
    const count = async (run: () => Promise<GqlResult>) => {
      const { result, statements } = await countStatements(server.db, run);
      expect(result.errors).toBeUndefined();
      return statements.length;
    };
    const laos = (first: number) => count(() => pageOfLaos({ first, districtCode: district }));
    const projects = (first: number) => count(() => server.gql(ProjectsPageDocument, { first, laoCode: lao.code }, service));
    const reports = (first: number) =>
      count(() => server.gql(ProgressReportsPageDocument, { first, provinceCode: '80', fiscalYear: 2567 }, service));
    // The caller's token, the page, its count, provinces, districts.
    expect(await laos(100)).toBe(5);
    expect(await laos(2)).toBe(5);
    // The token, the LAO asked for, the page, its count, the years of its projects.
    expect(await projects(12)).toBe(5);
    expect(await projects(2)).toBe(5);
    // The token, the page, its count, the projects, their LAOs.
    expect(await reports(100)).toBe(5);
    expect(await reports(2)).toBe(5);
  });
});
