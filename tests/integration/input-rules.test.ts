import { Role } from '../../server/src/modules/access/role';
import { BaselineRequest, RequestStatus } from '../../server/src/modules/baseline-request/baseline-request.entity';
import { PlanStatus, ProjectOrigin } from '../../server/src/modules/plan/project.enums';
import { Project } from '../../server/src/modules/project/project.entity';
import { makePlanYear, makeProject, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer, type GqlResult } from './harness';
import {
  BaselineYearsFiscalYearBaselineCountDocument,
  CreateProjectNameObjectiveNoteDocument,
  ReopenRoundOpenUntilDocument,
  RequestPasswordResetOfXDocument,
  RequestProjectReductionReductionNoteDocument,
  SavePlanResultNoteProblemsReporterNameDocument,
  SetReportingWindowClosesAtDocument,
  UpdateLaoProfileInputDocument,
  type ProjectInput,
} from '../gql/graphql';

/** The supported fiscal years while the test clock stands in FY 2567: the first plan's year to four years ahead. */
const YEARS_MESSAGE = 'ปีงบประมาณต้องอยู่ระหว่าง พ.ศ. 2561–2571';
const REFUSED_CHARACTERS = (label: string) => `${label}มีอักขระพิเศษที่ระบบไม่รับ (เช่น อักขระควบคุมที่ติดมาจากการคัดลอก) กรุณาลบออกแล้วพิมพ์ใหม่`;
/** Tables holding a fiscal year, checked for rows of a refused year after each attempt (the LAO's own, where rows have an LAO). */
const YEAR_TABLES: Array<[string, boolean]> = [
  ['baseline_request', true],
  ['award', true],
  ['plan_year', true],
  ['plan_result_note', true],
  ['reporting_window', false],
  ['reporting_reopening', true],
  ['level_threshold', false],
  ['sar_score', true],
  ['project_year', true],
  ['progress_report', true],
];

const PROJECT_INPUT: ProjectInput = {
  origin: 'PLANNED',
  name: 'โครงการทดสอบ',
  fiscalYears: [2567],
  category: 'PROJECT',
  quarters: [1],
  dimension: 1,
  targetGroups: ['LOCAL_STAFF'],
  objective: 'เพื่อทดสอบ',
};

