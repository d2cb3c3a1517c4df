import { Role } from '../../server/src/modules/access/role';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { Project } from '../../server/src/modules/project/project.entity';
import { makeLao, makeProject, makeUser, PASSWORD, unusedLaoCode } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import { AuditTrailDocument, CreateDatedLaoDocument, RegistryTableDocument, UpdateLaoEntryDocument } from '../gql/graphql';

describe.each(databases)('ADMIN edits and retires an LAO in the registry ($name)', ({ url }) => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await TestServer.start(url());
    admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
  });
  afterAll(() => server.stop());

  const input = (over: Record<string, unknown> = {}) => ({
    name: 'องค์การบริหารส่วนตำบลแก้ไขชื่อ',
    type: 'SAO' as const,
    size: 'LARGE' as const,
    districtCode: '8103',
    address: 'ม.1',
    active: true,
    ...over,
  });

  it('changes the entry (the province follows the district), retires it keeping its projects, and logs both in Thai', async () => {
    const lao = await makeLao(server.db, { provinceCode: '80', districtCode: '8007' });
    const project = await makeProject(server.db, lao);
    const moved = await server.gql(UpdateLaoEntryDocument, { code: lao.code, input: input() }, { token: admin });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateLao).toEqual({
      code: lao.code,
      name: 'องค์การบริหารส่วนตำบลแก้ไขชื่อ',
      size: 'LARGE',
      active: true,
      firstFiscalYear: null,
      lastFiscalYear: null,
      province: { code: '81' },
    });
    const retired = await server.gql(UpdateLaoEntryDocument, { code: lao.code, input: input({ active: false }) }, { token: admin });
    expect(retired.data!.updateLao.active).toBe(false);
    expect(await server.db.getRepository(Project).existsBy({ id: project.id })).toBe(true);

    const log = await server.gql(AuditTrailDocument, { a: 'updateLao', l: lao.code }, { token: admin });
    const [last, first] = log.data!.auditLog.rows;
    expect(last.sentence).toContain(`แก้ไขทะเบียน อปท. องค์การบริหารส่วนตำบลแก้ไขชื่อ (${lao.code})`);
    expect(last.changes).toEqual([
      { field: 'active', label: 'ใช้งานอยู่', before: 'ใช่', after: 'ไม่ใช่' },
      { field: 'lastFiscalYear', label: 'อยู่ในทะเบียนถึงปีงบประมาณ', before: '—', after: '2567' },
    ]);
    expect(first.changes).toEqual(
      expect.arrayContaining([
        { field: 'size', label: 'ขนาด', before: 'กลาง', after: 'ใหญ่' },
        { field: 'provinceCode', label: 'รหัสจังหวัด', before: '80', after: '81' },
      ]),
    );
  });

  it('is dated: an LAO added this year is not in last year’s table; one retired this year is in this year’s, not the next', async () => {
    const code = await unusedLaoCode(server.db);
    const made = await server.gql(
      CreateDatedLaoDocument,
      { input: { code, name: 'องค์การบริหารส่วนตำบลตั้งใหม่', type: 'SAO', size: 'SMALL', provinceCode: '81', districtCode: '8103' } },
      { token: admin },
    );
    // The test clock is in fiscal year 2567.
    expect(made.data!.createLao).toEqual({ code, firstFiscalYear: 2567, lastFiscalYear: null });
    const listed = async (y: number) =>
      (await server.gql(RegistryTableDocument, { p: '81', d: '8103', y }, { token: admin })).data!.provinceScores.rows.some(
        (r) => r.lao.code === code,
      );
    expect([await listed(2566), await listed(2567), await listed(2568)]).toEqual([false, true, true]);
    const retired = await server.gql(
      UpdateLaoEntryDocument,
      { code, input: input({ name: 'องค์การบริหารส่วนตำบลตั้งใหม่', active: false }) },
      { token: admin },
    );
    expect(retired.data!.updateLao).toMatchObject({ active: false, firstFiscalYear: 2567, lastFiscalYear: 2567 });
    expect([await listed(2566), await listed(2567), await listed(2568)]).toEqual([false, true, false]);
    // In use again, it is in every year's table from its first on.
    await server.gql(UpdateLaoEntryDocument, { code, input: input({ name: 'องค์การบริหารส่วนตำบลตั้งใหม่' }) }, { token: admin });
    expect([await listed(2566), await listed(2567), await listed(2568)]).toEqual([false, true, true]);
  });

  it('refuses an unknown district or LAO in Thai and changes nothing; only ADMIN may', async () => {
    const lao = await makeLao(server.db);
    const bad = await server.gql(
      UpdateLaoEntryDocument,
      { code: lao.code, input: input({ districtCode: '9999', name: '  ' }) },
      { token: admin },
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.fields).toContainEqual({ field: 'name', message: 'กรุณากรอกชื่อ อปท.' });
    // The rules of the fields both inputs share hold on both: invisible characters trimmed, the length with its message.
    for (const name of ['\u200B\uFEFF', 'ก'.repeat(201)]) {
      const message = name.length > 200 ? 'ชื่อ อปท. ต้องไม่เกิน 200 ตัวอักษร' : 'กรุณากรอกชื่อ อปท.';
      const update = await server.gql(UpdateLaoEntryDocument, { code: lao.code, input: input({ name }) }, { token: admin });
      expect(update.errors![0].extensions!.fields).toEqual([{ field: 'name', message }]);
      const create = await server.gql(
        CreateDatedLaoDocument,
        { input: { code: await unusedLaoCode(server.db), name, type: 'SAO', size: 'SMALL', provinceCode: '80', districtCode: '8007' } },
        { token: admin },
      );
      expect(create.errors![0].extensions!.fields).toEqual([{ field: 'name', message }]);
    }
    const missing = await server.gql(UpdateLaoEntryDocument, { code: '0000000', input: input() }, { token: admin });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    const officer = await signIn(
      server,
      (await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: lao.provinceCode })).username,
      PASSWORD,
    );
    expect(codeOf(await server.gql(UpdateLaoEntryDocument, { code: lao.code, input: input() }, { token: officer }))).toBe('FORBIDDEN');
    const after = await server.db.getRepository(Lao).findOneByOrFail({ code: lao.code });
    expect([after.name, after.size, after.active]).toEqual([lao.name, lao.size, true]);
  });
});
