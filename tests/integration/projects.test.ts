import { Role } from '../../server/src/modules/access/role';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { ProjectYear } from '../../server/src/modules/project/project-year.entity';
import { Project } from '../../server/src/modules/project/project.entity';
import { PlanStatus } from '../../server/src/modules/plan/project.enums';
import { countStatements, makeLao, makeProject, makeReport, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import {
  CreateProjectDocument,
  DeleteProjectDocument,
  ProjectDocument,
  ProjectsDocument,
  RequestProjectReductionDocument,
  UpdateProjectDocument,
  type ProjectInput,
} from '../gql/graphql';
import { print } from 'graphql';

const validInput = (over: Partial<ProjectInput> = {}): ProjectInput => ({
  origin: 'PLANNED',
  name: '  โครงการส่งเสริมคุณธรรมจริยธรรมบุคลากร  ',
  fiscalYears: [2568, 2567],
  category: 'PROJECT',
  quarters: [3, 1],
  dimension: 1,
  extraDimensions: [4, 2],
  budget: '15,000.50',
  targetGroups: ['LOCAL_STAFF', 'CHILDREN_YOUTH'],
  objective: 'เพื่อปลูกฝังคุณธรรม',
  note: 'หมายเหตุทดสอบ',
  ...over,
});

describe.each(databases)('the action plan: projects ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  async function officer() {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    return { user, laoCode: user.laoCode!, token: await signIn(server, user.username, PASSWORD) };
  }

  it('creates a planned project with every field of the form, standing สอดคล้อง in each year', async () => {
    const { laoCode, token } = await officer();
    const res = await server.gql(CreateProjectDocument, { lao: laoCode, input: validInput() }, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createProject).toMatchObject({
      version: 1,
      seq: 1,
      origin: 'PLANNED',
      name: 'โครงการส่งเสริมคุณธรรมจริยธรรมบุคลากร',
      fiscalYears: [2567, 2568],
      category: 'PROJECT',
      quarters: [1, 3],
      dimension: 1,
      extraDimensions: [2, 4],
      budget: '15000.50',
      targetGroups: ['LOCAL_STAFF', 'CHILDREN_YOUTH'],
      objective: 'เพื่อปลูกฝังคุณธรรม',
      note: 'หมายเหตุทดสอบ',
      canEdit: true,
      canDelete: true,
      lao: { code: laoCode },
      years: [
        { fiscalYear: 2567, planStatus: 'COMPLIANT', reviewReason: null, sixMonths: null, twelveMonths: null },
        { fiscalYear: 2568, planStatus: 'COMPLIANT', reviewReason: null, sixMonths: null, twelveMonths: null },
      ],
    });
    const second = await server.gql(
      CreateProjectDocument,
      { lao: laoCode, input: validInput({ origin: 'ADDITIONAL', budget: null, fiscalYears: [2567] }) },
      { token },
    );
    expect(second.data!.createProject).toMatchObject({ seq: 2, budget: null, years: [{ fiscalYear: 2567, planStatus: 'ADD_PENDING' }] });
    const audit = await server.db.getRepository(AuditLog).findBy({ action: 'createProject', laoCode });
    expect(audit).toHaveLength(2);
  });

  it('lists a year’s projects, or all years, in their order', async () => {
    const { laoCode, token } = await officer();
    const lao = (await server.db.query('SELECT * FROM lao WHERE code = ?', [laoCode]))[0];
    const a = await makeProject(server.db, { ...lao, code: laoCode }, { fiscalYears: [2567], name: 'ก' });
    const b = await makeProject(server.db, { ...lao, code: laoCode }, { fiscalYears: [2568], name: 'ข' });
    const c = await makeProject(server.db, { ...lao, code: laoCode }, { fiscalYears: [2567, 2568], name: 'ค' });
    const y2567 = await server.gql(ProjectsDocument, { lao: laoCode, y: 2567 }, { token });
    expect(y2567.data!.projects.map((p: { id: string }) => Number(p.id))).toEqual([a.id, c.id]);
    const all = await server.gql(ProjectsDocument, { lao: laoCode, y: null }, { token });
    expect(all.data!.projects.map((p: { name: string; fiscalYears: number[] }) => [p.name, p.fiscalYears])).toEqual([
      ['ก', [2567]],
      ['ข', [2568]],
      ['ค', [2567, 2568]],
    ]);
    expect(b.seq).toBe(2);
  });

  it.each([
    ['no name', { name: '   ' }, 'name', 'กรุณากรอกชื่อโครงการ'],
    ['no fiscal year', { fiscalYears: [] }, 'fiscalYears', 'กรุณาเลือกปีงบประมาณที่ดำเนินการอย่างน้อย 1 ปี'],
    ['a past fiscal year', { fiscalYears: [2566, 2567] }, 'fiscalYears', 'เพิ่มโครงการในปีงบประมาณที่ผ่านมาแล้วไม่ได้ (ปีปัจจุบันคือ พ.ศ. 2567)'],
    ['a year too far ahead', { fiscalYears: [2572] }, 'fiscalYears', 'ปีงบประมาณต้องอยู่ระหว่าง พ.ศ. 2561–2571'],
    ['no quarter', { quarters: [] }, 'quarters', 'กรุณาเลือกไตรมาสที่ดำเนินการอย่างน้อย 1 ไตรมาส (กรณีไม่ทราบให้เลือกไตรมาส 1)'],
    ['quarter 5', { quarters: [5] }, 'quarters', 'ไตรมาสต้องเป็น 1–4'],
    ['dimension 0', { dimension: 0 }, 'dimension', 'กรุณาเลือกมิติของโครงการ (มิติที่ 1–4)'],
    ['the primary dimension again as extra', { extraDimensions: [1] }, 'extraDimensions', 'มิติเพิ่มเติมต้องไม่ซ้ำกับมิติหลัก'],
    ['a budget of zero', { budget: '0' }, 'budget', 'งบประมาณต้องมากกว่า 0 บาท (หรือเลือก "ดำเนินการโดยไม่ใช้งบประมาณ")'],
    ['a negative budget', { budget: '-100' }, 'budget', 'งบประมาณต้องมากกว่า 0 บาท (หรือเลือก "ดำเนินการโดยไม่ใช้งบประมาณ")'],
    ['no target group', { targetGroups: [] }, 'targetGroups', 'กรุณาเลือกกลุ่มเป้าหมายอย่างน้อย 1 กลุ่ม'],
    ['no objective', { objective: '' }, 'objective', 'กรุณากรอกวัตถุประสงค์'],
    ['a name over 500 characters', { name: 'ก'.repeat(501) }, 'name', 'ชื่อโครงการต้องไม่เกิน 500 ตัวอักษร'],
  ])('refuses a project with %s, in Thai, and saves nothing', async (_case, change, field, message) => {
    const { laoCode, token } = await officer();
    const res = await server.gql(CreateProjectDocument, { lao: laoCode, input: validInput(change) }, { token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toContainEqual({ field, message });
    expect(await server.db.getRepository(Project).countBy({ laoCode })).toBe(0);
  });

  it('refuses a budget with more than two decimals', async () => {
    const { laoCode, token } = await officer();
    const res = await server.gql(CreateProjectDocument, { lao: laoCode, input: validInput({ budget: '100.555' }) }, { token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toBe('จำนวนเงินไม่ถูกต้อง: กรอกเป็นตัวเลข ทศนิยมไม่เกิน 2 ตำแหน่ง และไม่เกิน 999,999,999,999.99 บาท');
    expect(res.errors![0].extensions!.fields).toEqual([{ field: 'budget', message: res.errors![0].message }]);
  });

  it('edits a project: the same form, a new version, years added and removed', async () => {
    const { laoCode, token } = await officer();
    const created = (await server.gql(CreateProjectDocument, { lao: laoCode, input: validInput() }, { token })).data!.createProject;
    const res = await server.gql(
      UpdateProjectDocument,
      { id: created.id, v: 1, input: validInput({ name: 'ชื่อใหม่', fiscalYears: [2567, 2569], budget: null, note: null }) },
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateProject).toMatchObject({ version: 2, name: 'ชื่อใหม่', fiscalYears: [2567, 2569], budget: null, note: null });
    const audit = await server.db.getRepository(AuditLog).findOneByOrFail({ action: 'updateProject', targetId: created.id });
    expect(JSON.parse(audit.before!)).toMatchObject({
      name: 'โครงการส่งเสริมคุณธรรมจริยธรรมบุคลากร',
      fiscalYears: [2567, 2568],
      budget: 1500050,
    });
    expect(JSON.parse(audit.after!)).toMatchObject({ name: 'ชื่อใหม่', budget: null });
  });

  it('two officers edit the same project: the second save gets CONFLICT and overwrites nothing', async () => {
    const { user, laoCode, token } = await officer();
    const colleague = await makeUser(server.db, Role.LAO_OFFICER, {
      username: `${user.username}-2`,
      lao: (await server.db.getRepository('Lao').findOneByOrFail({ code: laoCode })) as never,
    });
    const other = await signIn(server, colleague.username, PASSWORD);
    const created = (await server.gql(CreateProjectDocument, { lao: laoCode, input: validInput() }, { token })).data!.createProject;
    const first = await server.gql(UpdateProjectDocument, { id: created.id, v: 1, input: validInput({ name: 'บันทึกก่อน' }) }, { token });
    expect(first.errors).toBeUndefined();
    const second = await server.gql(
      UpdateProjectDocument,
      { id: created.id, v: 1, input: validInput({ name: 'บันทึกทีหลัง', fiscalYears: [2567] }) },
      { token: other },
    );
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors![0].message).toBe('โครงการนี้ถูกแก้ไขโดยผู้อื่นหลังจากที่ท่านเปิดดู ข้อมูลของท่านยังไม่ถูกบันทึก กรุณาโหลดข้อมูลล่าสุดแล้วแก้ไขอีกครั้ง');
    const now = (await server.gql(ProjectDocument, { id: created.id }, { token })).data!.project;
    expect(now).toEqual({ name: 'บันทึกก่อน', version: 2, fiscalYears: [2567, 2568] });
  });

  it.each<[string, Partial<ProjectInput>, string, string]>([
    ['change planned to additional', { origin: 'ADDITIONAL' }, 'origin', 'เปลี่ยนโครงการตามแผนฯ/โครงการที่ขอทำเพิ่มเติมหลังสร้างแล้วไม่ได้'],
    [
      'remove a year already reported on',
      { fiscalYears: [2568] },
      'fiscalYears',
      'ปี พ.ศ. 2567 มีการรายงานผลแล้ว นำออกไม่ได้ (ให้ขอปรับลดจากแผนฯ แทน)',
    ],
    ['add a past year', { fiscalYears: [2566, 2567, 2568] }, 'fiscalYears', 'เพิ่มหรือนำปีงบประมาณที่ผ่านมาแล้วออกไม่ได้ (ปีปัจจุบันคือ พ.ศ. 2567)'],
  ])('refuses an edit that would %s', async (_case, change, field, message) => {
    const { laoCode, token } = await officer();
    const created = (await server.gql(CreateProjectDocument, { lao: laoCode, input: validInput() }, { token })).data!.createProject;
    const project = await server.db.getRepository(Project).findOneByOrFail({ id: Number(created.id) });
    await makeReport(server.db, project);
    const res = await server.gql(UpdateProjectDocument, { id: created.id, v: 1, input: validInput(change) }, { token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toContainEqual({ field, message });
    expect((await server.db.getRepository(Project).findOneByOrFail({ id: project.id })).version).toBe(1);
  });

  it('deletes a project without reports, and refuses once it has one', async () => {
    const { laoCode, token } = await officer();
    const lao = await server.db.getRepository('Lao').findOneByOrFail({ code: laoCode });
    const free = await makeProject(server.db, lao as never);
    const reported = await makeProject(server.db, lao as never);
    await makeReport(server.db, reported);
    expect((await server.gql(DeleteProjectDocument, { id: String(free.id) }, { token })).data).toEqual({ deleteProject: true });
    expect(await server.db.getRepository(Project).existsBy({ id: free.id })).toBe(false);
    expect(await server.db.getRepository(ProjectYear).existsBy({ projectId: free.id })).toBe(false);
    const audit = await server.db.getRepository(AuditLog).findOneByOrFail({ action: 'deleteProject', targetId: String(free.id) });
    expect(JSON.parse(audit.before!)).toMatchObject({ name: free.name, years: [{ fiscalYear: 2567, planStatus: 'COMPLIANT' }] });

    const refused = await server.gql(DeleteProjectDocument, { id: String(reported.id) }, { token });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toBe('โครงการนี้มีการรายงานผลแล้ว จึงลบไม่ได้ หากไม่ดำเนินการในปีใด ให้ขอปรับลดจากแผนฯ ของปีนั้น');
    const listed = await server.gql(ProjectsDocument, { lao: laoCode, y: 2567 }, { token });
    expect(listed.data!.projects).toEqual([
      expect.objectContaining({
        id: String(reported.id),
        canDelete: false,
        years: [expect.objectContaining({ sixMonths: { status: 'IN_PROGRESS' } })],
      }),
    ]);
  });

  it('asks to drop a project from a year’s plan: รอการอนุมัติลด, once', async () => {
    const { laoCode, token } = await officer();
    const lao = await server.db.getRepository('Lao').findOneByOrFail({ code: laoCode });
    const project = await makeProject(server.db, lao as never, { fiscalYears: [2567, 2568] });
    const res = await server.gql(RequestProjectReductionDocument, { id: String(project.id), y: 2567 }, { token });
    expect(res.data!.requestProjectReduction).toEqual({ fiscalYear: 2567, planStatus: 'REDUCE_PENDING', reductionNote: 'ไม่ได้รับงบประมาณ' });
    expect(codeOf(await server.gql(RequestProjectReductionDocument, { id: String(project.id), y: 2567 }, { token }))).toBe('CONFLICT');
    expect(codeOf(await server.gql(RequestProjectReductionDocument, { id: String(project.id), y: 2569 }, { token }))).toBe('NOT_FOUND');
    const years = await server.db.getRepository(ProjectYear).find({ where: { projectId: project.id }, order: { fiscalYear: 'ASC' } });
    expect(years.map((y) => y.planStatus)).toEqual([PlanStatus.REDUCE_PENDING, PlanStatus.COMPLIANT]);
  });

  it('an officer of another LAO is refused on every operation, read and write, whatever ids it sends', async () => {
    const victim = await makeLao(server.db);
    const project = await makeProject(server.db, victim);
    const { token } = await officer();
    const ops: Array<[string, string, Record<string, unknown>]> = [
      ['projects', print(ProjectsDocument), { lao: victim.code, y: 2567 }],
      ['project', 'query($id: ID!) { project(id: $id) { name } }', { id: String(project.id) }],
      ['createProject', print(CreateProjectDocument), { lao: victim.code, input: validInput() }],
      ['updateProject', print(UpdateProjectDocument), { id: String(project.id), v: 1, input: validInput() }],
      ['deleteProject', 'mutation($id: ID!) { deleteProject(id: $id) }', { id: String(project.id) }],
      [
        'requestProjectReduction',
        'mutation($id: ID!) { requestProjectReduction(projectId: $id, fiscalYear: 2567) { planStatus } }',
        { id: String(project.id) },
      ],
      ['updateLaoProfile', 'mutation($c: String!) { updateLaoProfile(laoCode: $c, input: { size: LARGE }) { code } }', { c: victim.code }],
      [
        'setAwards',
        'mutation($c: String!) { setAwards(laoCode: $c, fiscalYear: 2567, awards: [{ kind: KPI }]) { kind } }',
        { c: victim.code },
      ],
      ['lao', 'query($c: String!) { lao(code: $c) { name } }', { c: victim.code }],
    ];
    // A table of operations as text: each is sent the same way and must be refused, whatever it is.
    for (const [name, query, variables] of ops) {
      const res = await server.gql(query, variables, { token });
      expect([name, codeOf(res)]).toEqual([name, 'FORBIDDEN']);
    }
    expect(await server.db.getRepository(Project).findOneByOrFail({ id: project.id })).toMatchObject({ name: project.name, version: 1 });
    expect(await server.db.getRepository(Project).countBy({ laoCode: victim.code })).toBe(1);
  });

  it('a province officer reads its province’s projects but cannot change them; another province is refused', async () => {
    const lao = await makeLao(server.db, { provinceCode: '80', districtCode: '8007' });
    const project = await makeProject(server.db, lao);
    const mine = await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80' });
    const theirs = await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '81' });
    const tMine = await signIn(server, mine.username, PASSWORD);
    const tTheirs = await signIn(server, theirs.username, PASSWORD);
    const list = await server.gql(ProjectsDocument, { lao: lao.code, y: 2567 }, { token: tMine });
    expect(list.data!.projects).toEqual([expect.objectContaining({ id: String(project.id), canEdit: false, canDelete: false })]);
    expect(codeOf(await server.gql(UpdateProjectDocument, { id: String(project.id), v: 1, input: validInput() }, { token: tMine }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await server.gql(ProjectsDocument, { lao: lao.code, y: 2567 }, { token: tTheirs }))).toBe('FORBIDDEN');
  });

  it('lists a year with years, standings and reports in a constant number of SQL statements', async () => {
    const { token } = await officer();
    const admin = await makeUser(server.db, Role.ADMIN);
    const adminToken = await signIn(server, admin.username, PASSWORD);
    const small = await makeLao(server.db);
    const large = await makeLao(server.db);
    for (let i = 0; i < 2; i++) await makeReport(server.db, await makeProject(server.db, small, { fiscalYears: [2567, 2568] }));
    for (let i = 0; i < 30; i++) await makeReport(server.db, await makeProject(server.db, large, { fiscalYears: [2567, 2568] }));
    const run = (code: string) =>
      countStatements(server.db, () => server.gql(ProjectsDocument, { lao: code, y: 2567 }, { token: adminToken }));
    const a = await run(small.code);
    const b = await run(large.code);
    expect(a.result.data!.projects).toHaveLength(2);
    expect(b.result.data!.projects).toHaveLength(30);
    expect(b.statements.length).toBe(a.statements.length);
    expect(b.statements.length).toBeLessThanOrEqual(6);
    expect(token).toBeTruthy();
  });
});
