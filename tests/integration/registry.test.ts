import { Role } from '../../server/src/modules/access/role';
import { makeLao, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import {
  DistrictsDocument,
  LaoNameDocument,
  LaoCodeDocument,
  LaoMissingDocument,
  LaoDemoDocument,
  LaoCanEditDocument,
  LaosOfProvince81Document,
  LaosOfDistrict8007Document,
  LaosOfProvince80Document,
  ProvincesDocument,
  UsernameLookupDocument,
} from '../gql/graphql';

describe.each(databases)('geography, username lookup and LAO scope ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  it('lists all 77 provinces and the districts of one, signed out, in Thai order', async () => {
    const res = await server.gql(ProvincesDocument);
    expect(res.data!.provinces).toHaveLength(77);
    expect(res.data!.provinces[0]).toEqual({ code: '81', name: 'กระบี่' });
    expect(res.data!.provinces).toContainEqual({ code: '10', name: 'กรุงเทพมหานคร' });
    const districts = await server.gql(DistrictsDocument);
    expect(districts.data!.districts.map((d: { name: string }) => d.name)).toEqual([
      'เกาะลันตา',
      'เขาพนม',
      'คลองท่อม',
      'ปลายพระยา',
      'เมืองกระบี่',
      'ลำทับ',
      'เหนือคลอง',
      'อ่าวลึก',
    ]);
    const all = await server.db.query('SELECT COUNT(*) AS n FROM district');
    expect(Number(all[0].n)).toBe(928);
  });

  it('looks up usernames by province and district, signed out, without passwords or e-mails', async () => {
    const lao = await makeLao(server.db, { provinceCode: '81', districtCode: '8106', name: 'องค์การบริหารส่วนตำบลค้นหา' });
    const officer = await makeUser(server.db, Role.LAO_OFFICER, { lao, email: 'secret@example.go.th' });
    const noAccount = await makeLao(server.db, { provinceCode: '81', districtCode: '8106', name: 'เทศบาลตำบลยังไม่มีบัญชี' });
    const res = await server.gql(UsernameLookupDocument, { p: '81', d: '8106' });
    expect(res.data!.usernameLookup).toEqual(
      expect.arrayContaining([
        { laoCode: lao.code, laoName: 'องค์การบริหารส่วนตำบลค้นหา', username: officer.username },
        { laoCode: noAccount.code, laoName: 'เทศบาลตำบลยังไม่มีบัญชี', username: null },
      ]),
    );
    expect(JSON.stringify(res)).not.toContain('secret@example.go.th');
  });

  it.each([
    ['a district of another province', { p: '80', d: '8106' }, 'อำเภอที่เลือกไม่อยู่ในจังหวัดที่เลือก'],
    ['no province', { p: '', d: '8106' }, 'กรุณาเลือกจังหวัด'],
    ['no district', { p: '81', d: '' }, 'กรุณาเลือกอำเภอ'],
  ])('refuses a lookup with %s', async (_case, vars, message) => {
    const res = await server.gql(UsernameLookupDocument, vars);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toBe(message);
  });

  it('an LAO officer reads its own LAO only, whatever code it sends', async () => {
    const own = await makeUser(server.db, Role.LAO_OFFICER);
    const other = await makeLao(server.db);
    const token = await signIn(server, own.username, PASSWORD);
    expect((await server.gql(LaoCanEditDocument, { c: own.laoCode! }, { token })).data!.lao).toEqual({
      code: own.laoCode,
      canEdit: true,
    });
    const foreign = await server.gql(LaoNameDocument, { c: other.code }, { token });
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    expect(foreign.data).toEqual({ lao: null });
    const list = await server.gql(LaosOfProvince80Document, {}, { token });
    expect(list.data!.laos).toEqual([{ code: own.laoCode }]);
  });

  it('a province officer reads the LAOs of its province, not another’s, and cannot edit them', async () => {
    const officer = await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80' });
    const inside = await makeLao(server.db, { provinceCode: '80', districtCode: '8007' });
    const outside = await makeLao(server.db, { provinceCode: '81', districtCode: '8101' });
    const token = await signIn(server, officer.username, PASSWORD);
    expect((await server.gql(LaoCanEditDocument, { c: inside.code }, { token })).data!.lao).toEqual({
      code: inside.code,
      canEdit: false,
    });
    expect(codeOf(await server.gql(LaoCodeDocument, { c: outside.code }, { token }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(LaosOfProvince81Document, {}, { token }))).toBe('FORBIDDEN');
    const own = await server.gql(LaosOfDistrict8007Document, {}, { token });
    expect(own.data!.laos.map((l: { code: string }) => l.code)).toContain(inside.code);
    expect(own.data!.laos.every((l: { provinceCode: string }) => l.provinceCode === '80')).toBe(true);
  });

  it('says NOT_FOUND for an LAO code that does not exist, and asks to sign in when signed out', async () => {
    const admin = await makeUser(server.db, Role.ADMIN);
    const token = await signIn(server, admin.username, PASSWORD);
    const missing = await server.gql(LaoMissingDocument, {}, { token });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(missing.errors![0].message).toBe('ไม่พบ อปท. รหัสนี้');
    const anon = await server.gql(LaoDemoDocument);
    expect(codeOf(anon)).toBe('UNAUTHENTICATED');
    expect(anon.errors![0].message).toBe('กรุณาเข้าสู่ระบบก่อนใช้งาน');
  });
});