describe.each(databases)('input rules at the edge ($name)', ({ url }) => {
  let server: TestServer;
  let admin: string;
  let reviewer: string;
  beforeAll(async () => {
    server = await TestServer.start(url());
    admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    reviewer = await signIn(server, (await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80' })).username, PASSWORD);
  });
  afterAll(() => server.stop());

  async function officer() {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const lao = await server.db.getRepository('Lao').findOneByOrFail({ code: user.laoCode! });
    const project = await makeProject(server.db, lao as never, { fiscalYears: [2567] });
    const additional = await makeProject(server.db, lao as never, { origin: ProjectOrigin.ADDITIONAL, planStatus: PlanStatus.ADD_PENDING });
    return { laoCode: user.laoCode!, project, additional, token: await signIn(server, user.username, PASSWORD) };
  }

  describe.each([-1, 0, 2560, 2572, 1_002_570, 2_147_483_647])('fiscal year %i', (year) => {
    type Call = [string, (o: Awaited<ReturnType<typeof officer>>) => [string, Record<string, unknown>, string], string];
    const calls: Call[] = [
      [
        'requestBaselineChange',
        (o) => [
          'mutation($l: String!, $y: Int!) { requestBaselineChange(laoCode: $l, fiscalYear: $y, requestedCount: 3) { id } }',
          { l: o.laoCode, y: year },
          o.token,
        ],
        'fiscalYear',
      ],
      [
        'setAwards',
        (o) => [
          'mutation($l: String!, $y: Int!) { setAwards(laoCode: $l, fiscalYear: $y, awards: [{ kind: KPI }]) { kind } }',
          { l: o.laoCode, y: year },
          o.token,
        ],
        'fiscalYear',
      ],
      [
        'setPlanYear',
        (o) => [
          'mutation($l: String!, $y: Int!) { setPlanYear(laoCode: $l, fiscalYear: $y, baselineCount: 3) { fiscalYear } }',
          { l: o.laoCode, y: year },
          admin,
        ],
        'fiscalYear',
      ],
      [
        'savePlanResultNote',
        (o) => [
          'mutation($l: String!, $y: Int!) { savePlanResultNote(laoCode: $l, fiscalYear: $y, round: SIX_MONTHS, input: { problems: "ปัญหา" }) { fiscalYear } }',
          { l: o.laoCode, y: year },
          o.token,
        ],
        'fiscalYear',
      ],
      [
        'setReportingWindow',
        () => ['mutation($y: Int!) { setReportingWindow(fiscalYear: $y, round: SIX_MONTHS) { fiscalYear } }', { y: year }, admin],
        'fiscalYear',
      ],
      [
        'reopenRound',
        (o) => [
          'mutation($l: String!, $y: Int!) { reopenRound(laoCode: $l, fiscalYear: $y, round: SIX_MONTHS, until: "2024-06-01T00:00:00Z") { fiscalYear } }',
          { l: o.laoCode, y: year },
          admin,
        ],
        'fiscalYear',
      ],
      [
        'setLevelThresholds',
        () => [
          'mutation($y: Int!) { setLevelThresholds(fiscalYear: $y, input: { round: SIX_MONTHS, highFrom: 5000, highInclusive: true, mediumFrom: 2000, mediumInclusive: false }) { round } }',
          { y: year },
          admin,
        ],
        'fiscalYear',
      ],
      [
        'setSarScores',
        (o) => [
          'mutation($l: String!, $y: Int!) { setSarScores(laoCode: $l, fiscalYear: $y, rows: [{ dimension: 1, selfScore: 50 }]) { dimension } }',
          { l: o.laoCode, y: year },
          reviewer,
        ],
        'fiscalYear',
      ],
      [
        'createProject',
        (o) => [
          'mutation($l: String!, $i: ProjectInput!) { createProject(laoCode: $l, input: $i) { id } }',
          { l: o.laoCode, i: { ...PROJECT_INPUT, fiscalYears: [2567, year] } },
          o.token,
        ],
        'fiscalYears',
      ],
      [
        'saveProgressReport',
        (o) => [
          'mutation($i: ProgressReportInput!) { saveProgressReport(input: $i) { id } }',
          { i: { projectId: String(o.project.id), fiscalYear: year, round: 'SIX_MONTHS', inOrdinance: true, status: 'DONE' } },
          o.token,
        ],
        'fiscalYear',
      ],
      [
        'requestProjectReduction',
        (o) => [
          'mutation($p: ID!, $y: Int!) { requestProjectReduction(projectId: $p, fiscalYear: $y) { fiscalYear } }',
          { p: String(o.project.id), y: year },
          o.token,
        ],
        'fiscalYear',
      ],
      [
        'approveMany',
        (o) => [
          'mutation($p: ID, $y: Int) { approveMany(items: [{ kind: ADDITION, projectId: $p, fiscalYear: $y }]) }',
          { p: String(o.additional.id), y: year },
          reviewer,
        ],
        'items.0.fiscalYear',
      ],
      [
        'laoDashboard',
        (o) => [
          'query($l: String!, $y: Int!) { laoDashboard(laoCode: $l, fiscalYear: $y) { created } }',
          { l: o.laoCode, y: year },
          o.token,
        ],
        'fiscalYear',
      ],
      [
        'projects',
        (o) => ['query($l: String!, $y: Int) { projects(laoCode: $l, fiscalYear: $y) { id } }', { l: o.laoCode, y: year }, o.token],
        'fiscalYear',
      ],
      [
        'provinceScores',
        () => ['query($y: Int!) { provinceScores(provinceCode: "80", fiscalYear: $y, round: SIX_MONTHS) { high } }', { y: year }, reviewer],
        'fiscalYear',
      ],
      [
        'lao.awards',
        (o) => ['query($l: String!, $y: Int!) { lao(code: $l) { awards(fiscalYear: $y) { kind } } }', { l: o.laoCode, y: year }, o.token],
        'fiscalYear',
      ],
      ['planDimensions', () => ['query($y: Int!) { planDimensions(fiscalYear: $y) { name } }', { y: year }, ''], 'fiscalYear'],
    ];

    it.each(calls)('%s refuses it in Thai and stores nothing', async (_name, call, field) => {
      const o = await officer();
      const [query, variables, token] = call(o);
      // Sent as text: a table of many operations, each given the same out-of-range value.
      const res: GqlResult = await server.gql(query, variables, token ? { token } : {});
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toBe(YEARS_MESSAGE);
      expect(res.errors![0].extensions!.fields).toEqual([{ field, message: YEARS_MESSAGE }]);
      for (const [table, scoped] of YEAR_TABLES) {
        const where = scoped ? `fiscal_year = ${year} AND lao_code = '${o.laoCode}'` : `fiscal_year = ${year}`;
        const [{ n }] = await server.db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`);
        expect([table, Number(n)]).toEqual([table, 0]);
      }
    });
  });

  it('baselineYears shows only supported years, even when rows of absurd years are already stored', async () => {
    const { laoCode, token } = await officer();
    for (const fiscalYear of [1_002_570, 2_147_483_647, -1, 0, 2560]) {
      await server.db.getRepository(BaselineRequest).insert({
        laoCode,
        fiscalYear,
        currentCount: 0,
        requestedCount: 1,
        status: RequestStatus.PENDING,
        reason: null,
        requestedBy: null,
        requestedAt: server.clock.now(),
        decidedBy: null,
        decidedAt: null,
      });
    }
    await makePlanYear(server.db, { laoCode, fiscalYear: -2_147_483_648, baselineCount: 1, minimumCount: null });
    await makePlanYear(server.db, { laoCode, fiscalYear: 2570, baselineCount: 4, minimumCount: null });
    const res = await server.gql(BaselineYearsFiscalYearBaselineCountDocument, { l: laoCode }, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.baselineYears).toEqual([
      { fiscalYear: 2566, baselineCount: 0 },
      { fiscalYear: 2567, baselineCount: 1 },
      { fiscalYear: 2568, baselineCount: 0 },
      { fiscalYear: 2569, baselineCount: 0 },
      { fiscalYear: 2570, baselineCount: 4 },
    ]);
  });

  describe('text', () => {
    it.each([
      ['spaces only', { name: '   ' }, 'name', 'กรุณากรอกชื่อโครงการ'],
      ['zero-width characters only', { name: '\u200B\uFEFF\u2060' }, 'name', 'กรุณากรอกชื่อโครงการ'],
      ['no-break and ideographic spaces only', { objective: '\u00A0\u3000' }, 'objective', 'กรุณากรอกวัตถุประสงค์'],
      ['a NUL character', { name: 'โครง\u0000การ' }, 'name', REFUSED_CHARACTERS('ชื่อโครงการ')],
      ['an escape sequence', { objective: '\u001B[31mวัตถุประสงค์' }, 'objective', REFUSED_CHARACTERS('วัตถุประสงค์')],
      ['a lone surrogate', { name: 'โครงการ\uD800' }, 'name', REFUSED_CHARACTERS('ชื่อโครงการ')],
      ['a right-to-left override', { note: '\u202Eการทดสอบ' }, 'note', REFUSED_CHARACTERS('หมายเหตุ')],
      ['501 characters after trimming', { name: ` ${'ก'.repeat(501)} ` }, 'name', 'ชื่อโครงการต้องไม่เกิน 500 ตัวอักษร'],
    ])('a project name or text with %s is refused in Thai and nothing is stored', async (_case, change, field, message) => {
      const { laoCode, token } = await officer();
      const before = await server.db.getRepository(Project).countBy({ laoCode });
      const res = await server.gql(CreateProjectNameObjectiveNoteDocument, { l: laoCode, i: { ...PROJECT_INPUT, ...change } }, { token });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields).toContainEqual({ field, message });
      expect(await server.db.getRepository(Project).countBy({ laoCode })).toBe(before);
    });

    it('is stored trimmed of spaces and invisible characters, with line breaks kept only in text areas', async () => {
      const { laoCode, token } = await officer();
      const res = await server.gql(
        CreateProjectNameObjectiveNoteDocument,
        {
          l: laoCode,
          i: {
            ...PROJECT_INPUT,
            name: '\uFEFF  โครงการ\r\nส่งเสริม\u200Bคุณธรรม \u200B',
            objective: ' ข้อ 1\r\nข้อ 2\u2028ข้อ 3 ',
            note: '\u200B\u200B',
          },
        },
        { token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.createProject).toEqual({ name: 'โครงการ ส่งเสริม\u200Bคุณธรรม', objective: 'ข้อ 1\nข้อ 2\nข้อ 3', note: null });
    });

    it('a lone surrogate in an e-mail, or an area of 1e-7 km², gets a Thai field message, not an internal error', async () => {
      const { laoCode, token } = await officer();
      const email = await server.gql(
        UpdateLaoProfileInputDocument,
        { l: laoCode, i: { size: 'SMALL', coordinatorEmail: 'saraban\uD800@khonhat.go.th' } },
        { token },
      );
      expect(email.errors![0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'coordinatorEmail', message: REFUSED_CHARACTERS('อีเมล') }],
      });
      for (const areaKm2 of [1e-7, 5e-324, 1.0001]) {
        const area = await server.gql(UpdateLaoProfileInputDocument, { l: laoCode, i: { size: 'SMALL', areaKm2 } }, { token });
        expect(area.errors![0].extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'areaKm2', message: 'ขนาดพื้นที่ใส่ทศนิยมได้ไม่เกิน 3 ตำแหน่ง' }],
        });
      }
      const reset = await server.gql(RequestPasswordResetOfXDocument, { e: 'a\uD800@b.go.th' });
      expect(codeOf(reset)).toBe('BAD_USER_INPUT');
      expect(reset.errors![0].message).toBe(REFUSED_CHARACTERS('อีเมล'));
    });

    it('reasons are checked as text: blank is no reason, control characters are refused', async () => {
      const { project, token } = await officer();
      const bad = await server.gql(RequestProjectReductionReductionNoteDocument, { p: String(project.id), n: 'เหตุผล\u0007' }, { token });
      expect(bad.errors![0].extensions!.fields).toEqual([{ field: 'note', message: REFUSED_CHARACTERS('เหตุผลที่ขอปรับลด') }]);
      const blank = await server.gql(RequestProjectReductionReductionNoteDocument, { p: String(project.id), n: ' \u200B ' }, { token });
      expect(blank.errors).toBeUndefined();
      expect(blank.data!.requestProjectReduction).toEqual({ reductionNote: null });
    });
  });

  it('savePlanResultNote refuses a closed round like progress reports do, and honours a reopening', async () => {
    const { laoCode, token } = await officer();
    // A fiscal year of its own, so the window set here touches no other test.
    const year = 2565;
    const closes = new Date(server.clock.now().getTime() - 1000).toISOString();
    const set = await server.gql(SetReportingWindowClosesAtDocument, { y: year, c: closes }, { token: admin });
    expect(set.errors).toBeUndefined();
    const closed = await server.gql(SavePlanResultNoteProblemsReporterNameDocument, { l: laoCode, y: year }, { token });
    expect(codeOf(closed)).toBe('ROUND_CLOSED');
    expect(closed.errors![0].message).toBe(
      'ขณะนี้ไม่อยู่ในช่วงเวลารายงานผลรอบ 12 เดือน ปีงบประมาณ พ.ศ. 2565 ท่านดูข้อมูลได้แต่บันทึกไม่ได้ หากจำเป็นกรุณาติดต่อสำนักงาน ป.ป.ช.',
    );
    expect(Number((await server.db.query(`SELECT COUNT(*) AS n FROM plan_result_note WHERE lao_code = '${laoCode}'`))[0].n)).toBe(0);
    const reopen = await server.gql(
      ReopenRoundOpenUntilDocument,
      { l: laoCode, y: year, u: new Date(server.clock.now().getTime() + 3600_000).toISOString() },
      { token: admin },
    );
    expect(reopen.errors).toBeUndefined();
    const saved = await server.gql(SavePlanResultNoteProblemsReporterNameDocument, { l: laoCode, y: year }, { token });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.savePlanResultNote).toEqual({ problems: 'งบประมาณไม่เพียงพอ', reporterName: 'นางสาวทดสอบ ระบบ' });
  });

  describe('values that do not fit their types get Thai messages under their fields', () => {
    const PROFILE = 'mutation($i: LaoProfileInput!) { updateLaoProfile(laoCode: "0000000", input: $i) { code } }';
    const AWARDS = 'mutation($a: [AwardInput!]!) { setAwards(laoCode: "0000000", fiscalYear: 2567, awards: $a) { kind } }';
    it.each([
      ['a missing variable', 'query($y: Int!) { planDimensions(fiscalYear: $y) { name } }', {}, 'y', 'กรุณากรอกข้อมูลนี้'],
      ['null for a required variable', 'query($y: Int!) { planDimensions(fiscalYear: $y) { name } }', { y: null }, 'y', 'กรุณากรอกข้อมูลนี้'],
      [
        '2^31 for an Int',
        'query($y: Int!) { planDimensions(fiscalYear: $y) { name } }',
        { y: 2 ** 31 },
        'y',
        'ตัวเลขมากหรือน้อยเกินกว่าที่ระบบรับได้',
      ],
      ['text for an Int', 'query($y: Int!) { planDimensions(fiscalYear: $y) { name } }', { y: 'สองพัน' }, 'y', 'กรุณากรอกเป็นจำนวนเต็ม'],
      ['a required field left out', PROFILE, { i: {} }, 'size', 'กรุณากรอกข้อมูลนี้'],
      ['an unknown field', PROFILE, { i: { size: 'SMALL', isAdmin: true } }, 'isAdmin', 'มีข้อมูลที่ระบบไม่รู้จัก กรุณาตรวจสอบรูปแบบข้อมูลที่ส่ง'],
      ['a number for a string', PROFILE, { i: { size: 'SMALL', address: 5 } }, 'address', 'กรุณากรอกเป็นข้อความ'],
      [
        'a value that quotes graphql-js',
        PROFILE,
        { i: { size: 'SMALL', population: '1; Boolean cannot represent' } },
        'population',
        'กรุณากรอกเป็นจำนวนเต็ม',
      ],
      ['an unknown enum value', AWARDS, { a: [{ kind: 'KPI' }, { kind: 'NOBEL' }] }, 'a.1.kind', 'ค่าที่เลือกไม่ถูกต้อง'],
      ['a list for an object', PROFILE, { i: [] }, 'i', 'รูปแบบข้อมูลไม่ถูกต้อง'],
      [
        'a malformed date',
        'mutation($d: DateTime!) { reopenRound(laoCode: "0000000", fiscalYear: 2567, round: SIX_MONTHS, until: $d) { fiscalYear } }',
        { d: '2024-02-30T00:00:00Z' },
        'd',
        'วันที่และเวลาไม่ถูกต้อง (รูปแบบ ISO 8601 เช่น 2024-05-02T03:00:00.000Z)',
      ],
      [
        'a date in year 1',
        'mutation($d: DateTime!) { reopenRound(laoCode: "0000000", fiscalYear: 2567, round: SIX_MONTHS, until: $d) { fiscalYear } }',
        { d: '0001-01-01T00:00:00Z' },
        'd',
        'วันที่ต้องอยู่ระหว่าง พ.ศ. 2543–2642',
      ],
    ])('%s', async (_case, query, variables, field, message) => {
      // Sent as text with variables the schema's types would refuse: the server's coercion is what is tested.
      const res = await server.gql(query, variables, { token: admin });
      expect(res.status).toBe(400);
      expect(res.errors![0]).toEqual({ message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message }] } });
    });

    it('a literal that does not fit, or a syntax error, is answered in Thai with graphql-js’s words kept as detail', async () => {
      // Malformed on purpose, so sent as text: no typed document can hold these.
      const literal = await server.gql('{ planDimensions(fiscalYear: 1.5) { name } }');
      expect(literal.errors![0].message).toBe('กรุณากรอกเป็นจำนวนเต็ม');
      expect(literal.errors![0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        detail: 'Int cannot represent non-integer value: 1.5',
      });
      const syntax = await server.gql('{ planDimensions(fiscalYear: ) }');
      expect(syntax.errors![0].message).toBe('คำขอไม่ถูกต้อง: รูปแบบคำสั่ง GraphQL ผิด');
      expect(syntax.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
      const unknown = await server.gql('{ planDimensions(fiscalYear: 2567) { colour } }');
      expect(unknown.errors![0].message).toBe('คำขอไม่ถูกต้อง: ไม่ตรงกับโครงสร้างของ API');
      expect(unknown.errors![0].extensions!.detail).toMatch(/colour/);
    });
  });
});
